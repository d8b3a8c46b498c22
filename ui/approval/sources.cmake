# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
target_sources(dimotray_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/approvaldialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/approvaldialog.h)
