# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# The Settings dialog under offscreen: validation as you type, paste, overrides, the keychain
# banner, the credential test round trip.
dimotray_add_test(NAME tst_settingsdialog SOURCES tst_settingsdialog.cpp LIBS dimotray::ui LABELS gui unit)

if(TARGET dimotray_app)
    # app/tray/settings without a keychain: the settings file, the credential source, the words.
    dimotray_add_test(NAME tst_traysettings SOURCES tst_traysettings.cpp LIBS dimotray::app LABELS unit)
endif()
