// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/settingsform.h"

#include "app/tools/approval.h"
#include "app/tools/toolkit.h"

#include <QCoreApplication>

namespace app::settingsform {

namespace {

ui::SettingsValues::Environment toForm(Settings::Environment environment)
{
    switch (environment) {
    case Settings::Environment::Dev:
        return ui::SettingsValues::Environment::Dev;
    case Settings::Environment::Custom:
        return ui::SettingsValues::Environment::Custom;
    case Settings::Environment::Production:
        break;
    }
    return ui::SettingsValues::Environment::Production;
}

Settings::Environment fromForm(ui::SettingsValues::Environment environment)
{
    switch (environment) {
    case ui::SettingsValues::Environment::Dev:
        return Settings::Environment::Dev;
    case ui::SettingsValues::Environment::Custom:
        return Settings::Environment::Custom;
    case ui::SettingsValues::Environment::Production:
        break;
    }
    return Settings::Environment::Production;
}

ui::SettingsField toForm(SettingsField field)
{
    switch (field) {
    case SettingsField::Environment:
        return ui::SettingsField::Environment;
    case SettingsField::ClientId:
        return ui::SettingsField::ClientId;
    case SettingsField::RedirectUri:
        return ui::SettingsField::RedirectUri;
    case SettingsField::ApiKey:
        return ui::SettingsField::ApiKey;
    case SettingsField::FleetMode:
        return ui::SettingsField::FleetMode;
    case SettingsField::ApprovalPolicy:
        return ui::SettingsField::ApprovalPolicy;
    case SettingsField::Toolset:
        return ui::SettingsField::Toolset;
    case SettingsField::LoginUrl:
        return ui::SettingsField::LoginUrl;
    case SettingsField::EntryState:
        break;
    }
    return ui::SettingsField::EntryState;
}

// The members both sides have, copied one by one. A setting is added to both structs and here:
// the size check below fails when only one struct grows, tst_traysettings round-trips every member.
static_assert(sizeof(Settings) == sizeof(ui::SettingsValues), "app::Settings and the dialog's form differ");

template <typename To, typename From> To copyFields(const From &from)
{
    To to;
    to.environmentFile = from.environmentFile;
    to.clientId = from.clientId;
    to.redirectUri = from.redirectUri;
    to.apiKey = from.apiKey;
    to.fleetMode = from.fleetMode;
    to.approvalPolicy = from.approvalPolicy;
    to.toolset = from.toolset;
    to.httpEnabled = from.httpEnabled;
    to.httpPort = from.httpPort;
    to.startAtLogin = from.startAtLogin;
    to.logLevel = from.logLevel;
    return to;
}

} // namespace

ui::SettingsValues toForm(const Settings &settings)
{
    auto form = copyFields<ui::SettingsValues>(settings);
    form.environment = toForm(settings.environment);
    return form;
}

Settings fromForm(const ui::SettingsValues &form)
{
    auto settings = copyFields<Settings>(form);
    settings.environment = fromForm(form.environment);
    return settings;
}

QList<ui::SettingsOverride> toForm(const QList<SettingsOverride> &overrides)
{
    QList<ui::SettingsOverride> out;
    for (const SettingsOverride &o : overrides) {
        out << ui::SettingsOverride{toForm(o.field), o.variable, o.value};
    }
    return out;
}

ui::SettingsChoices choices()
{
    ui::SettingsChoices c;
    for (tools::ApprovalPolicy policy : tools::approvalPolicies()) {
        c.approvalPolicies.append({tools::toString(policy), tools::label(policy)});
    }
    for (tools::Toolset toolset : tools::toolsets()) {
        c.toolsets.append({tools::toString(toolset), tools::label(toolset)});
    }
    using Level = Settings::LogLevel;
    c.logLevels = {
        {Settings::toString(Level::Warning), QCoreApplication::translate("Settings", "Warnings")},
        {Settings::toString(Level::Info), QCoreApplication::translate("Settings", "Information")},
        {Settings::toString(Level::Debug),
         QCoreApplication::translate("Settings", "Debug (verbose; never includes secrets)")},
    };
    return c;
}

} // namespace app::settingsform
