// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Retries, timeouts and error classification under the simulator's fault injection.
#include "dimo/client.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/apicalljob.h"
#include "dimo/vehicles/vehiclejob.h"
#include "tests/support/dimosim.h"
#include "tests/support/jobwait.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Tesla = 24567;
}

class TestDimoFaults : public QObject
{
    Q_OBJECT
private:
    DimoSim m_sim;
    QNetworkAccessManager m_nam;
    dimo::Environment m_env;

    std::unique_ptr<dimo::Client> client(int timeoutMs = 5000, int attempts = 4, const dimo::Environment *env = nullptr)
    {
        dimo::ClientOptions o;
        o.transport.transferTimeoutMs = DimoSim::scaled(timeoutMs);
        o.transport.initialBackoffMs = 20;
        o.transport.maxAttempts = attempts;
        o.transport.maxRetryAfterMs = 5000;
        const dimo::Credentials c{
            m_sim.credential(u"clientId"_s), m_sim.credential(u"redirectUri"_s), m_sim.credential(u"apiKey"_s)};
        return std::make_unique<dimo::Client>(&m_nam, env ? *env : m_env, c, o);
    }

    void addFault(const QJsonObject &f) { QVERIFY(m_sim.fault(f).contains(u"faults"_s)); }

private Q_SLOTS:

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        m_env = dimo::Environment::fromFile(m_sim.environmentFile()).value();
    }

    void init() { QVERIFY(m_sim.reset()); }

    void cleanup() { m_sim.dumpOnFailure(); }

    void serverErrorThenSuccess()
    {
        addFault({{u"service"_s, u"identity"_s}, {u"path"_s, u"/query"_s}, {u"status"_s, 500}, {u"times"_s, 1}});
        auto c = client();
        const auto r = waitForJob<dimo::Vehicle>(c->vehicle(Tesla));
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().tokenId, Tesla);
        QCOMPARE(m_sim.count(u"identity"_s), 2);
    }

    void rateLimitedHonoursRetryAfter()
    {
        addFault({{u"service"_s, u"identity"_s}, {u"path"_s, u"/query"_s}, {u"retryAfter"_s, 1}, {u"times"_s, 1}});
        auto c = client();
        QElapsedTimer t;
        t.start();
        const auto r = waitForJob<dimo::Vehicle>(c->vehicle(Tesla));
        const qint64 elapsed = t.elapsed();
        QVERIFY(r && r->ok());
        QCOMPARE(m_sim.count(u"identity"_s), 2);
        qInfo("429 with Retry-After: 1 -> succeeded after %lld ms", elapsed);
        QVERIFY2(elapsed >= 950, "the retry did not wait for Retry-After"); // a lower bound only
    }

    void rateLimitedGivesUp()
    {
        addFault({{u"service"_s, u"identity"_s}, {u"path"_s, u"/query"_s}, {u"retryAfter"_s, 0}});
        auto c = client(5000, 2);
        const auto r = waitForJob<dimo::Vehicle>(c->vehicle(Tesla));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::RateLimited);
        QCOMPARE(r->error().httpStatus, 429);
        QCOMPARE(m_sim.count(u"identity"_s), 2);
    }

    void hangTimesOut()
    {
        addFault({{u"service"_s, u"identity"_s}, {u"path"_s, u"/query"_s}, {u"hang"_s, true}});
        auto c = client(700);
        const auto r = waitForJob<dimo::Vehicle>(c->vehicle(Tesla));
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::Timeout);
        QVERIFY(!r->error().hint.isEmpty());
        QCOMPARE(m_sim.count(u"identity"_s), 1); // timeouts are not retried
        QVERIFY(m_sim.clearFaults());
    }

    void malformedJsonIsParseError()
    {
        addFault({{u"service"_s, u"identity"_s}, {u"path"_s, u"/query"_s}, {u"malformed"_s, true}});
        auto c = client();
        const auto r = waitForJob<dimo::Vehicle>(c->vehicle(Tesla));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::Parse);
        QCOMPARE(m_sim.count(u"identity"_s), 1);
    }

    void droppedConnectionRetried()
    {
        addFault({{u"service"_s, u"identity"_s}, {u"path"_s, u"/query"_s}, {u"drop"_s, true}, {u"times"_s, 1}});
        auto c = client();
        const auto r = waitForJob<dimo::Vehicle>(c->vehicle(Tesla));
        QVERIFY2(r && r->ok(), r && !r->ok() ? qPrintable(r->error().toString()) : "");
        QCOMPARE(m_sim.count(u"identity"_s), 2);
    }

    void connectionRefusedIsNetworkError()
    {
        dimo::Environment env = m_env;
        env.identity = QUrl(u"http://127.0.0.1:1/identity"_s);
        auto c = client(5000, 2, &env);
        const auto r = waitForJob<dimo::Vehicle>(c->vehicle(Tesla));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::Network);
        QVERIFY(r->error().message.contains(u"Identity"_s));
    }

    void commandNotRetried()
    {
        addFault({{u"service"_s, u"devices"_s}, {u"path"_s, u"^/v1/vehicle/"_s}, {u"status"_s, 500}});
        auto c = client();
        const auto r = waitForJob<QJsonObject>(c->sendCommand(Tesla, dimo::Command::LockDoors));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::HttpStatus);
        QCOMPARE(r->error().httpStatus, 500);
        QCOMPARE(m_sim.count(u"devices"_s), 1);
    }

    void commandNotResentAfter401()
    {
        addFault({{u"service"_s, u"devices"_s},
                  {u"path"_s, u"^/v1/vehicle/"_s},
                  {u"status"_s, 401},
                  {u"body"_s, u"Invalid or expired JWT"_s},
                  {u"contentType"_s, u"text/plain"_s},
                  {u"times"_s, 1}});
        auto c = client();
        const auto r = waitForJob<QJsonObject>(c->sendCommand(Tesla, dimo::Command::UnlockDoors));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::Unauthorized);
        QCOMPARE(r->error().detail, u"Invalid or expired JWT"_s);
        QCOMPARE(m_sim.count(u"devices"_s), 1);
        // The refused token was dropped: the next command gets a fresh one and succeeds.
        const auto again = waitForJob<QJsonObject>(c->sendCommand(Tesla, dimo::Command::UnlockDoors));
        QVERIFY(again && again->ok());
        QCOMPARE(m_sim.count(u"tokenExchange"_s), 2);
    }

    void attestationNotRetried()
    {
        addFault({{u"service"_s, u"attestation"_s}, {u"status"_s, 503}});
        auto c = client();
        dimo::AttestationRequest a{dimo::AttestationRequest::Kind::Vin, Tesla, {}, {}, {}};
        const auto r = waitForJob<QJsonObject>(c->requestAttestation(a));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().httpStatus, 503);
        QCOMPARE(m_sim.count(u"attestation"_s), 1);
    }

    void telemetry401RetriedOnce()
    {
        addFault({{u"service"_s, u"telemetry"_s},
                  {u"path"_s, u"/query"_s},
                  {u"status"_s, 401},
                  {u"body"_s, QJsonObject{{u"message"_s, u"JWT is invalid."_s}}}});
        auto c = client();
        const auto r = waitForJob<QJsonObject>(c->latestSignals(Tesla));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::Unauthorized);
        QCOMPARE(r->error().detail, u"JWT is invalid."_s);
        QCOMPARE(m_sim.count(u"telemetry"_s), 2); // one refresh, one retry, then the error
        QCOMPARE(m_sim.count(u"tokenExchange"_s), 2);
    }
};

QTEST_GUILESS_MAIN(TestDimoFaults)
#include "tst_dimo_faults.moc"
