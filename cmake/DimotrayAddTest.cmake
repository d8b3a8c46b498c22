# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# dimotray_add_test(NAME tst_x SOURCES a.cpp ... [LIBS ...] [LABELS unit|integration|sim|gui|...]
#                   [TIMEOUT seconds] [ENVIRONMENT "K=V" ...] [FIXTURES fixture ...] [GUI])
#
# Builds one QtTest executable and registers it with ctest. Every test runs offscreen, with
# test-mode standard paths (the test itself calls QStandardPaths::setTestModeEnabled), and a
# timeout scaled by DIMOTRAY_TEST_TIMEOUT_FACTOR (environment at configure time, default 1).

set(DIMOTRAY_TEST_TIMEOUT_FACTOR "$ENV{DIMOTRAY_TEST_TIMEOUT_FACTOR}")
if(NOT DIMOTRAY_TEST_TIMEOUT_FACTOR)
    set(DIMOTRAY_TEST_TIMEOUT_FACTOR 1)
endif()

function(dimotray_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT;FIXTURES" ${ARGN})
    if(NOT T_NAME OR NOT T_SOURCES)
        message(FATAL_ERROR "dimotray_add_test needs NAME and SOURCES")
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 60)
    endif()
    if(NOT T_LABELS)
        set(T_LABELS unit)
    endif()
    math(EXPR timeout "${T_TIMEOUT} * ${DIMOTRAY_TEST_TIMEOUT_FACTOR}")

    qt_add_executable(${T_NAME} ${T_SOURCES})
    set_target_properties(${T_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    dimotray_target_defaults(${T_NAME})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    # Module-path includes for every test, e.g. the header-only "tests/support/timeout.h".
    target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
    target_compile_definitions(${T_NAME} PRIVATE
        DIMOTRAY_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        DIMOTRAY_BINARY_DIR="${CMAKE_BINARY_DIR}")

    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set(env
        "QT_QPA_PLATFORM=offscreen"
        "QT_LOGGING_RULES=dimotray.*.debug=false"
        "QTWEBENGINE_DISABLE_SANDBOX=1"
        "DIMOTRAY_TEST_TIMEOUT_FACTOR=${DIMOTRAY_TEST_TIMEOUT_FACTOR}"
        ${T_ENVIRONMENT})
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}"
        TIMEOUT ${timeout}
        ENVIRONMENT "${env}"
        SKIP_RETURN_CODE 77)
    if(T_FIXTURES)
        set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED "${T_FIXTURES}")
    endif()
endfunction()
