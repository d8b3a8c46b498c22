# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# The Settings dialog (ui::SettingsDialog) and its values (ui::SettingsValues).
target_sources(dimotray_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/approvalgrantspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/approvalgrantspanel.h
    ${CMAKE_CURRENT_LIST_DIR}/settingsdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/settingsdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/settingsdialogstate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/settingsvalues.cpp ${CMAKE_CURRENT_LIST_DIR}/settingsvalues.h
    ${CMAKE_CURRENT_LIST_DIR}/validatedfield.cpp ${CMAKE_CURRENT_LIST_DIR}/validatedfield.h)
