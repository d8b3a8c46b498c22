// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"
#include "dimo/credentials.h"

#include <QProcessEnvironment>
#include <QString>

namespace app::tools {

// Where the developer license comes from. The headless product reads the old TypeScript
// server's environment variables; the tray backs the same interface with the keychain.
class CredentialSource
{
public:
    virtual ~CredentialSource() = default;

    // The validated license, or an error naming what is missing or wrong and how to fix it.
    virtual dimo::Result<dimo::Credentials> credentials() const = 0;
    virtual bool fleetMode() const = 0;
    // Login with DIMO entry state for `init_oauth` ("EMAIL_INPUT" unless configured).
    virtual QString entryState() const = 0;
    // Where the values come from, for check_vehicle_access_status ("environment variables").
    virtual QString origin() const = 0;
};

// DIMO_CLIENT_ID, DIMO_DOMAIN (the redirect URI), DIMO_PRIVATE_KEY (the API key), FLEET_MODE,
// DIMO_ENTRY_STATE — the old server's names, so its users can switch.
class EnvironmentCredentialSource : public CredentialSource
{
public:
    explicit EnvironmentCredentialSource(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

    dimo::Result<dimo::Credentials> credentials() const override;
    bool fleetMode() const override;
    QString entryState() const override;
    QString origin() const override;

private:
    QProcessEnvironment m_env;
};

// Fixed values (demo mode: the simulator's published test credentials; tests).
class FixedCredentialSource : public CredentialSource
{
public:
    FixedCredentialSource(dimo::Credentials credentials, bool fleet, QString origin);

    dimo::Result<dimo::Credentials> credentials() const override;

    bool fleetMode() const override { return m_fleet; }

    QString entryState() const override;

    QString origin() const override { return m_origin; }

private:
    dimo::Credentials m_credentials;
    bool m_fleet;
    QString m_origin;
};

} // namespace app::tools
