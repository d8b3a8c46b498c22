// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Resource limits (issue 15 hole 6) end to end: the real mcp-dimo shim in front of
// `dimo-tray --headless --demo` against the simulator, plus raw NDJSON clients on the tray's socket
// as other sessions. Oversized arguments are answered at once without freezing other sessions,
// out-of-range token ids send nothing to DIMO, a client that never reads is paused, requests in
// flight are capped, and an oversized DIMO answer fails clearly.
#include "tests/host/toolfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Tesla = 24567;
const QString LatestSpeed = u"query($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { speed { value } } }"_s;

// A second session: a raw line client on the tray's socket.
class RawClient
{
public:
    bool connect(const QString &socket)
    {
        m_socket.connectToServer(socket);
        if (!m_socket.waitForConnected(HostProcess::timeoutMs(5000))) {
            return false;
        }
        send(rpcInitialize(1));
        if (waitFor(1).value(u"result"_s)[u"serverInfo"_s][u"name"_s].toString() != u"dimo-tray"_s) {
            return false;
        }
        send(rpcNotification(u"notifications/initialized"_s));
        return true;
    }

    void send(const QByteArray &line)
    {
        m_socket.write(line + '\n');
        m_socket.flush();
    }

    // The response with this id (other lines are skipped); {} on timeout.
    QJsonObject waitFor(int id, int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(HostProcess::timeoutMs(timeoutMs));
        while (!deadline.hasExpired()) {
            while (m_socket.canReadLine()) {
                const QJsonObject m = QJsonDocument::fromJson(m_socket.readLine()).object();
                if (m.value(u"id"_s) == QJsonValue(id) && !m.contains(u"method"_s)) {
                    return m;
                }
            }
            m_socket.waitForReadyRead(20);
        }
        return {};
    }

    QLocalSocket &socket() { return m_socket; }

private:
    QLocalSocket m_socket;
};

} // namespace

class TestToolsLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void oversizeArgumentsAnswerAtOnce();
    void tokenIdAboveInt32SendsNothing();
    void nonReadingClientIsPaused();
    void requestsInFlightAreCapped();
    void oversizeDimoAnswerFailsClearly();

private:
    bool startSession(ToolSession &session, bool waitForSignIn = true);

    QString socketOf(int session) const { return m_fx.dir.filePath(u"s%1/mcp.sock"_s.arg(session)); }

    ToolFixture m_fx;
    DimoSim &m_sim = m_fx.sim;
};

TOOL_SUITE_SETUP(TestToolsLimits)

bool TestToolsLimits::startSession(ToolSession &session, bool waitForSignIn)
{
    ToolSession::Options options;
    options.waitForSignIn = waitForSignIn;
    return m_fx.startSession(session, options);
}

// A 3.9 MB signal name or introspection search froze the tray for ~50 s (edit-distance
// suggestions): now it is refused at once, and another session's ping is answered meanwhile.
void TestToolsLimits::oversizeArgumentsAnswerAtOnce()
{
    ToolSession s;
    QVERIFY(startSession(s));
    RawClient other;
    QVERIFY(other.connect(socketOf(m_fx.sessions)));
    // The schema is cached first, so that the oversized search is handled the moment it arrives.
    QVERIFY(!ToolSession::isError(s.call(u"identity_introspect"_s, {{u"type"_s, u"Vehicle"_s}})));
    const int telemetryBefore = m_sim.count(u"telemetry"_s);
    const QString huge(3'900'000, u'x');
    const QList<std::pair<QString, QJsonObject>> calls{
        {u"telemetry_get_latest_signals"_s, {{u"tokenId"_s, Tesla}, {u"signalNames"_s, QJsonArray{huge}}}},
        {u"identity_introspect"_s, {{u"search"_s, huge}}}};
    int pingId = 10;
    for (const auto &[tool, arguments] : calls) {
        const int id = s.sendCall(tool, arguments);
        QTest::qWait(1000); // the tray has the call by now
        QElapsedTimer pinged;
        pinged.start();
        other.send(rpcRequest(++pingId, u"ping"_s));
        const QJsonObject pong = other.waitFor(pingId, 60000);
        const qint64 pingMs = pinged.elapsed();
        QVERIFY2(pong.contains(u"result"_s), qPrintable(tool));
        QVERIFY2(pingMs < HostProcess::timeoutMs(2000),
                 qPrintable(u"%1: the other session's ping waited %2 ms"_s.arg(tool).arg(pingMs)));
        const QJsonObject r = s.waitForResult(id, 60000);
        QVERIFY2(ToolSession::isError(r), qPrintable(tool));
        const QString text = ToolSession::text(r);
        QVERIFY2(text.contains(u"3900000 characters"_s) && text.contains(u"at most"_s), qPrintable(text.left(300)));
        QVERIFY2(text.size() < 1000, qPrintable(u"%1 characters of error text"_s.arg(text.size())));
    }
    QCOMPARE(m_sim.count(u"telemetry"_s), telemetryBefore);
    // Names have a declared bound too; within it, an unknown name still gets suggestions.
    QJsonObject r = s.call(u"telemetry_get_latest_signals"_s,
                           {{u"tokenId"_s, Tesla}, {u"signalNames"_s, QJsonArray{QString(101, u's')}}});
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"at most 100 characters"_s), qPrintable(ToolSession::text(r)));
    r = s.call(u"telemetry_get_latest_signals"_s, {{u"tokenId"_s, Tesla}, {u"signalNames"_s, QJsonArray{u"sped"_s}}});
    QVERIFY2(ToolSession::text(r).contains(u"Did you mean speed"_s), qPrintable(ToolSession::text(r)));
    VERIFY_FINISH(s);
}

// DIMO's token ids are GraphQL Int: a larger id is refused before any request.
void TestToolsLimits::tokenIdAboveInt32SendsNothing()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const double tooBig = 2147483648.0;
    const QList<std::pair<QString, QJsonObject>> calls{
        {u"telemetry_get_latest_signals"_s, {{u"tokenId"_s, tooBig}, {u"signalNames"_s, QJsonArray{u"speed"_s}}}},
        {u"telemetry_query"_s, {{u"tokenId"_s, tooBig}, {u"query"_s, LatestSpeed}}},
        {u"telemetry_query"_s, {{u"query"_s, LatestSpeed}, {u"variables"_s, QJsonObject{{u"tokenId"_s, tooBig}}}}},
        {u"identity_get_vehicle"_s, {{u"tokenId"_s, tooBig}}},
        {u"lock_doors"_s, {{u"tokenId"_s, tooBig}}},
        {u"batch_telemetry_query"_s, {{u"tokenIds"_s, QJsonArray{Tesla, tooBig}}, {u"query"_s, LatestSpeed}}},
    };
    const qsizetype before = m_sim.requests().size();
    for (const auto &[tool, arguments] : calls) {
        const QJsonObject r = s.call(tool, arguments);
        QVERIFY2(ToolSession::isError(r), qPrintable(tool));
        QVERIFY2(ToolSession::text(r).contains(u"2147483647"_s), qPrintable(tool + u": "_s + ToolSession::text(r)));
    }
    QCOMPARE(m_sim.requests().size(), before);
    VERIFY_FINISH(s);
}

// A client that sends requests but never reads made the tray buffer without bound (336 MB): the
// tray stops reading from it, serves everyone else, and catches up once it reads.
void TestToolsLimits::nonReadingClientIsPaused()
{
    ToolSession s;
    QVERIFY(startSession(s, false));
    RawClient flood;
    QVERIFY(flood.connect(socketOf(m_fx.sessions)));
    flood.socket().setReadBufferSize(16 * 1024); // from now on it reads (almost) nothing
    constexpr int Requests = 400;
    const QByteArray pad(16 * 1024, 'p');
    QByteArray lines;
    for (int i = 0; i < Requests; ++i) {
        lines += R"({"jsonrpc":"2.0","id":)" + QByteArray::number(1000 + i)
            + R"(,"method":"tools/list","params":{"_meta":{"pad":")" + pad + "\"}}}\n";
    }
    flood.socket().write(lines); // 6.5 MB of requests for 5.6 MB of answers
    QTest::qWait(HostProcess::timeoutMs(2000));
    // The tray stopped reading: most requests still wait on the client's side.
    QVERIFY2(flood.socket().bytesToWrite() > 1024 * 1024,
             qPrintable(u"the tray read all but %1 bytes"_s.arg(flood.socket().bytesToWrite())));
    // Everyone else is served.
    RawClient other;
    QVERIFY(other.connect(socketOf(m_fx.sessions)));
    other.send(rpcRequest(2, u"ping"_s));
    QVERIFY(other.waitFor(2, 5000).contains(u"result"_s));
    QVERIFY(!s.listTools().isEmpty());
    // It reads after all: every request is answered.
    flood.socket().setReadBufferSize(0);
    int answered = 0;
    QDeadlineTimer deadline(HostProcess::timeoutMs(30000));
    while (answered < Requests && !deadline.hasExpired()) {
        flood.socket().waitForReadyRead(20);
        while (flood.socket().canReadLine()) {
            const QJsonObject m = QJsonDocument::fromJson(flood.socket().readLine()).object();
            answered += m.value(u"result"_s)[u"tools"_s].isArray() ? 1 : 0;
        }
    }
    QCOMPARE(answered, Requests);
    VERIFY_FINISH(s);
}

// Requests in flight per session are capped (32): the next one gets a JSON-RPC error at once.
void TestToolsLimits::requestsInFlightAreCapped()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QVERIFY(m_sim.fault({{u"service"_s, u"telemetry"_s}, {u"path"_s, u"/query"_s}, {u"hang"_s, true}})
                .contains(u"faults"_s));
    QList<int> ids;
    for (int i = 0; i < 32; ++i) {
        ids << s.sendCall(u"telemetry_query"_s, {{u"tokenId"_s, Tesla}, {u"query"_s, LatestSpeed}});
    }
    QTest::qWait(300);
    const int refused = s.sendCall(u"telemetry_query"_s, {{u"tokenId"_s, Tesla}, {u"query"_s, LatestSpeed}});
    const QJsonObject r = s.waitForResult(refused, 10000);
    QCOMPARE(r.value(u"rpcError"_s)[u"code"_s].toInt(), -32005);
    QVERIFY2(r.value(u"rpcError"_s)[u"message"_s].toString().contains(u"Too many requests in flight"_s),
             qPrintable(QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact))));
    // The 32 were not disturbed: released, each gets its own answer.
    QVERIFY(m_sim.clearFaults());
    for (const int id : std::as_const(ids)) {
        QVERIFY2(!s.waitForResult(id, 60000).isEmpty(), qPrintable(u"no answer to %1"_s.arg(id)));
    }
    VERIFY_FINISH(s);
}

// A DIMO answer over the cap (32 MB) is aborted while it streams, with a clear error.
void TestToolsLimits::oversizeDimoAnswerFailsClearly()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QVERIFY(m_sim.fault({{u"service"_s, u"telemetry"_s}, {u"path"_s, u"/query"_s}, {u"bodyBytes"_s, 40 * 1024 * 1024}})
                .contains(u"faults"_s));
    const QJsonObject r = s.call(u"telemetry_query"_s, {{u"tokenId"_s, Tesla}, {u"query"_s, LatestSpeed}});
    QVERIFY(ToolSession::isError(r));
    const QString text = ToolSession::text(r);
    QVERIFY2(text.contains(u"DIMO's answer was larger than 32 MB"_s) && text.contains(u"Narrow the query"_s),
             qPrintable(text.left(300)));
    QVERIFY(m_sim.clearFaults());
    VERIFY_FINISH(s);
}

QTEST_GUILESS_MAIN(TestToolsLimits)

#include "tst_tools_limits.moc"
