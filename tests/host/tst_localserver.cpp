// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// mcp::transport::LocalServer: stale sockets, single instance, many concurrent connections, and
// what it trusts: only a directory no other user can write to, only peers of its own user.
#include "mcp/transport/linechannel.h"
#include "mcp/transport/localserver.h"
#include "mcp/wire/endpoint.h"
#include "tests/host/otheruser.h"
#include "tests/support/timeout.h"

#include <QFile>
#include <QLocalSocket>
#include <QLockFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#include <sys/stat.h>
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

#if defined(Q_OS_UNIX)
// A directory created with exactly `mode` (umask aside).
bool makeDir(const QString &path, mode_t mode)
{
    return ::mkdir(QFile::encodeName(path).constData(), 0700) == 0
        && ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };

    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(-1);
}
#endif

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
    void symlinkedDirectoryIsRefused();
    void sharedDirectoryAndItsLockAreNotTrusted();
    void defaultDirectoryIsPrivate();
    void connectionFromAnotherUserIsDropped();
    void probeRefusesAnotherUsersServer();

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

void TestLocalServer::symlinkedDirectoryIsRefused()
{
#if defined(Q_OS_UNIX)
    // A planted link to a directory of someone else's: nothing is created there, nothing chmod-ed.
    QTemporaryDir base;
    const QString target = base.filePath(u"target"_s);
    const QString link = base.filePath(u"link"_s);
    QVERIFY(makeDir(target, 0755));
    QVERIFY(QFile::link(target, link));
    LocalServer server(link + u"/mcp.sock"_s);
    const QString outcome = startAndWait(server);
    QVERIFY2(outcome.startsWith(u"failed: "_s) && outcome.contains(link) && outcome.contains(u"symbolic link"_s),
             qPrintable(outcome));
    QVERIFY(!server.isListening());
    QCOMPARE(modeOf(target), mode_t(0755));
    QVERIFY(QDir(target).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot));
#else
    QSKIP("socket directories exist on Unix only");
#endif
}

void TestLocalServer::sharedDirectoryAndItsLockAreNotTrusted()
{
#if defined(Q_OS_UNIX)
    // Anyone can write to a 0777 directory: a lock file there naming a live process (this one)
    // must not make the tray believe it is already running; the directory is refused first.
    QTemporaryDir base;
    const QString shared = base.filePath(u"shared"_s);
    QVERIFY(makeDir(shared, 0777));
    QLockFile planted(shared + u"/mcp.sock.lock"_s);
    QVERIFY(planted.tryLock(0));
    LocalServer server(shared + u"/mcp.sock"_s);
    const QString outcome = startAndWait(server);
    QVERIFY2(outcome.startsWith(u"failed: "_s) && outcome.contains(shared) && outcome.contains(u"0777"_s),
             qPrintable(outcome));
    QCOMPARE(modeOf(shared), mode_t(0777)); // an explicit --socket directory is never changed
#else
    QSKIP("socket directories exist on Unix only");
#endif
}

void TestLocalServer::defaultDirectoryIsPrivate()
{
#if defined(Q_OS_UNIX)
    QTemporaryDir base;
    const QString runtime = base.filePath(u"runtime"_s);
    QVERIFY(makeDir(runtime, 0700));
    const QByteArray savedRuntime = qgetenv("XDG_RUNTIME_DIR");
    const QByteArray savedSocket = qgetenv("DIMOTRAY_MCP_SOCKET");
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    qunsetenv("DIMOTRAY_MCP_SOCKET");
    const auto restore = qScopeGuard([&] {
        if (savedRuntime.isEmpty()) {
            qunsetenv("XDG_RUNTIME_DIR");
        } else {
            qputenv("XDG_RUNTIME_DIR", savedRuntime);
        }
        if (!savedSocket.isEmpty()) {
            qputenv("DIMOTRAY_MCP_SOCKET", savedSocket);
        }
    });
    const QString dir = runtime + u"/app/dimo-tray"_s;
    QCOMPARE(mcp::wire::resolveSocketName(), dir + u"/mcp.sock"_s);
    QVERIFY(QDir().mkpath(dir));

    // Our own directory that only we can write to (e.g. made with umask 022) is tightened.
    QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
    {
        LocalServer server(mcp::wire::resolveSocketName());
        QCOMPARE(startAndWait(server), u"listening"_s);
        QCOMPARE(modeOf(dir), mode_t(0700));
    }
    // One that others could write to may hold their files already: refused, left as it is.
    QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0777) == 0);
    LocalServer server(mcp::wire::resolveSocketName());
    const QString outcome = startAndWait(server);
    QVERIFY2(outcome.startsWith(u"failed: "_s) && outcome.contains(dir) && outcome.contains(u"0777"_s)
                 && outcome.contains(u"rm -r"_s),
             qPrintable(outcome));
    QCOMPARE(modeOf(dir), mode_t(0777));
#else
    QSKIP("socket directories exist on Unix only");
#endif
}

void TestLocalServer::connectionFromAnotherUserIsDropped()
{
#if defined(Q_OS_LINUX)
    if (const QString why = otheruser::unavailable(); !why.isEmpty()) {
        QSKIP(qPrintable(why));
    }
    // The file system would keep nobody out (a 0700 directory, a 0600 socket); open both so that
    // only the peer-credential check is left to do it.
    QTemporaryDir base;
    QVERIFY(::chmod(QFile::encodeName(base.path()).constData(), 0755) == 0);
    const QString path = base.filePath(u"mcp.sock"_s);
    LocalServer server(path);
    QCOMPARE(startAndWait(server), u"listening"_s);
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0666) == 0);
    QSignalSpy channels(&server, &LocalServer::newChannel);
    QCOMPARE(otheruser::connectAsNobody(path, timeoutMs(3000), timeoutMs(10000)), 0); // closed on it
    QCOMPARE(channels.size(), 0);
    QCOMPARE(server.connectionCount(), 0);
    QLocalSocket client; // this user is still served
    client.connectToServer(path);
    QVERIFY(client.waitForConnected(timeoutMs(5000)));
    QVERIFY(channels.wait(timeoutMs(5000)));
#else
    QSKIP("the other-user helper is written for Linux");
#endif
}

void TestLocalServer::probeRefusesAnotherUsersServer()
{
#if defined(Q_OS_LINUX)
    if (const QString why = otheruser::unavailable(); !why.isEmpty()) {
        QSKIP(qPrintable(why));
    }
    const QString path = m_dir.filePath(u"foreign.sock"_s);
    otheruser::Server foreign(path);
    QVERIFY(foreign.isReady());
    LocalServer server(path);
    const QString outcome = startAndWait(server);
    QVERIFY2(outcome.startsWith(u"failed: "_s) && outcome.contains(path) && outcome.contains(u"uid 65534"_s),
             qPrintable(outcome));
    QVERIFY(QFile::exists(path)); // not ours to remove
    QVERIFY(foreign.received().isEmpty());
#else
    QSKIP("the other-user helper is written for Linux");
#endif
}

QTEST_GUILESS_MAIN(TestLocalServer)

#include "tst_localserver.moc"
