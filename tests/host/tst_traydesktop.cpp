// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The real tray icon on a real X display: dimo-tray (default mode, xcb) next to `trayer`, a
// system tray host. Exits 77 (skipped) without a DISPLAY or without trayer (apt: trayer).
#include "tests/host/hostprocess.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

class TestTrayDesktop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsTrayIconAndServes();

private:
    QProcess m_trayer;
    QTemporaryDir m_dir{QDir::tempPath() + u"/tst-td-XXXXXX"_s};
};

void TestTrayDesktop::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_trayer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_trayer.start(QStandardPaths::findExecutable(u"trayer"_s),
                   {u"--edge"_s,
                    u"top"_s,
                    u"--align"_s,
                    u"right"_s,
                    u"--widthtype"_s,
                    u"pixel"_s,
                    u"--width"_s,
                    u"120"_s,
                    u"--height"_s,
                    u"32"_s});
    QVERIFY(m_trayer.waitForStarted(HostProcess::timeoutMs(10000)));
}

void TestTrayDesktop::cleanupTestCase()
{
    m_trayer.terminate();
    if (!m_trayer.waitForFinished(HostProcess::timeoutMs(5000))) {
        m_trayer.kill();
    }
}

void TestTrayDesktop::showsTrayIconAndServes()
{
    const QString socket = m_dir.filePath(u"mcp.sock"_s);
    // trayer needs a moment to own the tray selection: retry while the app reports no tray.
    for (int attempt = 0; attempt < 20; ++attempt) {
        HostProcess tray;
        tray.environment().remove(u"QT_QPA_PLATFORM"_s); // the real X display (xcb)
        QVERIFY(tray.start(HostProcess::trayPath(), {u"--socket"_s, socket, u"--print-endpoints"_s}));
        QVERIFY2(!tray.readLine(HostProcess::timeoutMs(15000)).isEmpty(), tray.allStderr().constData());
        QTRY_VERIFY_WITH_TIMEOUT(tray.allStderr().contains("tray icon shown")
                                     || tray.allStderr().contains("no system tray"),
                                 HostProcess::timeoutMs(10000));
        if (tray.allStderr().contains("no system tray")) {
            tray.terminate();
            QVERIFY(tray.waitForExit(HostProcess::timeoutMs(10000)));
            QTest::qWait(250);
            continue;
        }
        QLocalSocket client; // the tray serves MCP while its icon is up
        client.connectToServer(socket);
        QVERIFY(client.waitForConnected(HostProcess::timeoutMs(5000)));
        client.write(rpcRequest(1, u"ping"_s) + '\n');
        QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine() || (client.waitForReadyRead(50) && client.canReadLine()),
                                 HostProcess::timeoutMs(5000));
        QVERIFY(client.readLine().contains("\"result\":{}"));
        tray.terminate();
        QVERIFY(tray.waitForExit(HostProcess::timeoutMs(10000)));
        QCOMPARE(tray.process().exitCode(), 0);
        QVERIFY(!QFile::exists(socket));
        return;
    }
    QFAIL("dimo-tray never found the system tray that trayer provides");
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("DISPLAY") || QStandardPaths::findExecutable(u"trayer"_s).isEmpty()) {
        std::printf("SKIP: needs an X display (e.g. xvfb-run) and trayer\n");
        return 77;
    }
    TestTrayDesktop test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_traydesktop.moc"
