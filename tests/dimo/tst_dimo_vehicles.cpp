// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Vehicle listing (pagination), ownership/access, commands, attestations, device definitions.
#include "dimo/client.h"
#include "dimo/commandjob.h"
#include "dimo/core/privileges.h"
#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/apicalljob.h"
#include "dimo/vehicles/vehiclejob.h"
#include "dimo/vehicles/vehiclelistjob.h"
#include "tests/support/dimofixture.h"
#include "tests/support/jobwait.h"
#include "tests/support/timeout.h"

#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Tesla = 24567; // Alice, 1-6, Tesla commands
constexpr qint64 F150 = 24566; // Alice, 1,3,4,5,6: no commands privilege
constexpr qint64 Rav4 = 24565; // Bob, 1,2,5,6, Smartcar (no command integration)
constexpr qint64 Bmw = 24564; // not shared
constexpr qint64 ModelY = 24561; // Bob, no commands privilege
constexpr qint64 Legacy = 24557; // Bob, legacy per-privilege grant of privilege 1
} // namespace

class TestDimoVehicles : public QObject
{
    Q_OBJECT
private:
    DimoFixture m_fx;

    std::unique_ptr<dimo::Client> client(bool fleet = false)
    {
        dimo::ClientOptions o = DimoFixture::options(10000);
        o.fleetMode = fleet;
        return m_fx.client(o, fleet ? DimoFixture::License::Fleet : DimoFixture::License::User);
    }

    QString wallet(int user)
    {
        return m_fx.sim.fixtures().value(u"users"_s).toArray().at(user - 1)[u"wallet"_s].toString();
    }

    bool signIn(dimo::Client &c, int user) { return m_fx.signIn(c, user); }

private Q_SLOTS:

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void init() { QVERIFY(m_fx.sim.reset()); }

    void cleanup() { m_fx.sim.dumpOnFailure(); }

    void fleetListsAllPages()
    {
        auto c = client(true);
        const auto r = waitForJob(c->sharedVehicles(), 30000);
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->ok() ? QString() : r->error().toString()));
        QCOMPARE(r->value().size(), 250);
        QSet<qint64> ids;
        qint64 previous = std::numeric_limits<qint64>::max();
        for (const dimo::Vehicle &v : r->value()) {
            ids.insert(v.tokenId);
            QVERIFY(v.tokenId < previous); // descending, no duplicates across pages
            previous = v.tokenId;
            QVERIFY(v.shared);
        }
        QCOMPARE(ids.size(), 250);
        QVERIFY(ids.contains(100001) && ids.contains(100250));
        QCOMPARE(m_fx.sim.count(u"identity"_s), 3); // 100 + 100 + 50
    }

    void mainLicenseListAndOwnerFilter()
    {
        auto c = client();
        const auto all = waitForJob(c->sharedVehicles());
        QVERIFY(all && all->ok());
        QSet<qint64> ids;
        for (const dimo::Vehicle &v : all->value()) {
            ids.insert(v.tokenId);
        }
        QVERIFY(ids.contains(Tesla));
        QVERIFY(!ids.contains(Bmw));
        const dimo::Vehicle tesla =
            *std::find_if(all->value().cbegin(), all->value().cend(), [](const dimo::Vehicle &v) {
                return v.tokenId == Tesla;
            });
        QCOMPARE(tesla.make, u"Tesla"_s);
        QCOMPARE(tesla.privileges, (QList<int>{1, 2, 3, 4, 5, 6}));

        const QString alice = wallet(1);
        const auto mine = waitForJob(c->sharedVehicles(alice));
        QVERIFY(mine && mine->ok());
        QVERIFY(!mine->value().isEmpty());
        for (const dimo::Vehicle &v : mine->value()) {
            QCOMPARE(v.owner.toLower(), alice.toLower());
        }
        QVERIFY(mine->value().size() < all->value().size());
    }

    void myVehiclesNeedsSignIn()
    {
        auto c = client();
        const auto r = waitForJob(c->myVehicles());
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::NotSignedIn);
        QCOMPARE(m_fx.sim.count(u"identity"_s), 0);
    }

    void ownershipAndAccess()
    {
        auto c = client();
        QCOMPARE(waitForJob(c->checkAccess(Tesla))->error().kind, dimo::Error::Kind::NotSignedIn);
        QVERIFY(signIn(*c, 1)); // Alice
        const auto own = waitForJob(c->checkAccess(Tesla));
        QVERIFY(own && own->ok());
        const auto bobs = waitForJob(c->checkAccess(Rav4));
        QVERIFY(bobs && !bobs->ok());
        QCOMPARE(bobs->error().kind, dimo::Error::Kind::NotOwner);
        const auto mine = waitForJob(c->myVehicles());
        QVERIFY(mine && mine->ok() && !mine->value().isEmpty());

        // A failed lookup is reported as that failure, never as "not the owner".
        QVERIFY(m_fx.sim.fault({{u"service"_s, u"identity"_s}, {u"status"_s, 500}}).contains(u"faults"_s));
        const auto broken = waitForJob(c->checkAccess(Rav4));
        QVERIFY(broken && !broken->ok());
        QCOMPARE(broken->error().kind, dimo::Error::Kind::HttpStatus);
        QCOMPARE(broken->error().httpStatus, 500);
    }

    void legacyGrantIsShared()
    {
        // 24557 (Bob's) was shared before SACDs: one `privileges` row (id 1), no SACD document.
        auto c = client();
        const auto all = waitForJob(c->sharedVehicles());
        QVERIFY(all && all->ok());
        const auto it = std::find_if(all->value().cbegin(), all->value().cend(), [](const dimo::Vehicle &v) {
            return v.tokenId == Legacy;
        });
        QVERIFY(it != all->value().cend());
        QVERIFY(it->shared);
        QVERIFY(it->legacyGrant);
        QCOMPARE(it->privileges, QList<int>{1});

        QVERIFY(signIn(*c, 2)); // Bob owns it
        const auto one = waitForJob(c->checkAccess(Legacy));
        QVERIFY(one);
        QVERIFY2(one->ok(), qPrintable(one->ok() ? QString() : one->error().toString()));
        QCOMPARE(one->value().privileges, QList<int>{1});
        QVERIFY(one->value().legacyGrant);

        const auto rav4 = waitForJob(c->checkAccess(Rav4)); // Bob's, shared by SACD
        QVERIFY(rav4 && rav4->ok());
        QVERIFY(!rav4->value().legacyGrant);
    }

    void fleetModeSkipsOwnershipNotGrant()
    {
        auto c = client();
        c->setFleetMode(true);
        const auto bobs = waitForJob(c->checkAccess(Rav4));
        QVERIFY(bobs && bobs->ok());
        const auto unshared = waitForJob(c->checkAccess(Bmw));
        QVERIFY(unshared && !unshared->ok());
        QCOMPARE(unshared->error().kind, dimo::Error::Kind::NotShared);
    }

    void legacyCommands()
    {
        // The devices-api route, as an environment that names `devices` and not `teslaOracle` has it.
        dimo::Environment legacy = m_fx.env;
        legacy.teslaOracle = {};
        legacy.devices = QUrl(m_fx.sim.baseUrl().toString() + u"/devices"_s); // the simulator serves it at /devices
        dimo::ClientOptions o = DimoFixture::options(10000);
        o.fleetMode = true; // vehicles of several owners; the grant is still checked
        auto c = m_fx.client(legacy, o);
        const auto lock = waitForJob(c->sendCommand(Tesla, dimo::Command::LockDoors));
        QVERIFY2(lock && lock->ok(), lock && !lock->ok() ? qPrintable(lock->error().toString()) : "");
        QVERIFY(!lock->value().commandId.isEmpty());
        QCOMPARE(m_fx.sim.count(u"devices"_s, u"/v1/vehicle/24567/commands/doors/lock"_s, "POST"), 1);

        // Shared with privilege 2 but connected through Smartcar: DIMO's 404 message comes through.
        const auto rav4 = waitForJob(c->sendCommand(Rav4, dimo::Command::StartCharging));
        QVERIFY(rav4 && !rav4->ok());
        QCOMPARE(rav4->error().httpStatus, 404);
        QVERIFY2(rav4->error().detail.contains(u"No command-capable integrations"_s), qPrintable(rav4->error().detail));

        const auto ford = waitForJob(c->sendCommand(F150, dimo::Command::StartCharging));
        QVERIFY(ford && !ford->ok());
        QCOMPARE(ford->error().kind, dimo::Error::Kind::MissingPrivilege);

        const auto noPrivilege = waitForJob(c->sendCommand(ModelY, dimo::Command::OpenTrunk));
        QVERIFY(noPrivilege && !noPrivilege->ok());
        QCOMPARE(noPrivilege->error().kind, dimo::Error::Kind::MissingPrivilege);
        QCOMPARE(noPrivilege->error().privilege, 2);
    }

    void vehicleOperationsRunTheAccessCheck()
    {
        auto c = client();
        // User mode without a user: refused before any request.
        const auto anonymous = waitForJob(DimoFixture::latestSignals(*c, Tesla));
        QVERIFY(anonymous && !anonymous->ok());
        QCOMPARE(anonymous->error().kind, dimo::Error::Kind::NotSignedIn);
        const auto noCommand = waitForJob(c->sendCommand(Tesla, dimo::Command::LockDoors));
        QCOMPARE(noCommand->error().kind, dimo::Error::Kind::NotSignedIn);
        QCOMPARE(m_fx.sim.requests().size(), 0);

        QVERIFY(signIn(*c, 1)); // Alice
        const int afterLogin = m_fx.sim.requests().size();
        // Bob's RAV4 is shared with the license, but not Alice's: NotOwner, no token minted.
        const auto bobs = waitForJob(DimoFixture::latestSignals(*c, Rav4));
        QVERIFY(bobs && !bobs->ok());
        QCOMPARE(bobs->error().kind, dimo::Error::Kind::NotOwner);
        const auto bobsLock = waitForJob(c->sendCommand(Rav4, dimo::Command::LockDoors));
        QCOMPARE(bobsLock->error().kind, dimo::Error::Kind::NotOwner);
        QCOMPARE(m_fx.sim.count(u"tokenExchange"_s), 0);
        QCOMPARE(m_fx.sim.count(u"devices"_s), 0);

        // Her Tesla: cold = check + sign-in + exchange + query; warm = the query alone.
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        const int warmStart = m_fx.sim.requests().size();
        QCOMPARE(warmStart - afterLogin, 2 + 5); // 2 failed checks; identity, challenge, submit, exchange, telemetry
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        QCOMPARE(m_fx.sim.requests().size(), warmStart + 1);

        // Fleet mode skips ownership (not the grant); signing out drops the cached access.
        c->setFleetMode(true);
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Rav4))->ok());
        QCOMPARE(waitForJob(DimoFixture::latestSignals(*c, Bmw))->error().kind, dimo::Error::Kind::NotShared);
        c->setFleetMode(false);
        c->signOut();
        QCOMPARE(waitForJob(DimoFixture::latestSignals(*c, Tesla))->error().kind, dimo::Error::Kind::NotSignedIn);
    }

    void teslaOracleCommands()
    {
        if (m_fx.env.teslaOracle.isEmpty()) {
            QSKIP("the simulator's environment file has no teslaOracle service yet");
        }
        auto c = client();
        QVERIFY(signIn(*c, 1));
        const auto lock = waitForJob(c->sendCommand(Tesla, dimo::Command::LockDoors));
        QVERIFY2(lock && lock->ok(), lock && !lock->ok() ? qPrintable(lock->error().toString()) : "");
        QVERIFY(!lock->value().commandId.isEmpty());
        QCOMPARE(lock->value().status, u"pending"_s);
        QCOMPARE(m_fx.sim.count(u"teslaOracle"_s, u"/v1/commands/24567"_s, "POST"), 1);
        const QJsonObject sent = m_fx.sim.requests(u"teslaOracle"_s).last().toObject();
        QCOMPARE(QJsonDocument::fromJson(sent.value(u"body"_s).toString().toUtf8()).object(),
                 (QJsonObject{{u"command"_s, u"doors/lock"_s}}));
        QCOMPARE(m_fx.sim.count(u"devices"_s), 0);

        // Never retried: not after a server error, not after a timeout (reported as unknown).
        QVERIFY(m_fx.sim.fault({{u"service"_s, u"teslaOracle"_s}, {u"status"_s, 500}, {u"times"_s, 1}})
                    .contains(u"faults"_s));
        const auto failed = waitForJob(c->sendCommand(Tesla, dimo::Command::UnlockDoors));
        QVERIFY(failed && !failed->ok());
        QCOMPARE(failed->error().httpStatus, 500);
        QCOMPARE(m_fx.sim.count(u"teslaOracle"_s), 2);
        dimo::ClientOptions quick = DimoFixture::options(1000);
        auto impatient = m_fx.client(quick);
        QVERIFY(signIn(*impatient, 1));
        QVERIFY(m_fx.sim.fault({{u"service"_s, u"teslaOracle"_s}, {u"hang"_s, true}, {u"times"_s, 1}})
                    .contains(u"faults"_s));
        const auto unknown = waitForJob(impatient->sendCommand(Tesla, dimo::Command::LockDoors));
        QVERIFY(unknown && !unknown->ok());
        QCOMPARE(unknown->error().kind, dimo::Error::Kind::Timeout);
        QVERIFY2(unknown->error().message.contains(u"outcome is unknown"_s), qPrintable(unknown->error().message));
        QCOMPARE(m_fx.sim.count(u"teslaOracle"_s), 3);
    }

    void attestations()
    {
        auto c = client();
        QVERIFY(signIn(*c, 1)); // Alice owns the Tesla
        using K = dimo::AttestationRequest::Kind;
        const auto vin = waitForJob(c->requestAttestation({K::Vin, Tesla, {}, {}, {}}));
        QVERIFY2(vin && vin->ok(), vin && !vin->ok() ? qPrintable(vin->error().toString()) : "");
        QVERIFY(vin->value().value(u"vcQuery"_s).toString().contains(u"vinVCLatest"_s));
        // attestation_create's read-back: the typed tool's document without the data's age needs
        // privilege 5 alone.
        const auto vcDocument = dimo::graphql::shipped(u"telemetry"_s, u"VinCredential"_s);
        const auto vc = waitForJob(c->telemetryQuery(
            Tesla, vcDocument.text, {{u"withAge"_s, false}}, {dimo::privilege::VinCredential}, vcDocument.operation));
        QVERIFY2(vc && vc->ok(), vc && !vc->ok() ? qPrintable(vc->error().toString()) : "");
        QCOMPARE(vc->value().value(u"vinVCLatest"_s).toObject().value(u"vin"_s).toString().size(), 17);

        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const auto pos = waitForJob(c->requestAttestation({K::VehiclePosition, Tesla, now, {}, {}}));
        QVERIFY2(pos && pos->ok(), pos && !pos->ok() ? qPrintable(pos->error().toString()) : "");

        const int before = m_fx.sim.count(u"attestation"_s);
        const auto tooLong = waitForJob(
            c->requestAttestation({K::VehicleHealth, Tesla, {}, u"2025-01-01T00:00:00Z"_s, u"2025-03-01T00:00:00Z"_s}));
        QVERIFY(tooLong && !tooLong->ok());
        QCOMPARE(tooLong->error().kind, dimo::Error::Kind::InvalidInput);
        QCOMPARE(m_fx.sim.count(u"attestation"_s), before); // checked before sending
    }

    void deviceDefinitions()
    {
        auto c = client();
        const auto decoded = waitForJob(c->decodeVin(u"1FTFW1E50MFA00000"_s, u"USA"_s));
        QVERIFY2(decoded && decoded->ok(), decoded && !decoded->ok() ? qPrintable(decoded->error().toString()) : "");
        QVERIFY(!decoded->value().value(u"deviceDefinitionId"_s).toString().isEmpty());
        const QJsonObject req = m_fx.sim.requests(u"deviceDefinitions"_s).last().toObject();
        QVERIFY(req.value(u"headers"_s).toObject().value(u"authorization"_s).toString().startsWith(u"Bearer "_s));

        const auto bad = waitForJob(c->decodeVin(u"1FTFW1E50MFA00000"_s, u"US"_s));
        QVERIFY(bad && !bad->ok());
        QCOMPARE(bad->error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY(bad->error().message.contains(u"alpha-3"_s));

        dimo::devicedefinitions::Search s;
        s.query = u"Model 3"_s;
        s.makeSlug = u"Tesla"_s;
        s.year = 2023;
        const auto found = waitForJob(c->searchDeviceDefinitions(s));
        QVERIFY2(found && found->ok(), found && !found->ok() ? qPrintable(found->error().toString()) : "");
        QVERIFY(found->value().value(u"deviceDefinitions"_s).isArray());
        const QJsonObject query = m_fx.sim.requests(u"deviceDefinitions"_s).last()[u"query"_s].toObject();
        QCOMPARE(query.value(u"makeSlug"_s).toString(), u"tesla"_s);
        QCOMPARE(query.value(u"year"_s).toString(), u"2023"_s);
        QCOMPARE(query.value(u"query"_s).toString(), u"Model 3"_s);
    }

    void signalsTimeSeries()
    {
        // telemetry_get_signals_time_series's document (its arguments are checked in app/tools/timerules).
        auto c = client();
        QVERIFY(signIn(*c, 1));
        const QDateTime to = QDateTime::currentDateTimeUtc();
        const auto document = dimo::graphql::signalsTimeSeries({{u"speed"_s, false, u"AVG"_s}});
        const QJsonObject variables{{u"interval"_s, u"1h"_s},
                                    {u"from"_s, to.addDays(-2).toString(Qt::ISODate)},
                                    {u"to"_s, to.toString(Qt::ISODate)}};
        const auto rows = waitForJob(c->telemetryQuery(Tesla, document.text, variables, {1}, document.operation));
        QVERIFY2(rows && rows->ok(), rows && !rows->ok() ? qPrintable(rows->error().toString()) : "");
        QVERIFY(!rows->value().value(u"signals"_s).toArray().isEmpty());
        QVERIFY(rows->value().value(u"signals"_s)[0].toObject().contains(u"speed_AVG"_s));
        QCOMPARE(m_fx.sim.count(u"telemetry"_s), 1);
    }

    void detailsAndIntrospection()
    {
        auto c = client();
        const auto v = waitForJob(c->vehicle(Tesla));
        QVERIFY(v && v->ok());
        QCOMPARE(v->value().year, 2023);
        QVERIFY(v->value().displayName().contains(u"Tesla"_s));
        const auto missing = waitForJob(c->vehicle(999999999));
        QVERIFY(missing && !missing->ok());
        QCOMPARE(missing->error().kind, dimo::Error::Kind::GraphQlExecution);
        QVERIFY(missing->error().detail.contains(u"No vehicle with token id 999999999"_s));

        const auto schema = waitForJob(c->introspect(u"identity"_s));
        QVERIFY(schema && schema->ok());
        QCOMPARE(schema->value()[u"__schema"_s][u"queryType"_s][u"name"_s].toString(), u"Query"_s);
        const auto telemetry = waitForJob(c->introspect(u"telemetry"_s));
        QVERIFY2(telemetry && telemetry->ok(),
                 telemetry && !telemetry->ok() ? qPrintable(telemetry->error().toString()) : "");
        QVERIFY(telemetry->value()[u"__schema"_s][u"types"_s].toArray().size() > 10);
        QCOMPARE(m_fx.sim.count(u"telemetry"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestDimoVehicles)
#include "tst_dimo_vehicles.moc"
