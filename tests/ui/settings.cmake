# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# The Settings dialog under offscreen: validation as you type, paste, overrides, the keychain
# banner, the credential test round trip.
dimotray_add_test(NAME tst_settingsdialog SOURCES tst_settingsdialog.cpp LIBS dimotray::ui LABELS gui unit)

# app/tray/settings without a keychain: the settings file, the credential source, the words.
dimotray_add_test(NAME tst_traysettings SOURCES tst_traysettings.cpp LIBS dimotray::app LABELS unit)
# "Test credentials" against the DIMO simulator (port 0).
dimotray_add_test(NAME tst_credentialtest SOURCES tst_credentialtest.cpp
    LIBS dimotray::app dimotray::testsupport_dimo LABELS integration TIMEOUT 120 FIXTURES dimosim_deps)
# The keychain (label "keychain"): the real gnome-keyring inside dbus-run-session (scripts/test)...
dimotray_add_test(NAME tst_secretstore SOURCES tst_secretstore.cpp LIBS dimotray::app LABELS keychain)
# ... and no keychain at all: a session bus address that leads nowhere, once on the Secret
# Service path and once on the KWallet path (where an insecure fallback would write a file).
dimotray_add_test(NAME tst_secretstore_unavailable SOURCES tst_secretstore_unavailable.cpp
    LIBS dimotray::app LABELS keychain ENVIRONMENT "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent")
add_test(NAME tst_secretstore_unavailable_kwallet COMMAND tst_secretstore_unavailable)
set_tests_properties(tst_secretstore_unavailable_kwallet PROPERTIES LABELS keychain TIMEOUT 60
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent;XDG_CURRENT_DESKTOP=KDE;KDE_SESSION_VERSION=4")
# ... and with the temp directory holding a copy of the checkout (its source names the secret
# literal): the test scans only its private directories, not wherever the checkout lives.
set(checkout_in_tmp ${CMAKE_CURRENT_BINARY_DIR}/checkout-in-tmp)
configure_file(tst_secretstore_unavailable.cpp ${checkout_in_tmp}/tests/ui/tst_secretstore_unavailable.cpp COPYONLY)
add_test(NAME tst_secretstore_unavailable_tmpcheckout COMMAND tst_secretstore_unavailable)
set_tests_properties(tst_secretstore_unavailable_tmpcheckout PROPERTIES LABELS keychain TIMEOUT 60
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent;TMPDIR=${checkout_in_tmp}")
# The controller end to end (settings file + keychain + dialog), with and without a keychain.
dimotray_add_test(NAME tst_settingscontroller SOURCES tst_settingscontroller.cpp LIBS dimotray::app LABELS keychain)
add_test(NAME tst_settingscontroller_unavailable COMMAND tst_settingscontroller)
set_tests_properties(tst_settingscontroller_unavailable PROPERTIES LABELS keychain TIMEOUT 60
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent")
