# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# The tray's side of Login with DIMO: runs the dimo-tray-login helper (app/login/) and verifies.
target_sources(dimotray_app PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/loginprocess.cpp ${CMAKE_CURRENT_LIST_DIR}/loginprocess.h
    ${CMAKE_CURRENT_LIST_DIR}/helperenvironment.cpp ${CMAKE_CURRENT_LIST_DIR}/helperenvironment.h)
