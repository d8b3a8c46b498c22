// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// mcp::transport::LocalServer: stale sockets, single instance, many concurrent connections.
#include "mcp/transport/linechannel.h"
#include "mcp/transport/localserver.h"
#include "tests/support/timeout.h"

#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using mcp::transport::LineChannel;
using mcp::transport::LocalServer;

namespace {

int timeoutMs(int ms)
{
    return testsupport::scaled(ms);
}

// Starts the server and waits for its one outcome; returns the name of the signal emitted.
QString startAndWait(LocalServer &server)
{
    QString outcome;
    QObject context;
    QObject::connect(&server, &LocalServer::listening, &context, [&] {
        outcome = u"listening"_s;
    });
    QObject::connect(&server, &LocalServer::alreadyRunning, &context, [&] {
        outcome = u"alreadyRunning"_s;
    });
    QObject::connect(&server, &LocalServer::failed, &context, [&](const QString &e) {
        outcome = u"failed: "_s + e;
    });
    server.start();
    QElapsedTimer timer;
    timer.start();
    while (outcome.isEmpty() && timer.elapsed() < timeoutMs(5000)) {
        QTest::qWait(10);
    }
    return outcome;
}

} // namespace

class TestLocalServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listensAndRemovesSocketOnClose();
    void staleSocketIsReplaced();
    void liveInstanceIsLeftAlone();
    void concurrentStartsYieldOneInstance();
    void manyConcurrentConnections();

private:
    QString socketPath() const { return m_dir.filePath(u"mcp.sock"_s); }

    QTemporaryDir m_dir{QDir::tempPath() + u"/tst-ls-XXXXXX"_s};
};

void TestLocalServer::listensAndRemovesSocketOnClose()
{
    {
        LocalServer server(socketPath());
        QCOMPARE(startAndWait(server), u"listening"_s);
        QVERIFY(server.isListening());
        QCOMPARE(server.fullServerName(), socketPath());
        QVERIFY(QFile::exists(socketPath()));
    }
    QVERIFY(!QFile::exists(socketPath()));
}

void TestLocalServer::staleSocketIsReplaced()
{
#if defined(Q_OS_UNIX)
    // What a crash leaves behind: a bound socket file nobody listens on.
    const QByteArray path = QFile::encodeName(socketPath());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    qstrncpy(address.sun_path, path.constData(), sizeof(address.sun_path));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFile::exists(socketPath()));

    LocalServer server(socketPath());
    QCOMPARE(startAndWait(server), u"listening"_s);
    QLocalSocket client;
    client.connectToServer(socketPath());
    QVERIFY(client.waitForConnected(timeoutMs(5000)));
#else
    QSKIP("stale socket files exist on Unix only");
#endif
}

void TestLocalServer::liveInstanceIsLeftAlone()
{
    LocalServer first(socketPath());
    QCOMPARE(startAndWait(first), u"listening"_s);
    LocalServer second(socketPath());
    QCOMPARE(startAndWait(second), u"alreadyRunning"_s);
    QVERIFY(!second.isListening());
    // The first instance still owns the socket and serves.
    QSignalSpy channels(&first, &LocalServer::newChannel);
    QLocalSocket client;
    client.connectToServer(socketPath());
    QVERIFY(client.waitForConnected(timeoutMs(5000)));
    QVERIFY(channels.wait(timeoutMs(5000)));
}

void TestLocalServer::concurrentStartsYieldOneInstance()
{
    LocalServer first(socketPath());
    LocalServer second(socketPath());
    QSignalSpy firstListening(&first, &LocalServer::listening);
    QSignalSpy secondListening(&second, &LocalServer::listening);
    QSignalSpy firstRunning(&first, &LocalServer::alreadyRunning);
    QSignalSpy secondRunning(&second, &LocalServer::alreadyRunning);
    first.start();
    second.start(); // before the first one had a chance to listen
    QTRY_COMPARE_WITH_TIMEOUT(firstListening.size() + secondListening.size() + firstRunning.size()
                                  + secondRunning.size(),
                              2,
                              timeoutMs(5000));
    QCOMPARE(firstListening.size() + secondListening.size(), 1);
    QCOMPARE(firstRunning.size() + secondRunning.size(), 1);
    QVERIFY(first.isListening() != second.isListening());
}

void TestLocalServer::manyConcurrentConnections()
{
    constexpr int Clients = 64;
    LocalServer server(socketPath());
    QCOMPARE(startAndWait(server), u"listening"_s);
    // Echo server that tags each reply with the connection's own number.
    int next = 0;
    QObject::connect(&server, &LocalServer::newChannel, &server, [&next](LineChannel *channel) {
        const QByteArray tag = QByteArray::number(next++);
        QObject::connect(channel, &LineChannel::lineReceived, channel, [channel, tag](const QByteArray &line) {
            channel->sendLine(tag + ':' + line);
        });
    });

    std::vector<std::unique_ptr<QLocalSocket>> clients;
    for (int i = 0; i < Clients; ++i) {
        auto client = std::make_unique<QLocalSocket>();
        client->connectToServer(socketPath()); // all at once, no waiting in between
        clients.push_back(std::move(client));
    }
    for (auto &client : clients) {
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), QLocalSocket::ConnectedState, timeoutMs(5000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), Clients, timeoutMs(5000));
    for (int i = 0; i < Clients; ++i) {
        clients[i]->write("{\"client\":" + QByteArray::number(i) + "}\n{\"second\":" + QByteArray::number(i) + "}\n");
    }

    QSet<QByteArray> tags;
    for (int i = 0; i < Clients; ++i) {
        QLocalSocket &client = *clients[i];
        QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() && QByteArray(client.peek(1 << 16)).count('\n') >= 2,
                                 timeoutMs(5000));
        const QByteArray first = client.readLine().trimmed();
        const QByteArray second = client.readLine().trimmed();
        const QByteArray tag = first.left(first.indexOf(':'));
        // Both replies come from the same session, and only this client's lines come back.
        QCOMPARE(first, tag + ":{\"client\":" + QByteArray::number(i) + "}");
        QCOMPARE(second, tag + ":{\"second\":" + QByteArray::number(i) + "}");
        tags.insert(tag);
    }
    QCOMPARE(tags.size(), Clients);

    for (auto &client : clients) {
        client->disconnectFromServer();
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, timeoutMs(5000));
}

QTEST_GUILESS_MAIN(TestLocalServer)

#include "tst_localserver.moc"
