// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The real dimo-tray and mcp-dimo binaries and the socket's directory: the default is a private
// per-user directory (never the temp directory), a planted directory or a server of another
// user is refused, and the refusal is visible (stderr; MCP errors from the shim).
#include "tests/host/hostprocess.h"
#include "tests/host/otheruser.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Registered on Unix only (tests/host/CMakeLists.txt): Windows pipe names have no directory.
#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#include <unistd.h>
#endif

#if defined(Q_OS_UNIX)
#include "tests/support/posixfs.h"
#endif

using namespace Qt::StringLiterals;

#if defined(Q_OS_UNIX)

namespace {

using testsupport::makeDir;
using testsupport::modeOf;

QStringList filesUnder(const QString &dir)
{
    QStringList names;
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        names.append(entry.filePath());
        if (entry.isDir() && !entry.isSymLink()) {
            names.append(filesUnder(entry.filePath()));
        }
    }
    return names;
}

} // namespace

class TestSocketDirHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultSocketIsPrivateNeverTemp_data();
    void defaultSocketIsPrivateNeverTemp();
    void trayRefusesSymlinkedDirectory();
    void shimRefusesSharedDirectory();
    void shimRefusesServerOfAnotherUser();

private:
    // An environment with its own home, cache and temp directory, and no socket override.
    void isolate(HostProcess &process, const QString &runtime) const;
    std::unique_ptr<HostProcess> startShim(const QString &socket) const;

    QTemporaryDir m_dir{QDir::tempPath() + u"/tst-sdh-XXXXXX"_s};
};

void TestSocketDirHost::isolate(HostProcess &process, const QString &runtime) const
{
    QProcessEnvironment &env = process.environment();
    env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_dir.filePath(u"cache"_s));
    env.insert(u"TMPDIR"_s, m_dir.filePath(u"tmp"_s));
    env.remove(u"DIMOTRAY_MCP_SOCKET"_s);
    if (runtime.isEmpty()) {
        env.remove(u"XDG_RUNTIME_DIR"_s);
    } else {
        env.insert(u"XDG_RUNTIME_DIR"_s, runtime);
    }
}

std::unique_ptr<HostProcess> TestSocketDirHost::startShim(const QString &socket) const
{
    auto shim = std::make_unique<HostProcess>();
    shim->environment().insert(u"DIMOTRAY_MCP_SOCKET"_s, socket);
    shim->environment().insert(u"DIMOTRAY_NO_AUTOSTART"_s, u"1"_s);
    return shim->start(HostProcess::shimPath(), {}) ? std::move(shim) : nullptr;
}

void TestSocketDirHost::defaultSocketIsPrivateNeverTemp_data()
{
    QTest::addColumn<int>("runtimeMode"); // -1: XDG_RUNTIME_DIR unset
    QTest::newRow("XDG_RUNTIME_DIR unset") << -1;
    QTest::newRow("XDG_RUNTIME_DIR mode 0755") << 0755;
}

void TestSocketDirHost::defaultSocketIsPrivateNeverTemp()
{
    QFETCH(int, runtimeMode);
    for (const char *sub : {"home", "tmp"}) {
        QVERIFY(QDir(m_dir.path()).mkpath(QString::fromLatin1(sub)));
    }
    QString runtime;
    if (runtimeMode >= 0) {
        runtime = m_dir.filePath(u"runtime-%1"_s.arg(runtimeMode, 0, 8));
        QVERIFY(makeDir(runtime, mode_t(runtimeMode)));
    }
    HostProcess tray;
    isolate(tray, runtime);
    QVERIFY(tray.start(HostProcess::trayPath(), {u"--headless"_s, u"--print-endpoints"_s}));
    const QByteArray line = tray.readLine(HostProcess::timeoutMs(15000));
    const QString socket = QJsonDocument::fromJson(line).object().value(u"socket"_s).toString();
    const QString expected = m_dir.filePath(u"cache/dimo-tray/mcp.sock"_s);
    QVERIFY2(
        socket == expected,
        qPrintable(u"socket %1, expected %2; stderr: %3"_s.arg(socket, expected, QString::fromUtf8(tray.allStderr()))));
    QCOMPARE(modeOf(m_dir.filePath(u"cache/dimo-tray"_s)), mode_t(0700));
    const QStringList inTemp = filesUnder(m_dir.filePath(u"tmp"_s));
    QVERIFY2(inTemp.filter(u"mcp.sock"_s).isEmpty() && inTemp.filter(u"dimo-tray"_s).isEmpty(),
             qPrintable(inTemp.join(u", "_s)));
    if (!runtime.isEmpty()) {
        QCOMPARE(modeOf(runtime), mode_t(runtimeMode)); // not ours to fix
    }

    // The shim, with the same environment and no socket name, finds the tray there.
    HostProcess shim;
    isolate(shim, runtime);
    shim.environment().insert(u"DIMOTRAY_NO_AUTOSTART"_s, u"1"_s);
    QVERIFY(shim.start(HostProcess::shimPath(), {}));
    shim.send(rpcInitialize(1));
    const QJsonObject init = shim.waitForResponse("1", HostProcess::timeoutMs(10000));
    QCOMPARE(init.value(u"result"_s)[u"serverInfo"_s][u"name"_s].toString(), u"dimo-tray"_s);
    QVERIFY2(!init.value(u"result"_s)[u"instructions"_s].toString().contains(u"not running"_s),
             shim.allStderr().constData());
    shim.closeStdin();
    QVERIFY(shim.waitForExit(HostProcess::timeoutMs(10000)));
    tray.terminate();
    QVERIFY(tray.waitForExit(HostProcess::timeoutMs(10000)));
}

void TestSocketDirHost::trayRefusesSymlinkedDirectory()
{
    // A link planted where the tray's directory belongs, to a directory others can write to
    // (given to nobody when running as root): the tray must neither chmod it nor serve in it.
    const QString runtime = m_dir.filePath(u"runtime-link"_s);
    const QString victim = m_dir.filePath(u"victim"_s);
    QVERIFY(makeDir(runtime, 0700));
    QVERIFY(makeDir(runtime + u"/app"_s, 0700));
    QVERIFY(makeDir(victim, 0777));
    if (::geteuid() == 0) {
        QVERIFY(::chown(QFile::encodeName(victim).constData(), otheruser::Nobody, otheruser::Nobody) == 0);
    }
    const QString planted = runtime + u"/app/dimo-tray"_s;
    QVERIFY(QFile::link(victim, planted));

    HostProcess tray;
    isolate(tray, runtime);
    QVERIFY(tray.start(HostProcess::trayPath(), {u"--headless"_s, u"--print-endpoints"_s}));
    QVERIFY(tray.waitForExit(HostProcess::timeoutMs(10000)));
    QVERIFY(tray.process().exitCode() != 0);
    QVERIFY(tray.allStdout().isEmpty());
    const QString stderrText = QString::fromUtf8(tray.allStderr());
    QVERIFY2(stderrText.contains(planted) && stderrText.contains(u"symbolic link"_s)
                 && stderrText.contains(u"rm "_s + planted),
             qPrintable(stderrText));
    QCOMPARE(modeOf(victim), mode_t(0777));
    QVERIFY(filesUnder(victim).isEmpty());
}

void TestSocketDirHost::shimRefusesSharedDirectory()
{
    // A server in a directory anyone can write to: the shim does not even connect, and tells
    // the client (an MCP error) and the log why.
    const QString shared = m_dir.filePath(u"shared"_s);
    QVERIFY(makeDir(shared, 0777));
    const QString socket = shared + u"/mcp.sock"_s;
    QLocalServer fake;
    QVERIFY(fake.listen(socket));
    int connections = 0;
    connect(&fake, &QLocalServer::newConnection, this, [&] {
        while (QLocalSocket *s = fake.nextPendingConnection()) {
            ++connections;
            s->deleteLater();
        }
    });
    auto shim = startShim(socket);
    QVERIFY(shim);
    shim->send(rpcInitialize(1));
    const QJsonObject init = shim->waitForResponse("1", HostProcess::timeoutMs(10000));
    const QString message = init.value(u"error"_s)[u"message"_s].toString();
    QVERIFY2(message.contains(u"refused"_s) && message.contains(shared) && message.contains(u"0777"_s),
             QJsonDocument(init).toJson().constData());
    shim->send(rpcRequest(2, u"tools/call"_s, {{u"name"_s, u"lock_doors"_s}}));
    const QJsonObject call = shim->waitForResponse("2", HostProcess::timeoutMs(10000));
    QVERIFY(call.value(u"result"_s)[u"isError"_s].toBool());
    QVERIFY(call.value(u"result"_s)[u"content"_s][0][u"text"_s].toString().contains(shared));
    QTest::qWait(200);
    QCOMPARE(connections, 0);
    QVERIFY2(shim->allStderr().contains("refusing to connect"), shim->allStderr().constData());
    shim->closeStdin();
    QVERIFY(shim->waitForExit(HostProcess::timeoutMs(10000)));
    QString why;
    QVERIFY2(shim->stdoutIsPure(&why), qPrintable(why));
}

void TestSocketDirHost::shimRefusesServerOfAnotherUser()
{
    if (const QString why = otheruser::unavailable(); !why.isEmpty()) {
        QSKIP(qPrintable(why));
    }
#if defined(Q_OS_LINUX)
    // A server of another user in a directory that passes: only its credentials give it away.
    const QString socket = m_dir.filePath(u"foreign.sock"_s);
    otheruser::Server foreign(socket);
    QVERIFY(foreign.isReady());
    auto shim = startShim(socket);
    QVERIFY(shim);
    shim->send(rpcInitialize(1));
    const QJsonObject init = shim->waitForResponse("1", HostProcess::timeoutMs(10000));
    const QString message = init.value(u"error"_s)[u"message"_s].toString();
    QVERIFY2(message.contains(u"refused"_s) && message.contains(u"uid 65534"_s) && message.contains(socket),
             QJsonDocument(init).toJson().constData());
    shim->send(rpcNotification(u"notifications/initialized"_s));
    shim->send(rpcRequest(2, u"tools/call"_s, {{u"name"_s, u"lock_doors"_s}}));
    const QJsonObject call = shim->waitForResponse("2", HostProcess::timeoutMs(10000));
    QVERIFY(call.value(u"result"_s)[u"isError"_s].toBool());
    QVERIFY(!call.value(u"result"_s)[u"content"_s][0][u"text"_s].toString().contains(u"Confirmed"_s));
    QTest::qWait(200);
    QVERIFY2(foreign.received().isEmpty(), foreign.received().constData()); // not one byte relayed
    QVERIFY2(shim->allStderr().contains("uid 65534"), shim->allStderr().constData());
#endif
}

QTEST_GUILESS_MAIN(TestSocketDirHost)

#include "tst_socketdirhost.moc"

#endif
