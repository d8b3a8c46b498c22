// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/settings/settings.h"

#include <QString>

#include <memory>

class QSettings;

namespace app {

// The non-secret settings in QSettings (by default ~/.config/dimo-tray/dimo-tray.conf on Linux).
// The API key is never written here (it lives in the keychain: SecretStore); load() always
// returns it empty. Unknown or out-of-range values read back as the defaults.
class SettingsStore
{
public:
    explicit SettingsStore(QSettings *settings); // not owned; tests pass a temporary ini file

    // The tray's settings file: organisation and application "dimo-tray", native format, user
    // scope (independent of QCoreApplication's organisation name, which the app does not set).
    static std::unique_ptr<QSettings> openDefault();

    Settings load() const;
    // Writes everything but the API key and syncs; false (see errorString()) when not writable.
    bool save(const Settings &values);

    QString errorString() const { return m_error; }

    // First run: the welcome window has not been answered yet.
    bool welcomeDone() const;
    void setWelcomeDone(bool done);
    // The user chose demo mode (welcome window); cleared when a license is saved.
    bool demoMode() const;
    void setDemoMode(bool demo);

private:
    bool sync();

    QSettings *m_settings;
    QString m_error;
};

} // namespace app
