# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# Windows: an NSIS installer (included from packaging/CMakeLists.txt). NOT built or tested by this
# project's CI on Linux; the Windows job of .github/workflows/ci.yml exercises it.
#   C:\Program Files\DIMO Tray\bin\dimo-tray.exe        the tray app (GUI subsystem: no console)
#   C:\Program Files\DIMO Tray\bin\mcp-dimo.exe         the shim, beside the app (console subsystem:
#                                                       Claude Desktop talks to it over stdin/stdout)
#   C:\Program Files\DIMO Tray\bin\dimo-tray-login.exe  the Login with DIMO web view (if built)
#   Qt DLLs and plugins beside them (windeployqt), the MSVC runtime (InstallRequiredSystemLibraries).
# Signing (signtool) happens on the binaries before `cpack` and on the installer after it.

# No console window when the shim starts `dimo-tray --background`.
set_target_properties(dimo-tray PROPERTIES WIN32_EXECUTABLE TRUE)

set(bins dimo-tray mcp-dimo dimo-tray-login)
install(TARGETS ${bins} RUNTIME DESTINATION bin)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION . RENAME LICENSE.txt)

# windeployqt on all three executables at once, into bin\ (they share one set of Qt DLLs).
if(NOT TARGET Qt6::windeployqt)
    message(FATAL_ERROR "windeployqt not found: the installer would not carry Qt. Install Qt's tools "
        "(the qttools module of the Qt you build against) or point CMAKE_PREFIX_PATH at a Qt that has them.")
endif()
set(deploy_files "")
foreach(bin ${bins})
    list(APPEND deploy_files "\"\${CMAKE_INSTALL_PREFIX}/bin/$<TARGET_FILE_NAME:${bin}>\"")
endforeach()
list(JOIN deploy_files " " deploy_files)
install(CODE "
    execute_process(COMMAND \"$<TARGET_FILE:Qt6::windeployqt>\" --no-translations --no-system-d3d-compiler
        --dir \"\${CMAKE_INSTALL_PREFIX}/bin\" ${deploy_files} COMMAND_ERROR_IS_FATAL ANY)")
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_PACKAGE_FILE_NAME "dimo-tray-${DIMOTRAY_VERSION}-windows-x64")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_PACKAGE_NAME "${DIMOTRAY_DISPLAY_NAME}")
set(CPACK_NSIS_DISPLAY_NAME "${DIMOTRAY_DISPLAY_NAME}")
set(CPACK_NSIS_URL_INFO_ABOUT "${DIMOTRAY_HOMEPAGE}")
set(CPACK_NSIS_HELP_LINK "${DIMOTRAY_ISSUES_URL}")
set(CPACK_NSIS_CONTACT "${DIMOTRAY_MAINTAINER}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\dimo-tray.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "dimo-tray.exe")
# Start menu entry "DIMO Tray" for bin\dimo-tray.exe.
set(CPACK_PACKAGE_EXECUTABLES "dimo-tray" "${DIMOTRAY_DISPLAY_NAME}")
# A running tray holds its DLLs open: stop it before files are replaced or removed.
set(CPACK_NSIS_EXTRA_PREINSTALL_COMMANDS "nsExec::Exec 'taskkill /IM dimo-tray.exe /F'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "nsExec::Exec 'taskkill /IM dimo-tray.exe /F'")
