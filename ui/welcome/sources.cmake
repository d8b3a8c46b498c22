# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# The first-run welcome (ui::WelcomeDialog).
target_sources(dimotray_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/welcomedialog.cpp ${CMAKE_CURRENT_LIST_DIR}/welcomedialog.h)
