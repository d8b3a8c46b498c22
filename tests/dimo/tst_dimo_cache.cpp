// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Token caching, single flight, expiry refresh and least privilege, asserted on the simulator's request log.
#include "dimo/client.h"
#include "dimo/commandjob.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/apicalljob.h"
#include "dimo/vehicles/vehiclelistjob.h"
#include "tests/support/dimofixture.h"
#include "tests/support/jobwait.h"
#include "tests/support/timeout.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Tesla = 24567; // privileges 1-6
constexpr qint64 Rav4 = 24565; // 1,2,5,6: no location
constexpr qint64 NotShared = 24564;
constexpr qint64 ExpiredGrant = 24560;
} // namespace

class TestDimoCache : public QObject
{
    Q_OBJECT
private:
    DimoFixture m_fx;
    qint64 m_clockOffset = 0;

    // Fleet mode: these tests are about tokens and caching, not ownership (tst_dimo_vehicles).
    std::unique_ptr<dimo::Client> client()
    {
        dimo::ClientOptions o = DimoFixture::options();
        o.fleetMode = true;
        o.clock = [this] {
            return QDateTime::currentSecsSinceEpoch() + m_clockOffset;
        };
        return m_fx.client(o);
    }

    QList<QList<int>> exchangedPrivileges()
    {
        QList<QList<int>> out;
        const QJsonArray log = m_fx.sim.requests(u"tokenExchange"_s);
        for (const QJsonValue &v : log) {
            const QJsonObject body =
                QJsonDocument::fromJson(v.toObject().value(u"body"_s).toString().toUtf8()).object();
            QList<int> ids;
            for (const QJsonValue &p : body.value(u"privileges"_s).toArray()) {
                ids << p.toInt();
            }
            out << ids;
        }
        return out;
    }

    void expectCounts(int challenges, int submits, int sacds, int exchanges, int telemetry)
    {
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/auth/web3/generate_challenge"_s), challenges);
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/auth/web3/submit_challenge"_s), submits);
        QCOMPARE(m_fx.sim.count(u"identity"_s), sacds);
        QCOMPARE(m_fx.sim.count(u"tokenExchange"_s), exchanges);
        QCOMPARE(m_fx.sim.count(u"telemetry"_s), telemetry);
    }

private Q_SLOTS:

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void init()
    {
        QVERIFY(m_fx.sim.reset());
        m_clockOffset = 0;
    }

    void cleanup() { m_fx.sim.dumpOnFailure(); }

    void hundredQueriesOneExchange()
    {
        auto c = client();
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100; ++i) {
            const auto r = waitForJob(DimoFixture::latestSignals(*c, Tesla));
            QVERIFY(r.has_value());
            QVERIFY2(r->ok(), qPrintable(r->ok() ? QString() : r->error().toString()));
            QVERIFY(r->value().value(u"signalsLatest"_s).isObject());
        }
        qInfo("100 sequential telemetry queries (1 sign-in + 1 exchange included): %lld ms", timer.elapsed());
        expectCounts(1, 1, 1, 1, 100);
        // Every telemetry call carried the vehicle JWT.
        const QJsonObject last = m_fx.sim.requests(u"telemetry"_s).last().toObject();
        QVERIFY(last.value(u"headers"_s).toObject().value(u"authorization"_s).toString().startsWith(u"Bearer ey"_s));
    }

    void concurrentFirstCallsSingleFlight()
    {
        auto c = client();
        int finished = 0;
        int ok = 0;
        for (int i = 0; i < 20; ++i) {
            auto *job = DimoFixture::latestSignals(*c, Tesla);
            connect(job, &dimo::GraphQlJob::finished, this, [&](const dimo::Result<QJsonObject> &r) {
                ++finished;
                ok += r.ok() ? 1 : 0;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 20, testsupport::scaled(30000));
        QTest::qWait(50);
        QCOMPARE(finished, 20); // each job finished exactly once
        QCOMPARE(ok, 20);
        expectCounts(1, 1, 1, 1, 20);
    }

    void expiredTokensRefreshOnce()
    {
        auto c = client();
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        QVERIFY(m_fx.sim.expireTokens()); // both cached JWTs are now refused upstream
        const auto r = waitForJob(DimoFixture::latestSignals(*c, Tesla));
        QVERIFY2(r && r->ok(), r ? qPrintable(r->ok() ? QString() : r->error().toString()) : "timeout");
        // telemetry 401 → exchange 401 → ONE developer refresh → exchange → telemetry again.
        expectCounts(2, 2, 2, 3, 3);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        }
        expectCounts(2, 2, 2, 3, 8);
    }

    void simulatorClockExpiresVehicleJwt()
    {
        auto c = client();
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        QVERIFY(m_fx.sim.setClockOffset(700)); // upstream, the 600 s vehicle JWT is now expired
        const auto r = waitForJob(DimoFixture::latestSignals(*c, Tesla));
        QVERIFY2(r && r->ok(), r && !r->ok() ? qPrintable(r->error().toString()) : "");
        // telemetry 401 → exactly one new exchange (the developer JWT is still valid) → telemetry again.
        expectCounts(1, 1, 2, 2, 3);
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        expectCounts(1, 1, 2, 2, 4);
    }

    void localExpiryRefreshesVehicleJwtOnly()
    {
        auto c = client();
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        m_clockOffset = 590; // past the vehicle JWT's refresh point (exp 600 s − 60 s), not the developer JWT's
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        expectCounts(1, 1, 2, 2, 3);
    }

    void leastPrivilege()
    {
        auto c = client();
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        QVERIFY(waitForJob(DimoFixture::latestLocation(*c, Tesla))->ok());
        QVERIFY(waitForJob(c->sendCommand(Tesla, dimo::Command::LockDoors))->ok());
        QCOMPARE(exchangedPrivileges(), (QList<QList<int>>{{1}, {4}, {2}}));
        // The SACD lookup asks for OUR grant only.
        const QJsonObject sacd =
            QJsonDocument::fromJson(
                m_fx.sim.requests(u"identity"_s).first().toObject().value(u"body"_s).toString().toUtf8())
                .object();
        QCOMPARE(sacd.value(u"variables"_s).toObject().value(u"grantee"_s).toString(),
                 m_fx.sim.credential(u"clientId"_s));
        QVERIFY(sacd.value(u"query"_s).toString().contains(u"sacd(grantee: $grantee)"_s));
    }

    void supersetTokenReused()
    {
        auto c = client();
        const auto both = waitForJob(c->telemetryQuery(
            Tesla, u"query Q($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { lastSeen } }"_s, {}, {1, 4}));
        QVERIFY(both && both->ok());
        QVERIFY(waitForJob(DimoFixture::latestSignals(*c, Tesla))->ok());
        QVERIFY(waitForJob(DimoFixture::latestLocation(*c, Tesla))->ok());
        QCOMPARE(exchangedPrivileges(), (QList<QList<int>>{{1, 4}}));
    }

    void missingLocationGrant()
    {
        auto c = client();
        const auto r = waitForJob(DimoFixture::latestLocation(*c, Rav4));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::MissingPrivilege);
        QCOMPARE(r->error().privilege, 4);
        QVERIFY2(r->error().message.contains(u"privilege 4 (All-time location)"_s), qPrintable(r->error().message));
        QVERIFY(r->error().hint.contains(u"owner"_s));
        QCOMPARE(m_fx.sim.count(u"tokenExchange"_s), 0); // refused before asking for a token
        QCOMPARE(m_fx.sim.count(u"telemetry"_s), 0);
    }

    void notSharedVehicles()
    {
        auto c = client();
        for (qint64 id : {NotShared, ExpiredGrant}) {
            const auto r = waitForJob(DimoFixture::latestSignals(*c, id));
            QVERIFY(r && !r->ok());
            QCOMPARE(r->error().kind, dimo::Error::Kind::NotShared);
            QVERIFY(r->error().message.contains(QString::number(id)));
        }
        QCOMPARE(m_fx.sim.count(u"tokenExchange"_s), 0);
    }

    void partialDataKept()
    {
        auto c = client();
        const QString doc = u"query Q($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { lastSeen speed { value } "
                            "currentLocationCoordinates { value { latitude } } } }"_s;
        const auto r = waitForJob(c->telemetryQuery(Tesla, doc, {}, {1}));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::MissingPrivilege);
        QCOMPARE(r->error().privilege, 4);
        QVERIFY(r->error().detail.contains(u"signalsLatest.currentLocationCoordinates"_s));
        const QJsonObject latest = r->error().partialData.toObject().value(u"signalsLatest"_s).toObject();
        QVERIFY(latest.value(u"speed"_s).isObject()); // the data that was allowed is not lost
    }

    void validationError()
    {
        auto c = client();
        const auto r = waitForJob(c->telemetryQuery(
            Tesla,
            u"query Q($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { currentLocationLatitude } }"_s,
            {},
            {1}));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::GraphQlValidation);
        QCOMPARE(r->error().httpStatus, 422);
        QVERIFY(r->error().detail.contains(u"Cannot query field \"currentLocationLatitude\""_s));
        QCOMPARE(m_fx.sim.count(u"telemetry"_s), 1); // a 422 is not retried
    }

    void destroyingClientCancelsJobs()
    {
        auto c = client();
        int emissions = 0;
        int cancelled = 0;
        auto count = [&](bool isCancelled) {
            ++emissions;
            cancelled += isCancelled ? 1 : 0;
        };
        auto *signals = DimoFixture::latestSignals(*c, Tesla);
        connect(signals, &dimo::GraphQlJob::finished, this, [&](const dimo::Result<QJsonObject> &r) {
            count(!r.ok() && r.error().kind == dimo::Error::Kind::Cancelled);
        });
        auto *list = c->sharedVehicles();
        connect(list, &dimo::VehicleListJob::finished, this, [&](const dimo::Result<QList<dimo::Vehicle>> &r) {
            count(!r.ok() && r.error().kind == dimo::Error::Kind::Cancelled);
        });
        QCoreApplication::processEvents(); // both jobs start and go on the wire
        c.reset();
        QTest::qWait(testsupport::scaled(200));
        QCOMPARE(emissions, 2);
        QCOMPARE(cancelled, 2);
    }

    void cancelFinishesOnce()
    {
        auto c = client();
        auto *job = DimoFixture::latestSignals(*c, Tesla);
        int emissions = 0;
        dimo::Error::Kind kind = dimo::Error::Kind::Network;
        connect(job, &dimo::GraphQlJob::finished, this, [&](const dimo::Result<QJsonObject> &r) {
            ++emissions;
            kind = r.ok() ? dimo::Error::Kind::Network : r.error().kind;
        });
        job->start();
        job->cancel();
        job->cancel();
        QTest::qWait(testsupport::scaled(300));
        QCOMPARE(emissions, 1);
        QCOMPARE(kind, dimo::Error::Kind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestDimoCache)
#include "tst_dimo_cache.moc"
