# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
target_sources(dimotray_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/traystate.cpp ${CMAKE_CURRENT_LIST_DIR}/traystate.h
    ${CMAKE_CURRENT_LIST_DIR}/traymenu.cpp ${CMAKE_CURRENT_LIST_DIR}/traymenu.h
    ${CMAKE_CURRENT_LIST_DIR}/fallbackwindow.cpp ${CMAKE_CURRENT_LIST_DIR}/fallbackwindow.h)
