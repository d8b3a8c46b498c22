// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace app {

// The tray's settings as the app uses them (SettingsStore keeps them, DimoService applies them),
// without any UI type: the Settings dialog edits its own form (ui::SettingsValues), converted at
// one seam (settingsform.h). The API key travels in `apiKey` between the keychain and the app
// only; it is stored in the keychain, never with the rest.
struct Settings
{
    enum class Environment {
        Production,
        Dev,
        Custom, // a DIMO environment file (`environmentFile`), e.g. the simulator's
    };
    // What the tray logs (to stderr or its log file).
    enum class LogLevel {
        Warning,
        Info, // the default: what the tray does
        Debug, // verbose; never secrets
    };

    Environment environment = Environment::Production;
    QString environmentFile; // only with Environment::Custom
    QString clientId; // empty: no license configured
    QString redirectUri;
    QString apiKey; // secret: 64 lowercase hex without 0x once validated
    bool fleetMode = false;
    QString approvalPolicy = defaultApprovalPolicy(); // tools::toString(ApprovalPolicy)
    QString toolset = defaultToolset(); // tools::toString(Toolset)
    bool httpEnabled = false;
    quint16 httpPort = DefaultHttpPort;
    bool startAtLogin = false;
    QString logLevel = toString(LogLevel::Info); // toString(LogLevel)

    static constexpr quint16 DefaultHttpPort = 8777;

    // For dimo::Environment::byName: "production", "dev" or the environment file's path.
    QString environmentName() const;
    // The inverse: sets `environment` (and `environmentFile` for anything else than the two names).
    void setEnvironmentName(const QString &nameOrPath);

    // True when no part of the license is filled in (the app then runs "not configured").
    bool licenseEmpty() const { return clientId.isEmpty() && redirectUri.isEmpty() && apiKey.isEmpty(); }

    bool operator==(const Settings &other) const = default;

    // The names stored, each spelled once: approval policies and toolsets in tools/, log levels here.
    static QStringList approvalPolicies(); // "ask", "unlock-and-trunk", "never"
    static QStringList toolsets(); // "all", "read-only", "essentials"
    static QStringList logLevels(); // "warning", "info", "debug"
    static QString toString(LogLevel level);
    static QString defaultApprovalPolicy();
    static QString defaultToolset();
};

// A setting an environment variable can override.
enum class SettingsField {
    Environment,
    ClientId,
    RedirectUri,
    ApiKey,
    FleetMode,
    ApprovalPolicy,
    Toolset,
    LoginUrl, // DIMO_LOGIN_BASE_URL: the Login with DIMO web app of the chosen environment
    EntryState, // DIMO_ENTRY_STATE: where Login with DIMO starts
};

// A setting set for this run by an environment variable of the old server (DIMO_CLIENT_ID …): the
// Settings dialog shows the variable's value (never a secret's) and keeps the field read-only; the
// stored value underneath is kept and saved unchanged.
struct SettingsOverride
{
    SettingsField field = SettingsField::ClientId;
    QString variable; // "DIMO_CLIENT_ID"
    QString value; // as in the environment; empty for secrets

    bool operator==(const SettingsOverride &other) const = default;
};

} // namespace app
