// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The real dimo-tray binary as an MCP host: socket, sessions, single instance, signals, stdio.
#include "mcp/wire/lineframer.h"
#include "tests/host/hostprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A line client on the tray's socket.
class Client
{
public:
    bool connect(const QString &socket)
    {
        m_socket.connectToServer(socket);
        return m_socket.waitForConnected(HostProcess::timeoutMs(5000));
    }

    void send(const QByteArray &line)
    {
        m_socket.write(line + '\n');
        m_socket.flush();
    }

    QByteArray nextLine()
    {
        QDeadlineTimer deadline(HostProcess::timeoutMs(10000));
        while (!m_socket.canReadLine() && !deadline.hasExpired()) {
            m_socket.waitForReadyRead(100);
        }
        return m_socket.readLine();
    }

    QJsonObject next() { return QJsonDocument::fromJson(nextLine()).object(); }

    QLocalSocket &socket() { return m_socket; }

private:
    QLocalSocket m_socket;
};

} // namespace

class TestTrayHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void printsEndpointsOnly();
    void sessionsAreIndependent();
    void oversizeLineGetsErrorAndConnectionSurvives();
    void secondInstanceExitsZero();
    void staleSocketAfterCrash();
    void sigtermRemovesSocket();
    void stdioMode();
    void discoverFollowsEraFlag();
    void httpEndpoint();
    void rejectsBadOptions();

private:
    QString socketPath(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir{QDir::tempPath() + u"/tst-th-XXXXXX"_s};
};

void TestTrayHost::printsEndpointsOnly()
{
    HostProcess tray;
    QVERIFY(tray.startTray(socketPath(u"a.sock"_s)));
    QCOMPARE(tray.endpoints().value(u"socket"_s).toString(), socketPath(u"a.sock"_s));
    QVERIFY(!tray.endpoints().contains(u"http"_s));
    QVERIFY(QFile::exists(socketPath(u"a.sock"_s)));
    tray.terminate();
    QVERIFY(tray.waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(tray.allStdout().count('\n'), 1); // the endpoint line and nothing else
}

void TestTrayHost::sessionsAreIndependent()
{
    HostProcess tray;
    QVERIFY(tray.startTray(socketPath(u"b.sock"_s)));
    Client a;
    Client b;
    QVERIFY(a.connect(socketPath(u"b.sock"_s)));
    QVERIFY(b.connect(socketPath(u"b.sock"_s)));
    // Only a initializes: b's requests must not see a's session state.
    a.send(rpcInitialize(1));
    QCOMPARE(a.next().value(u"id"_s).toInt(), 1);
    a.send(rpcNotification(u"notifications/initialized"_s));
    b.send(rpcRequest(u"x"_s, u"tools/list"_s));
    a.send(rpcRequest(u"x"_s, u"tools/list"_s));
    const QJsonObject fromB = b.next();
    const QJsonObject fromA = a.next();
    QCOMPARE(fromB.value(u"id"_s).toString(), u"x"_s);
    QCOMPARE(fromB.value(u"error"_s)[u"code"_s].toInt(), -32600); // b never initialized
    QCOMPARE(fromA.value(u"id"_s).toString(), u"x"_s);
    QVERIFY(fromA.value(u"result"_s)[u"tools"_s].isArray());
    QVERIFY(!a.socket().canReadLine() && !b.socket().canReadLine());
}

void TestTrayHost::oversizeLineGetsErrorAndConnectionSurvives()
{
    HostProcess tray;
    QVERIFY(tray.startTray(socketPath(u"c.sock"_s)));
    Client client;
    QVERIFY(client.connect(socketPath(u"c.sock"_s)));
    client.send(QByteArray(mcp::wire::MaxLineBytes + 10, ' ') + "{}");
    const QJsonObject error = client.next();
    QCOMPARE(error.value(u"error"_s)[u"code"_s].toInt(), -32600);
    client.send(rpcRequest(2, u"ping"_s));
    QCOMPARE(client.next().value(u"id"_s).toInt(), 2);
    // A request over the cap is answered with its id (read from the line's first bytes), as sent.
    client.send("{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"ping\",\"params\":{\"x\":\""
                + QByteArray(mcp::wire::MaxLineBytes, 'x') + "\"}}");
    const QByteArray named = client.nextLine();
    QVERIFY2(named.startsWith(R"({"jsonrpc":"2.0","id":9007199254740993,"error":{"code":-32600,)"), named.constData());
    client.send(rpcRequest(3, u"ping"_s));
    QCOMPARE(client.next().value(u"id"_s).toInt(), 3);
}

void TestTrayHost::secondInstanceExitsZero()
{
    HostProcess first;
    QVERIFY(first.startTray(socketPath(u"d.sock"_s)));
    HostProcess second;
    QVERIFY(second.start(HostProcess::trayPath(), {u"--headless"_s, u"--socket"_s, socketPath(u"d.sock"_s)}));
    QVERIFY(second.waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(second.process().exitCode(), 0);
    QVERIFY2(second.allStderr().contains("already running"), second.allStderr().constData());
    Client client; // the first instance still serves
    QVERIFY(client.connect(socketPath(u"d.sock"_s)));
    client.send(rpcRequest(1, u"ping"_s));
    QCOMPARE(client.next().value(u"id"_s).toInt(), 1);
}

void TestTrayHost::staleSocketAfterCrash()
{
    {
        HostProcess crashed;
        QVERIFY(crashed.startTray(socketPath(u"e.sock"_s)));
        crashed.kill();
    }
#if defined(Q_OS_UNIX)
    QVERIFY(QFile::exists(socketPath(u"e.sock"_s))); // left behind
#endif
    HostProcess tray;
    QVERIFY(tray.startTray(socketPath(u"e.sock"_s)));
    Client client;
    QVERIFY(client.connect(socketPath(u"e.sock"_s)));
    client.send(rpcRequest(1, u"ping"_s));
    QCOMPARE(client.next().value(u"id"_s).toInt(), 1);
}

void TestTrayHost::sigtermRemovesSocket()
{
#if defined(Q_OS_UNIX)
    HostProcess tray;
    QVERIFY(tray.startTray(socketPath(u"f.sock"_s)));
    Client client;
    QVERIFY(client.connect(socketPath(u"f.sock"_s)));
    tray.terminate();
    QVERIFY(tray.waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(tray.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(tray.process().exitCode(), 0);
    QVERIFY(!QFile::exists(socketPath(u"f.sock"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(client.socket().state(), QLocalSocket::UnconnectedState, HostProcess::timeoutMs(5000));
#else
    QSKIP("SIGTERM is Unix");
#endif
}

void TestTrayHost::stdioMode()
{
    HostProcess tray;
    QVERIFY(tray.start(HostProcess::trayPath(), {u"--stdio"_s}));
    tray.send(rpcInitialize(1));
    QCOMPARE(
        tray.waitForResponse("1", HostProcess::timeoutMs(10000))[u"result"_s][u"serverInfo"_s][u"name"_s].toString(),
        u"dimo-tray"_s);
    tray.send(rpcNotification(u"notifications/initialized"_s));
    tray.send(rpcRequest(2, u"tools/list"_s));
    QVERIFY(tray.waitForResponse("2", HostProcess::timeoutMs(10000))[u"result"_s][u"tools"_s].isArray());
    tray.closeStdin();
    QVERIFY(tray.waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(tray.process().exitCode(), 0);
    QString why;
    QVERIFY2(tray.stdoutIsPure(&why), qPrintable(why));
}

void TestTrayHost::discoverFollowsEraFlag()
{
    // Legacy only (default): server/discover is refused at once, so probing clients fall back.
    HostProcess legacy;
    QVERIFY(legacy.start(HostProcess::trayPath(), {u"--stdio"_s}));
    legacy.send(rpcRequest(1, u"server/discover"_s));
    QCOMPARE(legacy.waitForResponse("1", HostProcess::timeoutMs(10000))[u"error"_s][u"code"_s].toInt(), -32601);
    legacy.closeStdin();
    QVERIFY(legacy.waitForExit(HostProcess::timeoutMs(10000)));

    // --modern-era: a DiscoverResult naming 2026-07-28 first.
    HostProcess modern;
    QVERIFY(modern.start(HostProcess::trayPath(), {u"--stdio"_s, u"--modern-era"_s}));
    modern.send(rpcRequest(1, u"server/discover"_s));
    const QJsonObject result = modern.waitForResponse("1", HostProcess::timeoutMs(10000))[u"result"_s].toObject();
    QCOMPARE(result[u"supportedVersions"_s][0].toString(), u"2026-07-28"_s);
    modern.closeStdin();
    QVERIFY(modern.waitForExit(HostProcess::timeoutMs(10000)));
}

void TestTrayHost::httpEndpoint()
{
    // The token comes from a private file (never argv, where every user sees it).
    const QByteArray secret = "s3cret-s3cret-s3cret";
    QFile tokenFile(socketPath(u"http-token"_s));
    QVERIFY(tokenFile.open(QIODevice::WriteOnly) && tokenFile.write(secret + '\n') > 0);
    tokenFile.close();
    QVERIFY(tokenFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    HostProcess tray;
    QVERIFY(tray.startTray(socketPath(u"g.sock"_s),
                           {u"--http-port"_s, u"0"_s, u"--http-token-file"_s, tokenFile.fileName()}));
    const QUrl url(tray.endpoints().value(u"http"_s).toString());
    QVERIFY2(url.isValid() && url.port() > 0, qPrintable(url.toString()));
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QNetworkAccessManager nam;
    auto post = [&](const QByteArray &token) {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Accept", "application/json, text/event-stream");
        if (!token.isEmpty()) {
            request.setRawHeader("Authorization", "Bearer " + token);
        }
        QNetworkReply *reply = nam.post(request, rpcInitialize(1));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(HostProcess::timeoutMs(10000));
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    QCOMPARE(post("wrong"), 401);
    QCOMPARE(post(secret), 200);
}

void TestTrayHost::rejectsBadOptions()
{
    HostProcess tray;
    QVERIFY(tray.start(HostProcess::trayPath(), {u"--headless"_s, u"--stdio"_s}));
    QVERIFY(tray.waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(tray.process().exitCode(), 2);
    QCOMPARE(tray.allStdout(), QByteArray());
    HostProcess version;
    QVERIFY(version.start(HostProcess::trayPath(), {u"--version"_s}));
    QVERIFY(version.waitForExit(HostProcess::timeoutMs(10000)));
    QCOMPARE(version.process().exitCode(), 0);
    QVERIFY(version.allStdout().startsWith("dimo-tray "));
}

QTEST_GUILESS_MAIN(TestTrayHost)
#include "tst_trayhost.moc"
