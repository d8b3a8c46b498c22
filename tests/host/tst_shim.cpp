// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The real mcp-dimo binary against a real headless dimo-tray (both started as processes).
#include "tests/host/hostprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#if defined(Q_OS_UNIX)
#include <csignal>
#endif

using namespace Qt::StringLiterals;

namespace {

QString textOf(const QJsonObject &response)
{
    return response.value(u"result"_s)[u"content"_s][0][u"text"_s].toString();
}

// 2^53 + 1: a QJsonValue (a double) would turn it into 9007199254740992.
const QByteArray BigId = "9007199254740993"_ba;

// A request with a raw id (rpcRequest() takes a QJsonValue, which would round big ids).
QByteArray rawRequest(const QByteArray &rawId, const QByteArray &method, const QByteArray &params = "{}")
{
    return "{\"jsonrpc\":\"2.0\",\"id\":" + rawId + ",\"method\":\"" + method + "\",\"params\":" + params + '}';
}

// The answer line carries the id exactly as it was sent.
bool echoes(const QByteArray &line, const QByteArray &rawId)
{
    const QByteArray first = "{\"jsonrpc\":\"2.0\",\"id\":" + rawId + ',';
    const QByteArray inside = ",\"id\":" + rawId + ',';
    const QByteArray last = ",\"id\":" + rawId + '}';
    return line.startsWith(first) || line.contains(inside) || line.contains(last);
}

} // namespace

class TestShim : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void initializeRoundTripThroughTray();
    void trayNotAvailable();
    void noAutoStartLeavesTrayAlone();
    void trayStartedLaterIsPickedUp();
    void autoStartsTray();
    void trayRestartMidSession();
    void trayGoneForGood();
    void severalShimsHaveOwnSessions();
    void oversizeClientLine();
    void idsEchoedByteForByteOffline();
    void oversizeTrayResponse();
    void stdinEofExitsZero();

private:
    QString socketPath(const QString &name = u"mcp.sock"_s) const { return m_dir.filePath(name); }

    std::unique_ptr<HostProcess> startShim(const QString &socket, bool autoStart = false, const QString &trayPath = {});
    void verifyPure(HostProcess &process);

    QTemporaryDir m_dir{QDir::tempPath() + u"/tst-shim-XXXXXX"_s};
};

std::unique_ptr<HostProcess> TestShim::startShim(const QString &socket, bool autoStart, const QString &trayPath)
{
    auto shim = std::make_unique<HostProcess>();
    shim->environment().insert(u"DIMOTRAY_MCP_SOCKET"_s, socket);
    if (!autoStart) {
        shim->environment().insert(u"DIMOTRAY_NO_AUTOSTART"_s, u"1"_s);
    } else {
        shim->environment().remove(u"DIMOTRAY_NO_AUTOSTART"_s);
    }
    if (!trayPath.isEmpty()) {
        shim->environment().insert(u"DIMOTRAY_TRAY_PATH"_s, trayPath);
    }
    if (!shim->start(HostProcess::shimPath(), {})) {
        return nullptr;
    }
    return shim;
}

void TestShim::verifyPure(HostProcess &process)
{
    QString why;
    if (!process.stdoutIsPure(&why)) {
        QFAIL(qPrintable(why + u"\nstderr: "_s + QString::fromUtf8(process.allStderr())));
    }
}

void TestShim::initializeRoundTripThroughTray()
{
    HostProcess tray;
    QVERIFY(tray.startTray(socketPath()));
    auto shim = startShim(socketPath());
    QVERIFY(shim);
    shim->send(rpcInitialize(1));
    const QJsonObject init = shim->waitForResponse("1", HostProcess::timeoutMs(10000));
    QCOMPARE(init.value(u"result"_s)[u"protocolVersion"_s].toString(), u"2025-11-25"_s);
    QCOMPARE(init.value(u"result"_s)[u"serverInfo"_s][u"name"_s].toString(), u"dimo-tray"_s);
    QVERIFY(!init.value(u"result"_s)[u"instructions"_s].toString().contains(u"not running"_s));
    shim->send(rpcNotification(u"notifications/initialized"_s));
    shim->send(rpcRequest(u"list-1"_s, u"tools/list"_s));
    const QJsonObject list = shim->waitForResponse("\"list-1\"", HostProcess::timeoutMs(10000));
    QVERIFY2(list.value(u"result"_s)[u"tools"_s].isArray(), QJsonDocument(list).toJson().constData());
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(shim->process().exitCode(), 0);
    verifyPure(*shim);
}

void TestShim::trayNotAvailable()
{
    auto shim = startShim(socketPath(u"absent.sock"_s), true, m_dir.filePath(u"no-such-dimo-tray"_s));
    QVERIFY(shim);
    shim->send(rpcInitialize(1));
    const QJsonObject init = shim->waitForResponse("1", HostProcess::timeoutMs(10000));
    QCOMPARE(init.value(u"result"_s)[u"protocolVersion"_s].toString(), u"2025-11-25"_s);
    QVERIFY(init.value(u"result"_s)[u"instructions"_s].toString().contains(u"not running"_s));
    QVERIFY(init.value(u"result"_s)[u"capabilities"_s].toObject().contains(u"tools"_s));
    shim->send(rpcNotification(u"notifications/initialized"_s));
    shim->send(rpcRequest(2, u"tools/list"_s));
    QCOMPARE(shim->waitForResponse("2", HostProcess::timeoutMs(5000)).value(u"result"_s)[u"tools"_s].toArray().size(),
             0);
    shim->send(rpcRequest(3, u"tools/call"_s, {{u"name"_s, u"list_vehicles"_s}}));
    const QJsonObject call = shim->waitForResponse("3", HostProcess::timeoutMs(5000));
    QCOMPARE(call.value(u"result"_s)[u"isError"_s].toBool(), true);
    QVERIFY2(textOf(call).contains(u"DIMO Tray app is not running"_s), qPrintable(textOf(call)));
    QVERIFY(textOf(call).contains(u"dimo-tray"_s)); // says how to start it
    shim->send(rpcRequest(4, u"ping"_s));
    QCOMPARE(shim->waitForResponse("4", HostProcess::timeoutMs(5000)).value(u"result"_s).toObject(), QJsonObject());
    shim->send(rpcRequest(5, u"resources/list"_s));
    QCOMPARE(shim->waitForResponse("5", HostProcess::timeoutMs(5000))[u"error"_s][u"code"_s].toInt(), -32601);
    shim->send("this is not json"_ba);
    QCOMPARE(shim->waitForResponse("null", HostProcess::timeoutMs(5000))[u"error"_s][u"code"_s].toInt(), -32700);
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitCode(), 0);
    QVERIFY(shim->allStderr().contains("not reachable"));
    verifyPure(*shim);
}

void TestShim::noAutoStartLeavesTrayAlone()
{
    const QString socket = socketPath(u"noauto.sock"_s);
    auto shim = startShim(socket, false, HostProcess::trayPath());
    QVERIFY(shim);
    shim->send(rpcInitialize(1));
    const QJsonObject init = shim->waitForResponse("1", HostProcess::timeoutMs(10000));
    QVERIFY(init.value(u"result"_s)[u"instructions"_s].toString().contains(u"not running"_s));
    QVERIFY(!QFile::exists(socket)); // nothing was started
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitCode(), 0);
    verifyPure(*shim);
}

void TestShim::trayStartedLaterIsPickedUp()
{
    // Answered locally first; the tray then starts on its own: the same connection gets its tools.
    const QString socket = socketPath(u"later.sock"_s);
    auto shim = startShim(socket);
    QVERIFY(shim);
    shim->send(rpcInitialize(1));
    QVERIFY(
        shim->waitForResponse("1", HostProcess::timeoutMs(10000))[u"result"_s][u"instructions"_s].toString().contains(
            u"not running"_s));
    shim->send(rpcNotification(u"notifications/initialized"_s));
    shim->send(rpcRequest(2, u"tools/list"_s));
    QCOMPARE(shim->waitForResponse("2", HostProcess::timeoutMs(5000))[u"result"_s][u"tools"_s].toArray().size(), 0);

    HostProcess tray;
    QVERIFY(tray.startTray(socket));
    QByteArray line;
    QDeadlineTimer deadline(HostProcess::timeoutMs(10000));
    while (!line.contains("notifications/tools/list_changed") && !deadline.hasExpired()) {
        line = shim->readLine(500);
    }
    QVERIFY2(line.contains("notifications/tools/list_changed"), shim->allStderr().constData());
    shim->send(rpcRequest(3, u"tools/list"_s));
    const QJsonObject list = shim->waitForResponse("3", HostProcess::timeoutMs(10000));
    QVERIFY2(list[u"result"_s][u"tools"_s].toArray().size() > 0, QJsonDocument(list).toJson().constData());
    // The tray's answer to the replayed initialize never reached the client.
    QCOMPARE(shim->allStdout().count("\"protocolVersion\""), 1);
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitCode(), 0);
    verifyPure(*shim);
}

void TestShim::autoStartsTray()
{
#if defined(Q_OS_UNIX)
    const QString socket = socketPath(u"auto.sock"_s);
    auto shim = startShim(socket, true, HostProcess::trayPath());
    QVERIFY(shim);
    shim->send(rpcInitialize(1));
    const QJsonObject init = shim->waitForResponse("1", HostProcess::timeoutMs(15000));
    QVERIFY2(!init.isEmpty(), shim->allStderr().constData());
    // Answered by the launched tray, not by the shim's fallback.
    QVERIFY2(!init.value(u"result"_s)[u"instructions"_s].toString().contains(u"not running"_s),
             shim->allStderr().constData());
    QVERIFY(QFile::exists(socket));
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitCode(), 0);
    verifyPure(*shim);

    // The tray outlives the shim; stop it (SIGTERM: clean exit removes the socket).
    const auto match = QRegularExpression(u"\\(pid (\\d+)\\)"_s).match(QString::fromUtf8(shim->allStderr()));
    QVERIFY2(match.hasMatch(), shim->allStderr().constData());
    const qint64 pid = match.captured(1).toLongLong();
    QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(socket), HostProcess::timeoutMs(10000));
#else
    QSKIP("stopping the detached tray uses POSIX signals");
#endif
}

void TestShim::trayRestartMidSession()
{
    const QString socket = socketPath(u"restart.sock"_s);
    auto tray = std::make_unique<HostProcess>();
    QVERIFY(tray->startTestServer(socket)); // test_sampling is a conformance fixture
    auto shim = startShim(socket);
    QVERIFY(shim);
    // Declares sampling, so test_sampling stays in flight waiting for our (never sent) answer.
    shim->send(rpcInitialize(1, {{u"sampling"_s, QJsonObject()}}));
    QVERIFY(!shim->waitForResponse("1", HostProcess::timeoutMs(10000)).isEmpty());
    shim->send(rpcNotification(u"notifications/initialized"_s));
    shim->send(rpcRequest(2, u"tools/call"_s, {{u"name"_s, u"test_simple_text"_s}}));
    QCOMPARE(textOf(shim->waitForResponse("2", HostProcess::timeoutMs(10000))),
             u"This is a simple text response for testing."_s);
    shim->send(rawRequest(BigId, "tools/call", R"({"name":"test_sampling","arguments":{"prompt":"hi"}})"));
    shim->send(rawRequest(R"("4")", "ping"));
    QVERIFY(!shim->waitForResponse(R"("4")", HostProcess::timeoutMs(10000)).isEmpty()); // the call is in flight now

    tray->kill(); // a crash: the socket file stays behind
    const QJsonObject interrupted = shim->waitForResponse(BigId, HostProcess::timeoutMs(10000));
    QCOMPARE(interrupted.value(u"result"_s)[u"isError"_s].toBool(), true);
    QVERIFY2(textOf(interrupted).contains(u"restarted"_s), qPrintable(textOf(interrupted)));
    QVERIFY2(echoes(shim->lastResponseLine(), BigId), shim->lastResponseLine().constData());

    tray = std::make_unique<HostProcess>();
    QVERIFY(tray->startTestServer(socket));
    // No new initialize from the client: the shim replayed it.
    shim->send(rpcRequest(5, u"tools/call"_s, {{u"name"_s, u"test_simple_text"_s}}));
    const QJsonObject after = shim->waitForResponse("5", HostProcess::timeoutMs(15000));
    QVERIFY2(!after.contains(u"error"_s), QJsonDocument(after).toJson().constData());
    QCOMPARE(textOf(after), u"This is a simple text response for testing."_s);
    // The replayed initialize's answer was swallowed: only one initialize result reached the client.
    QCOMPARE(shim->allStdout().count("\"protocolVersion\""), 1);

    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitCode(), 0);
    verifyPure(*shim);
}

void TestShim::trayGoneForGood()
{
    // The tray dies and does not come back: a call made meanwhile waits out the hold (10 s), then
    // gets the shim's own answer.
    const QString socket = socketPath(u"gone.sock"_s);
    auto tray = std::make_unique<HostProcess>();
    QVERIFY(tray->startTray(socket));
    auto shim = startShim(socket);
    QVERIFY(shim);
    shim->send(rpcInitialize(1));
    QVERIFY(!shim->waitForResponse("1", HostProcess::timeoutMs(10000)).isEmpty());
    shim->send(rpcNotification(u"notifications/initialized"_s));
    tray->kill(); // a crash: the socket file stays behind, connections are refused
    QTRY_VERIFY_WITH_TIMEOUT(shim->allStderr().contains("lost the connection"), HostProcess::timeoutMs(10000));
    shim->send(rpcRequest(2, u"tools/call"_s, {{u"name"_s, u"list_vehicles"_s}}));
    const QJsonObject call = shim->waitForResponse("2", HostProcess::timeoutMs(20000));
    QCOMPARE(call.value(u"result"_s)[u"isError"_s].toBool(), true);
    QVERIFY2(textOf(call).contains(u"DIMO Tray app is not running"_s), qPrintable(textOf(call)));
    QVERIFY(shim->allStderr().contains("answering locally"));
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitCode(), 0);
    verifyPure(*shim);
}

void TestShim::severalShimsHaveOwnSessions()
{
    const QString socket = socketPath(u"many.sock"_s);
    HostProcess tray;
    QVERIFY(tray.startTestServer(socket));
    std::vector<std::unique_ptr<HostProcess>> shims;
    for (int i = 0; i < 4; ++i) {
        shims.push_back(startShim(socket));
        QVERIFY(shims.back());
    }
    for (auto &shim : shims) {
        shim->send(rpcInitialize(1));
    }
    for (auto &shim : shims) {
        QVERIFY(!shim->waitForResponse("1", HostProcess::timeoutMs(10000)).isEmpty());
    }
    // The same id on every connection, different methods: each answer goes to its own client.
    for (size_t i = 0; i < shims.size(); ++i) {
        shims[i]->send(rpcNotification(u"notifications/initialized"_s));
        if (i % 2) {
            shims[i]->send(rpcRequest(2, u"ping"_s));
        } else {
            shims[i]->send(rpcRequest(2, u"tools/call"_s, {{u"name"_s, u"test_simple_text"_s}}));
        }
    }
    for (size_t i = 0; i < shims.size(); ++i) {
        const QJsonObject response = shims[i]->waitForResponse("2", HostProcess::timeoutMs(10000));
        if (i % 2) {
            QCOMPARE(response.value(u"result"_s).toObject(), QJsonObject());
        } else {
            QCOMPARE(textOf(response), u"This is a simple text response for testing."_s);
        }
    }
    for (auto &shim : shims) {
        shim->closeStdin();
        QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
        QCOMPARE(shim->process().exitCode(), 0);
        QCOMPARE(shim->allStdout().count('\n'), 2); // exactly its own two answers
        verifyPure(*shim);
    }
}

void TestShim::oversizeClientLine()
{
    auto shim = startShim(socketPath(u"oversize.sock"_s), false);
    QVERIFY(shim);
    shim->send(QByteArray(4 * 1024 * 1024 + 16, 'x'));
    const QJsonObject error = shim->waitForResponse("null", HostProcess::timeoutMs(15000));
    QCOMPARE(error[u"error"_s][u"code"_s].toInt(), -32600);
    shim->send(rpcRequest(9, u"ping"_s));
    QVERIFY(!shim->waitForResponse("9", HostProcess::timeoutMs(5000)).isEmpty());
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitCode(), 0);
    verifyPure(*shim);
}

void TestShim::idsEchoedByteForByteOffline()
{
    // Every answer the shim writes itself echoes the id as sent: above 2^53, and strings.
    auto shim = startShim(socketPath(u"ids.sock"_s), false);
    QVERIFY(shim);
    const QByteArray stringId = R"("9007199254740993")";
    const QByteArray otherBig = "-9007199254740995";
    shim->send(rawRequest(BigId, "initialize", R"({"protocolVersion":"2025-06-18","capabilities":{}})"));
    QCOMPARE(shim->waitForResponse(BigId, HostProcess::timeoutMs(10000))[u"result"_s][u"protocolVersion"_s].toString(),
             u"2025-06-18"_s);
    QVERIFY2(echoes(shim->lastResponseLine(), BigId), shim->lastResponseLine().constData());
    shim->send(rawRequest(stringId, "tools/call", R"({"name":"x"})"));
    QVERIFY(!shim->waitForResponse(stringId, HostProcess::timeoutMs(5000)).isEmpty());
    QVERIFY2(echoes(shim->lastResponseLine(), stringId), shim->lastResponseLine().constData());
    shim->send(rawRequest(otherBig, "resources/list"));
    QCOMPARE(shim->waitForResponse(otherBig, HostProcess::timeoutMs(5000))[u"error"_s][u"code"_s].toInt(), -32601);
    QVERIFY2(echoes(shim->lastResponseLine(), otherBig), shim->lastResponseLine().constData());
    // An oversize request: the id is read from the line's first bytes.
    shim->send(rawRequest(BigId, "tools/call", "{\"x\":\"" + QByteArray(4 * 1024 * 1024, 'x') + "\"}"));
    QCOMPARE(shim->waitForResponse(BigId, HostProcess::timeoutMs(15000))[u"error"_s][u"code"_s].toInt(), -32600);
    QVERIFY2(echoes(shim->lastResponseLine(), BigId), shim->lastResponseLine().constData());
    shim->send(rawRequest(stringId, "ping"));
    QVERIFY(!shim->waitForResponse(stringId, HostProcess::timeoutMs(5000)).isEmpty()); // the session goes on
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitCode(), 0);
    verifyPure(*shim);
}

void TestShim::oversizeTrayResponse()
{
    // The test plays the tray: an answer over the line cap must not leave the request hanging.
    QLocalServer fakeTray;
    QVERIFY(fakeTray.listen(socketPath(u"fake.sock"_s)));
    auto shim = startShim(fakeTray.fullServerName());
    QVERIFY(shim);
    QVERIFY(fakeTray.waitForNewConnection(HostProcess::timeoutMs(10000)));
    QLocalSocket *tray = fakeTray.nextPendingConnection();
    shim->send(rpcRequest(u"big"_s, u"tools/call"_s, {{u"name"_s, u"huge"_s}}));
    shim->send(rpcRequest(2, u"ping"_s));
    QVERIFY(shim->process().waitForBytesWritten(HostProcess::timeoutMs(5000)));
    QDeadlineTimer deadline(HostProcess::timeoutMs(10000));
    while (QByteArray(tray->peek(1 << 16)).count('\n') < 2 && !deadline.hasExpired()) {
        tray->waitForReadyRead(100);
    }
    QVERIFY(tray->readLine().contains("\"big\""));
    QVERIFY(tray->readLine().contains("\"ping\""));
    const QByteArray huge(5 * 1024 * 1024, 'x');
    tray->write(R"({"jsonrpc":"2.0","id":"big","result":{"content":[{"type":"text","text":")" + huge + "\"}]}}\n");
    tray->write(R"({"jsonrpc":"2.0","id":2,"result":{}})"
                "\n");
    while (tray->bytesToWrite() > 0 && tray->waitForBytesWritten(HostProcess::timeoutMs(10000))) {}
    const QJsonObject tooLarge = shim->waitForResponse("\"big\"", HostProcess::timeoutMs(10000));
    QCOMPARE(tooLarge[u"error"_s][u"code"_s].toInt(), -32603);
    QVERIFY(!shim->waitForResponse("2", HostProcess::timeoutMs(10000)).isEmpty());
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitCode(), 0);
    QVERIFY(shim->allStdout().size() < 4096); // the huge line never reached stdout
    verifyPure(*shim);
}

void TestShim::stdinEofExitsZero()
{
    HostProcess tray;
    QVERIFY(tray.startTray(socketPath(u"eof.sock"_s)));
    auto shim = startShim(socketPath(u"eof.sock"_s));
    QVERIFY(shim);
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(shim->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(shim->process().exitCode(), 0);
    QCOMPARE(shim->allStdout(), QByteArray());
}

QTEST_GUILESS_MAIN(TestShim)
#include "tst_shim.moc"
