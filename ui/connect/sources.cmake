# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# "Connect an AI client": the dialog and its parts.
target_sources(dimotray_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/clientsnippet.h
    ${CMAKE_CURRENT_LIST_DIR}/connectdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/connectdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/httpendpointview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httpendpointview.h
    ${CMAKE_CURRENT_LIST_DIR}/snippetview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/snippetview.h)
