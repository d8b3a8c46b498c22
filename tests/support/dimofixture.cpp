// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/dimofixture.h"

#include "dimo/auth/userjwtverifier.h"
#include "dimo/graphql/documents.h"
#include "tests/support/jobwait.h"
#include "tests/support/timeout.h"

#include <QStandardPaths>

using namespace Qt::StringLiterals;

bool DimoFixture::start(QString *error)
{
    QStandardPaths::setTestModeEnabled(true);
    if (!sim.start(error)) {
        return false;
    }
    const auto e = dimo::Environment::fromFile(sim.environmentFile());
    if (!e) {
        if (error) {
            *error = e.error().toString();
        }
        return false;
    }
    env = e.value();
    return true;
}

dimo::ClientOptions DimoFixture::options(int timeoutMs)
{
    dimo::ClientOptions o;
    o.transport.transferTimeoutMs = testsupport::scaled(timeoutMs);
    o.transport.initialBackoffMs = 20;
    return o;
}

dimo::Credentials DimoFixture::credentials(License license) const
{
    if (license == License::Fleet) {
        return dimo::Credentials{sim.credential(u"fleetClientId"_s),
                                 u"https://fleet.example.com/callback"_s,
                                 sim.credential(u"fleetApiKey"_s)};
    }
    return dimo::Credentials{
        sim.credential(u"clientId"_s), sim.credential(u"redirectUri"_s), sim.credential(u"apiKey"_s)};
}

std::unique_ptr<dimo::Client> DimoFixture::client(const dimo::ClientOptions &options, License license)
{
    return std::make_unique<dimo::Client>(&nam, env, credentials(license), options);
}

std::unique_ptr<dimo::Client> DimoFixture::client(const dimo::Environment &environment,
                                                  const dimo::ClientOptions &options)
{
    return std::make_unique<dimo::Client>(&nam, environment, credentials(), options);
}

bool DimoFixture::signIn(dimo::Client &c, int user, bool shareEmail)
{
    const auto url = c.loginUrl({});
    if (!url) {
        return false;
    }
    const auto s = waitForJob(c.completeLogin(sim.autoLogin(url.value(), user, shareEmail)));
    return s && s->ok();
}

dimo::GraphQlJob *DimoFixture::latestSignals(dimo::Client &c, qint64 tokenId)
{
    const auto document = dimo::graphql::latestSignals(
        {{u"speed"_s, false, {}}, {u"powertrainTransmissionTravelledDistance"_s, false, {}}});
    return c.telemetryQuery(tokenId, document.text, {}, {1}, document.operation);
}

dimo::GraphQlJob *DimoFixture::latestLocation(dimo::Client &c, qint64 tokenId)
{
    const auto document = dimo::graphql::latestSignals({{u"currentLocationCoordinates"_s, true, {}}});
    return c.telemetryQuery(tokenId, document.text, {}, {4}, document.operation);
}
