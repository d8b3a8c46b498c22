# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# dimotray_ui_web: the Login with DIMO / provisioning web view. QtWebEngine lives here only and is
# linked only by the dimo-tray-login helper process (app/login/), never by dimo-tray.
qt_add_library(dimotray_ui_web STATIC
    ${CMAKE_CURRENT_LIST_DIR}/loginpage.cpp ${CMAKE_CURRENT_LIST_DIR}/loginpage.h
    ${CMAKE_CURRENT_LIST_DIR}/loginwindow.cpp ${CMAKE_CURRENT_LIST_DIR}/loginwindow.h
    ${CMAKE_CURRENT_LIST_DIR}/provisionbridge.cpp ${CMAKE_CURRENT_LIST_DIR}/provisionbridge.h)
qt_add_resources(dimotray_ui_web dimotray_ui_web_pages
    PREFIX /dimotray/login
    BASE ${CMAKE_CURRENT_LIST_DIR}
    FILES ${CMAKE_CURRENT_LIST_DIR}/provision.html)
add_library(dimotray::ui_web ALIAS dimotray_ui_web)
dimotray_target_defaults(dimotray_ui_web)
target_include_directories(dimotray_ui_web PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(dimotray_ui_web PUBLIC dimotray_dimo Qt6::Core Qt6::Gui Qt6::Widgets Qt6::WebEngineWidgets
    Qt6::WebChannel)
