# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
target_sources(dimotray_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/activitymodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/activitymodel.h
    ${CMAKE_CURRENT_LIST_DIR}/activitywindow.cpp
    ${CMAKE_CURRENT_LIST_DIR}/activitywindow.h)
