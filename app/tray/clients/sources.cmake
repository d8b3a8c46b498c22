# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# Connecting AI clients: Claude Desktop's config file, client snippets, the HTTP token, start at login.
target_sources(dimotray_app PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/autostart.h
    ${CMAKE_CURRENT_LIST_DIR}/autostartentries.cpp
    ${CMAKE_CURRENT_LIST_DIR}/claudedesktopconfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/claudedesktopconfig.h
    ${CMAKE_CURRENT_LIST_DIR}/clientsnippets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/clientsnippets.h
    ${CMAKE_CURRENT_LIST_DIR}/connectcontroller.cpp
    ${CMAKE_CURRENT_LIST_DIR}/connectcontroller.h
    ${CMAKE_CURRENT_LIST_DIR}/platform.cpp
    ${CMAKE_CURRENT_LIST_DIR}/platform.h)
if(WIN32)
    target_sources(dimotray_app PRIVATE ${CMAKE_CURRENT_LIST_DIR}/autostart_win.cpp)
elseif(APPLE)
    target_sources(dimotray_app PRIVATE ${CMAKE_CURRENT_LIST_DIR}/autostart_mac.cpp)
else()
    target_sources(dimotray_app PRIVATE ${CMAKE_CURRENT_LIST_DIR}/autostart_linux.cpp)
endif()
