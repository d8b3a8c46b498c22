// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/options.h"
#include "app/tray/settings/settings.h"
#include "dimo/credentials.h"

#include <QObject>

#include <memory>

class QSettings;

namespace mcp {
class Server;
}

namespace app {

class CountingNetworkAccessManager;
class SettingsController;

namespace tools {
class Backend;
}

// The DIMO side of dimo-tray: the network manager, the environment (--environment FILE, else the
// settings' choice, else production), the license and the MCP tools registered on the server.
// The license comes from the settings (API key in the keychain) with the old server's environment
// variables overriding each field; demo mode uses the simulator's test license, signed in as its
// first test user. The tools work from the start with the environment variables; the stored
// license replaces them as soon as the keychain has answered (only if it differs).
class DimoService : public QObject
{
    Q_OBJECT
public:
    DimoService(const Options &options, QObject *parent = nullptr);
    ~DimoService() override;

    // Registers the toolset's tools on `server` (before any session starts).
    void attach(mcp::Server &server);

    tools::Backend *backend() const { return m_backend; }

    // The DIMO simulator's published test license (tests/dimosim/README.md): not a secret.
    static dimo::Credentials simulatorLicense();

    bool demo() const { return m_options.demo; }

    CountingNetworkAccessManager &network() const { return *m_nam; }

    // The settings and the keychain (in demo mode too, but its license is not used then).
    SettingsController *settings() const { return m_settings; }

    // The settings this process started with (environment, toolset and HTTP apply at start).
    const Settings &startValues() const { return m_startValues; }

    bool settingsLoaded() const { return m_settingsLoaded; }

    // What a saved change does now: license, approval policy, log level, start at login. Returns
    // the settings that apply only after a restart, in words; `problem` gets what failed.
    QStringList applySettings(const Settings &values, QString *problem = nullptr);

Q_SIGNALS:
    // The stored license was read from the keychain (emitted once).
    void settingsReady();

private:
    void restoreTokens();
    void adoptStoredLicense();
    static void applyLogLevel(const QString &level);

    CountingNetworkAccessManager *m_nam;
    tools::Backend *m_backend = nullptr;
    Options m_options;
    std::unique_ptr<QSettings> m_settingsFile;
    SettingsController *m_settings = nullptr;
    Settings m_startValues;
    bool m_settingsLoaded = false;
};

} // namespace app
