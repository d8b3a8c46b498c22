// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The fault matrix: every DIMO service the tools reach (auth, token exchange, Identity,
// Telemetry, tesla-oracle, attestation, device definitions) × the faults the real services and
// their ingress produce (5xx bursts, 429 and 503 with Retry-After, truncated bodies, dropped
// connections, hangs), through the real mcp-dimo shim and `dimo-tray --headless --demo` against
// the simulator. Every case: an answer within the call's time limit that is either correct or an
// isError text saying what failed; a command is never sent twice; once the fault is gone the same
// call works again. Also: tokens revoked mid-session and a clock skew between DIMO and us.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "toolfixture.h"
#include "toolsession.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int Vehicle = 24567; // shared with every privilege, takes commands (tests/dimosim README)

struct Target
{
    QString service; // environment key of the simulator
    QString path; // service-relative path pattern of the request the tool makes
    QString tool;
    QJsonObject arguments;
    bool command = false; // sent at most once, whatever happens
    bool needsFreshTokens = false; // the service is reached only when the cached JWTs are gone
};

QList<Target> targets()
{
    const QJsonObject vehicle{{u"tokenId"_s, Vehicle}};
    return {
        {u"auth"_s,
         u"/auth/web3/*"_s,
         u"telemetry_get_latest_signals"_s,
         {{u"tokenId"_s, Vehicle}, {u"signalNames"_s, QJsonArray{u"speed"_s}}},
         false,
         true},
        {u"tokenExchange"_s,
         u"/v1/tokens/exchange"_s,
         u"telemetry_get_latest_signals"_s,
         {{u"tokenId"_s, Vehicle}, {u"signalNames"_s, QJsonArray{u"speed"_s}}},
         false,
         true},
        {u"identity"_s, u"/query"_s, u"identity_get_vehicle"_s, vehicle},
        {u"telemetry"_s,
         u"/query"_s,
         u"telemetry_get_latest_signals"_s,
         {{u"tokenId"_s, Vehicle}, {u"signalNames"_s, QJsonArray{u"speed"_s}}}},
        {u"teslaOracle"_s, u"/v1/commands/*"_s, u"lock_doors"_s, vehicle, true},
        {u"attestation"_s,
         u"/v2/attestation/*"_s,
         u"attestation_create_vin"_s,
         {{u"tokenId"_s, Vehicle}, {u"force"_s, true}}},
        {u"deviceDefinitions"_s, u"/device-definitions/*"_s, u"vin_decode"_s, {{u"vin"_s, u"5YJA1E5A0PF024567"_s}}},
    };
}

struct Fault
{
    QString name;
    QJsonObject body; // service and path are added per target
};

QList<Fault> faults()
{
    return {
        {u"500 burst"_s,
         {{u"status"_s, 500}, {u"body"_s, QJsonObject{{u"message"_s, u"internal error"_s}}}, {u"times"_s, 3}}},
        {u"502 from the ingress"_s,
         {{u"status"_s, 502},
          {u"body"_s, u"<html>502 Bad Gateway</html>"_s},
          {u"contentType"_s, u"text/html"_s},
          {u"times"_s, 2}}},
        {u"429 Retry-After"_s, {{u"retryAfter"_s, 1}, {u"times"_s, 2}}},
        {u"503 Retry-After"_s, {{u"retryAfter"_s, 1}, {u"status"_s, 503}, {u"times"_s, 2}}},
        {u"truncated body"_s, {{u"malformed"_s, true}, {u"times"_s, 1}}},
        {u"dropped connection"_s, {{u"drop"_s, true}, {u"times"_s, 1}}},
    };
}

// What a failed call must look like: an isError result whose text says what failed, not a bare
// code or an empty string.
bool isPreciseError(const QString &text)
{
    return text.size() > 40 && !text.contains(u"Unknown error"_s, Qt::CaseInsensitive);
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void matrix_data();
    void matrix();
    void hangs_data();
    void hangs();
    void tokensRevokedMidSession();
    void clockSkew();
    void dimoShapedLimits();

private:
    // Runs one call under `fault` and checks the matrix's promises; `what` names the case.
    void runCase(const Target &target, const QJsonObject &fault, int callTimeoutMs);

    ToolFixture m_fx;
    DimoSim &m_sim = m_fx.sim;
    ToolSession m_session;
};

void TestFaultMatrix::initTestCase()
{
    QString error;
    QVERIFY2(m_fx.startSimulator(&error), qPrintable(error));
    QVERIFY(m_fx.startSession(m_session, {}));
}

void TestFaultMatrix::init()
{
    QVERIFY(m_sim.clearFaults());
    QCOMPARE(simControl(m_sim, "POST", u"/command-delay"_s, {{u"ms"_s, 200}})[u"ms"_s].toInt(-1), 200);
}

void TestFaultMatrix::cleanup()
{
    QVERIFY(m_sim.clearFaults());
    m_fx.afterTest();
}

void TestFaultMatrix::matrix_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("fault");
    const QList<Target> all = targets();
    const QList<Fault> kinds = faults();
    for (int t = 0; t < all.size(); ++t) {
        for (int f = 0; f < kinds.size(); ++f) {
            QTest::addRow("%s %s", qPrintable(all[t].service), qPrintable(kinds[f].name)) << t << f;
        }
    }
}

void TestFaultMatrix::matrix()
{
    QFETCH(int, target);
    QFETCH(int, fault);
    runCase(targets().at(target), faults().at(fault).body, 60000);
}

void TestFaultMatrix::hangs_data()
{
    QTest::addColumn<int>("target");
    const QList<Target> all = targets();
    for (int t = 0; t < all.size(); ++t) {
        // A hang costs the client's 30 s transfer timeout: one read, one write and one command.
        if (all[t].service == u"identity"_s || all[t].service == u"teslaOracle"_s
            || all[t].service == u"attestation"_s) {
            QTest::addRow("%s", qPrintable(all[t].service)) << t;
        }
    }
}

void TestFaultMatrix::hangs()
{
    QFETCH(int, target);
    runCase(targets().at(target), {{u"hang"_s, true}}, 75000);
}

void TestFaultMatrix::runCase(const Target &target, const QJsonObject &faultBody, int callTimeoutMs)
{
    if (target.needsFreshTokens) {
        simControl(m_sim, "POST", u"/expire-tokens"_s);
    }
    QJsonObject fault = faultBody;
    fault.insert(u"service"_s, target.service);
    fault.insert(u"path"_s, target.path);
    QVERIFY(m_sim.fault(fault).value(u"_ok"_s).toBool());
    const int before = m_sim.count(target.service);

    QElapsedTimer clock;
    clock.start();
    const QJsonObject r = m_session.call(target.tool, target.arguments, callTimeoutMs);
    const qint64 took = clock.elapsed();
    const QString text = ToolSession::text(r);
    const int sent = m_sim.count(target.service) - before;
    const QString what = u"%1 via %2 under %3 (%4 ms, %5 requests): %6"_s
                             .arg(target.service,
                                  target.tool,
                                  QString::fromUtf8(QJsonDocument(faultBody).toJson(QJsonDocument::Compact)))
                             .arg(took)
                             .arg(sent)
                             .arg(text.left(400));
    qInfo().noquote() << what;

    QVERIFY2(!r.isEmpty() && !r.contains(u"rpcError"_s), qPrintable(u"no tool answer: "_s + what));
    QVERIFY2(sent >= 1, qPrintable(u"the fault was never reached: "_s + what));
    if (ToolSession::isError(r)) {
        QVERIFY2(isPreciseError(text), qPrintable(u"imprecise error: "_s + what));
    }
    if (target.command) {
        QCOMPARE(sent, 1); // never retried, whatever the fault
        // A 5xx, a truncated answer or a closed connection: the command may have run. The answer
        // says the outcome is unknown and never invites a blind resend (a 429 is a refusal).
        const bool mayHaveRun = fault.value(u"status"_s).toInt() >= 500 || fault.contains(u"malformed"_s)
            || fault.contains(u"drop"_s) || fault.contains(u"hang"_s);
        if (mayHaveRun) {
            QVERIFY2(ToolSession::isError(r) && text.contains(u"outcome is unknown"_s, Qt::CaseInsensitive),
                     qPrintable(what));
            QVERIFY2(!text.contains(u"try again later"_s, Qt::CaseInsensitive), qPrintable(what));
        }
    }

    // Once DIMO is well again, the same call works again: no stuck state, no poisoned cache.
    QVERIFY(m_sim.clearFaults());
    if (target.command) {
        QTest::qWait(300); // let the previous command's effect land first
    }
    const QJsonObject again = m_session.call(target.tool, target.arguments, 60000);
    QVERIFY2(!ToolSession::isError(again), qPrintable(u"after the fault: "_s + ToolSession::text(again)));
}

void TestFaultMatrix::tokensRevokedMidSession()
{
    const QJsonObject args{{u"tokenId"_s, Vehicle}, {u"signalNames"_s, QJsonArray{u"speed"_s}}};
    QJsonObject r = m_session.call(u"telemetry_get_latest_signals"_s, args);
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    // Every developer and vehicle JWT the tray holds becomes invalid at DIMO.
    simControl(m_sim, "POST", u"/expire-tokens"_s);
    const int auth = m_sim.count(u"auth"_s);
    r = m_session.call(u"telemetry_get_latest_signals"_s, args);
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QVERIFY(m_sim.count(u"auth"_s) > auth); // a new developer JWT was fetched, once the old one was refused
    r = m_session.call(u"identity_get_vehicle"_s, {{u"tokenId"_s, Vehicle}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
}

// The two limits DIMO's deployment sets (tests/dimosim/FIDELITY.md): the ingress's per-second budget (503, nginx's
// page, no Retry-After) and telemetry-api's 30 s query limit (a BAD_REQUEST error). Each answer gives the advice
// that fits it: slow down for the first, ask for less for the second; never a blind "try again".
void TestFaultMatrix::dimoShapedLimits()
{
    const QJsonObject speed{{u"tokenId"_s, Vehicle}, {u"signalNames"_s, QJsonArray{u"speed"_s}}};
    QVERIFY(m_sim.fault({{u"preset"_s, u"ingress503"_s}, {u"service"_s, u"identity"_s}, {u"times"_s, 20}})
                .value(u"_ok"_s)
                .toBool());
    QJsonObject r = m_session.call(u"identity_get_vehicle"_s, {{u"tokenId"_s, Vehicle}}, 60000);
    QString text = ToolSession::text(r);
    QVERIFY2(ToolSession::isError(r) && text.contains(u"rate limiting requests (HTTP 503)"_s)
                 && text.contains(u"send fewer requests at once"_s),
             qPrintable(text));
    QVERIFY(m_sim.clearFaults());

    QVERIFY(m_sim.fault({{u"preset"_s, u"telemetryTimeout"_s}, {u"times"_s, 1}}).value(u"_ok"_s).toBool());
    r = m_session.call(u"telemetry_get_latest_signals"_s, speed, 60000);
    text = ToolSession::text(r);
    QVERIFY2(ToolSession::isError(r) && text.contains(u"30 s time limit"_s) && text.contains(u"shorter time range"_s)
                 && !text.contains(u"try again"_s, Qt::CaseInsensitive),
             qPrintable(text));
    QVERIFY(m_sim.clearFaults());
    r = m_session.call(u"telemetry_get_latest_signals"_s, speed, 60000);
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
}

void TestFaultMatrix::clockSkew()
{
    const QJsonObject args{{u"tokenId"_s, Vehicle}, {u"signalNames"_s, QJsonArray{u"speed"_s}}};
    // DIMO's clock runs 10 minutes ahead of ours, then 10 minutes behind: tokens it issues look
    // issued in the future or about to expire to us. Calls must still work or say why.
    for (const int offset : {600, -600}) {
        QCOMPARE(simControl(m_sim, "POST", u"/clock"_s, {{u"offsetSeconds"_s, offset}})[u"offsetSeconds"_s].toInt(),
                 offset);
        simControl(m_sim, "POST", u"/expire-tokens"_s);
        const QJsonObject r = m_session.call(u"telemetry_get_latest_signals"_s, args);
        const QString what = u"offset %1 s: %2"_s.arg(offset).arg(ToolSession::text(r).left(300));
        qInfo().noquote() << what;
        QVERIFY2(!ToolSession::isError(r) || isPreciseError(ToolSession::text(r)), qPrintable(what));
    }
    QCOMPARE(simControl(m_sim, "POST", u"/clock"_s, {{u"offsetSeconds"_s, 0}})[u"offsetSeconds"_s].toInt(-1), 0);
    simControl(m_sim, "POST", u"/expire-tokens"_s);
    const QJsonObject r = m_session.call(u"telemetry_get_latest_signals"_s, args);
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
