# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# Settings and secrets: app::SecretStore (keychain), app::SettingsStore (QSettings),
# app::StoredCredentialSource, app::CredentialTest, and app::SettingsController tying them to the dialog.
target_sources(dimotray_app PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/grantspanelbinding.cpp ${CMAKE_CURRENT_LIST_DIR}/grantspanelbinding.h
    ${CMAKE_CURRENT_LIST_DIR}/credentialtest.cpp ${CMAKE_CURRENT_LIST_DIR}/credentialtest.h
    ${CMAKE_CURRENT_LIST_DIR}/secretstore.cpp ${CMAKE_CURRENT_LIST_DIR}/secretstore.h
    ${CMAKE_CURRENT_LIST_DIR}/settingscontroller.cpp ${CMAKE_CURRENT_LIST_DIR}/settingscontroller.h
    ${CMAKE_CURRENT_LIST_DIR}/settingsstore.cpp ${CMAKE_CURRENT_LIST_DIR}/settingsstore.h
    ${CMAKE_CURRENT_LIST_DIR}/storedcredentialsource.cpp ${CMAKE_CURRENT_LIST_DIR}/storedcredentialsource.h)
