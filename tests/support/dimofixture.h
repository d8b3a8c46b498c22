// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/client.h"
#include "tests/support/dimosim.h"

#include <QNetworkAccessManager>

#include <memory>

// What every DIMO integration test needs: the simulator, its environment, one network manager
// and a factory for clients with the simulator's test credentials. start() in initTestCase(),
// sim.reset() in init(), sim.dumpOnFailure() in cleanup().
class DimoFixture
{
public:
    enum class License { User, Fleet };

    bool start(QString *error);

    // Test-friendly transport: a scaled transfer timeout, 20 ms initial backoff.
    static dimo::ClientOptions options(int timeoutMs = 5000);
    dimo::Credentials credentials(License license = License::User) const;
    std::unique_ptr<dimo::Client> client(const dimo::ClientOptions &options = DimoFixture::options(),
                                         License license = License::User);
    std::unique_ptr<dimo::Client> client(const dimo::Environment &environment, const dimo::ClientOptions &options);
    // Logs `c` in as the simulator's test user (1 = Alice …) through the login page.
    bool signIn(dimo::Client &c, int user, bool shareEmail = false);
    // Telemetry with the product's own documents (dimo::graphql): the latest speed and odometer
    // (privilege 1, as telemetry_get_latest_signals asks) and the latest position (privilege 4).
    static dimo::GraphQlJob *latestSignals(dimo::Client &c, qint64 tokenId);
    static dimo::GraphQlJob *latestLocation(dimo::Client &c, qint64 tokenId);

    DimoSim sim;
    QNetworkAccessManager nam;
    dimo::Environment env;
};
