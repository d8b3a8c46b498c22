// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace ui {

// The Settings dialog's form: everything it edits. The app converts its own settings
// (app::Settings) to and from it; the API key travels in it between the app and the dialog only.
struct SettingsValues
{
    enum class Environment {
        Production,
        Dev,
        Custom, // a DIMO environment file (`environmentFile`), e.g. the simulator's
    };

    Environment environment = Environment::Production;
    QString environmentFile; // only with Environment::Custom
    QString clientId; // empty: no license configured
    QString redirectUri;
    QString apiKey; // secret: 64 lowercase hex without 0x once validated
    bool fleetMode = false;
    QString approvalPolicy; // one of SettingsChoices::approvalPolicies (empty: the first)
    QString toolset; // one of SettingsChoices::toolsets (empty: the first)
    bool httpEnabled = false;
    quint16 httpPort = DefaultHttpPort;
    bool startAtLogin = false;
    QString logLevel; // one of SettingsChoices::logLevels (empty: the first)

    static constexpr quint16 DefaultHttpPort = 8777;

    bool operator==(const SettingsValues &other) const = default;
};

// One entry of a list the dialog offers: the value the app stores and the label people see.
struct SettingsChoice
{
    QString value; // "never"
    QString label; // "Never ask"

    bool operator==(const SettingsChoice &other) const = default;
};

// What the dialog's lists offer. The app gives them (SettingsDialog::setChoices): it owns the names.
struct SettingsChoices
{
    QList<SettingsChoice> approvalPolicies; // the strictest first
    QList<SettingsChoice> toolsets;
    QList<SettingsChoice> logLevels;
};

// A field of the dialog, for environment-variable overrides.
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

// A field set for this run by an environment variable of the old server (DIMO_CLIENT_ID …):
// the dialog shows the variable's value (never a secret's), says "set by DIMO_CLIENT_ID for this
// run" and keeps the field read-only. The stored value underneath is kept and saved unchanged.
struct SettingsOverride
{
    SettingsField field = SettingsField::ClientId;
    QString variable; // "DIMO_CLIENT_ID"
    QString value; // as in the environment; empty for secrets

    bool operator==(const SettingsOverride &other) const = default;
};

// What a user pasted as an API key, cleaned: whitespace (also inside, from wrapped lines) and
// surrounding quotes removed, a 0x/0X prefix dropped, lower case. Not validated.
QString cleanApiKeyInput(const QString &text);

} // namespace ui
