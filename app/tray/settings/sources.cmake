# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# Settings and secrets. Headless: app::Settings (the values), app::SettingsStore (QSettings),
# app::SecretStore (keychain), app::StoredCredentialSource, app::SettingsController (load, save,
# keychain state). Desktop: app::SettingsDialogController (the dialog, via settingsform.h),
# app::CredentialTest, the grants panel binding.
target_sources(dimotray_app PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/settings.cpp ${CMAKE_CURRENT_LIST_DIR}/settings.h
    ${CMAKE_CURRENT_LIST_DIR}/settingsstore.cpp ${CMAKE_CURRENT_LIST_DIR}/settingsstore.h
    ${CMAKE_CURRENT_LIST_DIR}/secretstore.cpp ${CMAKE_CURRENT_LIST_DIR}/secretstore.h
    ${CMAKE_CURRENT_LIST_DIR}/storedcredentialsource.cpp ${CMAKE_CURRENT_LIST_DIR}/storedcredentialsource.h
    ${CMAKE_CURRENT_LIST_DIR}/settingscontroller.cpp ${CMAKE_CURRENT_LIST_DIR}/settingscontroller.h
    ${CMAKE_CURRENT_LIST_DIR}/settingsform.cpp ${CMAKE_CURRENT_LIST_DIR}/settingsform.h
    ${CMAKE_CURRENT_LIST_DIR}/settingsdialogcontroller.cpp ${CMAKE_CURRENT_LIST_DIR}/settingsdialogcontroller.h
    ${CMAKE_CURRENT_LIST_DIR}/credentialtest.cpp ${CMAKE_CURRENT_LIST_DIR}/credentialtest.h
    ${CMAKE_CURRENT_LIST_DIR}/grantspanelbinding.cpp ${CMAKE_CURRENT_LIST_DIR}/grantspanelbinding.h)
