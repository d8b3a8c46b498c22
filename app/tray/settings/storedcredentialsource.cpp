// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/storedcredentialsource.h"

using namespace Qt::StringLiterals;

namespace app {
namespace {

struct Variable
{
    SettingsField field;
    const char16_t *name;
    const char16_t *words; // for origin()
};

constexpr Variable licenseVariables[] = {
    {SettingsField::ClientId, u"DIMO_CLIENT_ID", u"client ID"},
    {SettingsField::RedirectUri, u"DIMO_DOMAIN", u"redirect URI"},
    {SettingsField::ApiKey, u"DIMO_PRIVATE_KEY", u"API key"},
};

constexpr Variable otherVariables[] = {
    {SettingsField::FleetMode, u"FLEET_MODE", u"fleet mode"},
    {SettingsField::EntryState, u"DIMO_ENTRY_STATE", u"login entry state"},
    {SettingsField::LoginUrl, u"DIMO_LOGIN_BASE_URL", u"login address"},
};

// DIMOTRAY_APPROVAL is not among them: it may only tighten the stored policy, which stays
// editable (tools::effectiveApprovalPolicy; Settings shows the policy in force and its source).
constexpr Variable trayVariables[] = {
    {SettingsField::Toolset, u"DIMOTRAY_TOOLSET", u"toolset"},
};

template <size_t N>
void collect(QList<SettingsOverride> &out, const Variable (&vars)[N], const QProcessEnvironment &env)
{
    for (const Variable &v : vars) {
        const QString name = QString::fromUtf16(v.name);
        const QString value = env.value(name).trimmed();
        if (!value.isEmpty()) {
            out.append({v.field, name, value});
        }
    }
}

bool truthy(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == u"true"_s || v == u"1"_s || v == u"yes"_s;
}

} // namespace

QList<SettingsOverride> environmentOverrides(const QProcessEnvironment &env)
{
    QList<SettingsOverride> out;
    collect(out, licenseVariables, env);
    collect(out, otherVariables, env);
    collect(out, trayVariables, env);
    return out;
}

StoredCredentialSource::StoredCredentialSource(Settings stored,
                                               QString keychainError,
                                               const QProcessEnvironment &environment)
    : m_stored(std::move(stored))
    , m_keychainError(std::move(keychainError))
    , m_env(environment)
{}

QList<SettingsOverride> StoredCredentialSource::overriddenFields() const
{
    QList<SettingsOverride> out;
    collect(out, licenseVariables, m_env);
    collect(out, otherVariables, m_env);
    return out;
}

dimo::Result<dimo::Credentials> StoredCredentialSource::credentials() const
{
    auto pick = [this](const char16_t *variable, const QString &stored) {
        const QString fromEnv = env(QString::fromUtf16(variable));
        return fromEnv.isEmpty() ? stored.trimmed() : fromEnv;
    };
    const QString clientId = pick(u"DIMO_CLIENT_ID", m_stored.clientId);
    const QString redirectUri = pick(u"DIMO_DOMAIN", m_stored.redirectUri);
    const QString apiKey = pick(u"DIMO_PRIVATE_KEY", m_stored.apiKey);
    const QString fix = u"Enter the client ID, redirect URI and API key of your DIMO developer license in DIMO "
                        "Tray's Settings (or create one from the welcome window), or set DIMO_CLIENT_ID, "
                        "DIMO_DOMAIN and DIMO_PRIVATE_KEY; `dimo-tray --demo` tries everything against the DIMO "
                        "simulator."_s;
    if (clientId.isEmpty() && redirectUri.isEmpty() && apiKey.isEmpty()) {
        return dimo::Error::make(dimo::Error::Kind::NotSignedIn, u"no DIMO developer license is configured"_s, fix);
    }
    if (apiKey.isEmpty() && !m_keychainError.isEmpty()) {
        return dimo::Error::make(dimo::Error::Kind::NotSignedIn,
                                 u"the license's API key cannot be read from the system keychain"_s,
                                 m_keychainError + u" (Or set DIMO_PRIVATE_KEY for this run.)"_s);
    }
    QStringList missing;
    const QString values[] = {clientId, redirectUri, apiKey};
    for (int i = 0; i < 3; ++i) {
        if (values[i].isEmpty()) {
            missing << QString::fromUtf16(licenseVariables[i].words);
        }
    }
    if (!missing.isEmpty()) {
        return dimo::Error::make(dimo::Error::Kind::NotSignedIn,
                                 u"the DIMO developer license is incomplete (missing: %1)"_s.arg(missing.join(u", "_s)),
                                 fix);
    }
    auto result = dimo::Credentials::validated(clientId, redirectUri, apiKey);
    if (!result) {
        dimo::Error e = result.error();
        e.message = u"the DIMO license in the %1 is invalid: "_s.arg(origin()) + e.message;
        return e;
    }
    return result;
}

bool StoredCredentialSource::fleetMode() const
{
    const QString v = env(u"FLEET_MODE"_s);
    return v.isEmpty() ? m_stored.fleetMode : truthy(v);
}

QString StoredCredentialSource::entryState() const
{
    const QString v = env(u"DIMO_ENTRY_STATE"_s);
    return v.isEmpty() ? u"EMAIL_INPUT"_s : v;
}

QString StoredCredentialSource::origin() const
{
    QStringList fromEnv;
    for (const Variable &v : licenseVariables) {
        const QString name = QString::fromUtf16(v.name);
        if (!env(name).isEmpty()) {
            fromEnv << u"%1 from %2"_s.arg(QString::fromUtf16(v.words), name);
        }
    }
    if (fromEnv.size() == 3) {
        return u"environment variables (DIMO_CLIENT_ID, DIMO_DOMAIN, DIMO_PRIVATE_KEY)"_s;
    }
    if (fromEnv.isEmpty()) {
        return u"settings"_s;
    }
    return u"settings (%1)"_s.arg(fromEnv.join(u", "_s));
}

} // namespace app
