// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/credentialsource.h"

using namespace Qt::StringLiterals;

namespace app::tools {

EnvironmentCredentialSource::EnvironmentCredentialSource(const QProcessEnvironment &env)
    : m_env(std::move(env))
{}

dimo::Result<dimo::Credentials> EnvironmentCredentialSource::credentials() const
{
    QStringList missing;
    const QStringList names{u"DIMO_CLIENT_ID"_s, u"DIMO_DOMAIN"_s, u"DIMO_PRIVATE_KEY"_s};
    for (const QString &name : names) {
        if (m_env.value(name).trimmed().isEmpty()) {
            missing << name;
        }
    }
    if (!missing.isEmpty()) {
        return dimo::Error::make(
            dimo::Error::Kind::NotSignedIn,
            u"no DIMO developer license is configured (%1 not set)"_s.arg(missing.join(u", "_s)),
            u"Set DIMO_CLIENT_ID (the license's client ID), DIMO_DOMAIN (its redirect URI) and DIMO_PRIVATE_KEY "
            "(its API key) in the MCP client's configuration for mcp-dimo, or enter them in DIMO Tray's Settings; "
            "`dimo-tray --demo` tries everything against the DIMO simulator."_s);
    }
    auto result = dimo::Credentials::validated(m_env.value(u"DIMO_CLIENT_ID"_s).trimmed(),
                                               m_env.value(u"DIMO_DOMAIN"_s).trimmed(),
                                               m_env.value(u"DIMO_PRIVATE_KEY"_s).trimmed());
    if (!result) {
        dimo::Error e = result.error();
        e.message = u"the DIMO license in the environment variables is invalid: "_s + e.message;
        return e;
    }
    return result;
}

bool EnvironmentCredentialSource::fleetMode() const
{
    const QString v = m_env.value(u"FLEET_MODE"_s).trimmed().toLower();
    return v == u"true"_s || v == u"1"_s || v == u"yes"_s;
}

QString EnvironmentCredentialSource::entryState() const
{
    const QString v = m_env.value(u"DIMO_ENTRY_STATE"_s).trimmed();
    return v.isEmpty() ? u"EMAIL_INPUT"_s : v;
}

QString EnvironmentCredentialSource::origin() const
{
    return u"environment variables (DIMO_CLIENT_ID, DIMO_DOMAIN, DIMO_PRIVATE_KEY)"_s;
}

FixedCredentialSource::FixedCredentialSource(dimo::Credentials credentials, bool fleet, QString origin)
    : m_credentials(std::move(credentials))
    , m_fleet(fleet)
    , m_origin(std::move(origin))
{}

dimo::Result<dimo::Credentials> FixedCredentialSource::credentials() const
{
    return dimo::Credentials::validated(m_credentials.clientId, m_credentials.redirectUri, m_credentials.apiKey);
}

QString FixedCredentialSource::entryState() const
{
    return u"EMAIL_INPUT"_s;
}

} // namespace app::tools
