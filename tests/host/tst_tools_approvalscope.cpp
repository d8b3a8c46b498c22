// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Issue 15, holes 2 and 3, through the real binaries against the simulator: an elicitation
// answer approves its own call and nothing else (two AI client sessions on one headless tray);
// $DIMOTRAY_APPROVAL only tightens the stored policy, and check_vehicle_access_status says which
// policy is in force and why; the tray mcp-dimo starts does not inherit the shim's policy.
#include "tests/host/toolfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <csignal>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 TeslaOfAlice = 24567;

QJsonObject accept(const QString &decision)
{
    return {{u"action"_s, u"accept"_s}, {u"content"_s, QJsonObject{{u"decision"_s, decision}}}};
}

} // namespace

class TestToolsApprovalScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void elicitationApprovesOnlyItsOwnCall();
    void environmentOnlyTightens();
    void shimDoesNotPassItsPolicyToTheTray();

private:
    ToolFixture m_fx;
    DimoSim &m_sim = m_fx.sim;
};

TOOL_SUITE_SETUP(TestToolsApprovalScope)

void TestToolsApprovalScope::elicitationApprovesOnlyItsOwnCall()
{
    ToolSession a;
    ToolSession::Options options;
    options.approval = u"ask"_s;
    options.elicitation = true;
    QVERIFY(m_fx.startSession(a, options));
    ToolSession b;
    QString why;
    QVERIFY2(b.join(a, options, &why), qPrintable(why));

    int id = a.sendCall(u"lock_doors"_s, {{u"tokenId"_s, TeslaOfAlice}});
    QJsonObject ask = a.waitForRequest(u"elicitation/create"_s);
    QVERIFY2(!ask.isEmpty(), qPrintable(a.diagnostics()));
    const QJsonObject schema = ask[u"params"_s][u"requestedSchema"_s].toObject();
    // A crafted "always" answer counts as this one call.
    a.reply(ask[u"id"_s], accept(u"always"_s));
    QJsonObject r = a.waitForResult(id, 40000);
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QString firstAnswer = ToolSession::text(r);
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 1);

    // Client B's same command on the same vehicle asks client B.
    id = b.sendCall(u"lock_doors"_s, {{u"tokenId"_s, TeslaOfAlice}});
    ask = b.waitForRequest(u"elicitation/create"_s);
    QVERIFY2(!ask.isEmpty(), "client A's elicitation answer approved client B's command");
    b.reply(ask[u"id"_s], {{u"action"_s, u"decline"_s}});
    r = b.waitForResult(id);
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"not sent"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 1);
    QVERIFY2(firstAnswer.contains(u"allowed once by the user"_s), qPrintable(firstAnswer));
    // The form offers Allow once and Deny only: an AI client can answer it, so no "always".
    const QJsonArray choices = schema[u"properties"_s][u"decision"_s][u"enum"_s].toArray();
    QCOMPARE(choices, (QJsonArray{u"allow_once"_s, u"deny"_s}));

    // And client A's next call asks client A again.
    id = a.sendCall(u"lock_doors"_s, {{u"tokenId"_s, TeslaOfAlice}});
    ask = a.waitForRequest(u"elicitation/create"_s);
    QVERIFY2(!ask.isEmpty(), "the crafted \"always\" was remembered for client A");
    a.reply(ask[u"id"_s], {{u"action"_s, u"cancel"_s}});
    r = a.waitForResult(id);
    QVERIFY(ToolSession::isError(r));
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 1);
    VERIFY_FINISH(b);
    VERIFY_FINISH(a);
}

void TestToolsApprovalScope::environmentOnlyTightens()
{
    {
        // Stored "ask", DIMOTRAY_APPROVAL=never: still asks (here the client cannot: not sent).
        ToolSession s;
        ToolSession::Options options;
        options.approval = u"ask"_s;
        options.approvalEnv = u"never"_s;
        QVERIFY(m_fx.startSession(s, options));
        const QJsonObject r = s.call(u"unlock_doors"_s, {{u"tokenId"_s, TeslaOfAlice}});
        QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"not sent"_s),
                 qPrintable(ToolSession::text(r)));
        QCOMPARE(m_sim.count(u"teslaOracle"_s), 0);
        const QString status = ToolSession::text(s.call(u"check_vehicle_access_status"_s));
        QVERIFY2(status.contains(u"Command approval: ask (settings; DIMOTRAY_APPROVAL=never ignored: the environment "
                                 "may only tighten the policy)"_s),
                 qPrintable(status));
        VERIFY_FINISH(s);
    }
    {
        // Stored "never", DIMOTRAY_APPROVAL=ask: asks.
        ToolSession s;
        ToolSession::Options options;
        options.approval = u"never"_s;
        options.approvalEnv = u"ask"_s;
        QVERIFY(m_fx.startSession(s, options));
        const QJsonObject r = s.call(u"lock_doors"_s, {{u"tokenId"_s, TeslaOfAlice}});
        QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"not sent"_s),
                 qPrintable(ToolSession::text(r)));
        QCOMPARE(m_sim.count(u"teslaOracle"_s), 0);
        const QString status = ToolSession::text(s.call(u"check_vehicle_access_status"_s));
        QVERIFY2(status.contains(u"Command approval: ask (DIMOTRAY_APPROVAL tightened settings' never)"_s),
                 qPrintable(status));
        VERIFY_FINISH(s);
    }
}

// The first AI client to start the tray used to set DIMOTRAY_APPROVAL for everyone.
void TestToolsApprovalScope::shimDoesNotPassItsPolicyToTheTray()
{
#if defined(Q_OS_UNIX)
    const QString dir = m_fx.dir.filePath(u"autostart"_s);
    const QString socket = dir + u"/mcp.sock"_s;
    // The user's settings: the simulator's environment, the default policy (ask).
    QVERIFY(writeTraySettings(dir + u"/config"_s, {{u"license/environment"_s, m_sim.environmentFile()}}));
    HostProcess shim;
    QProcessEnvironment &env = shim.environment();
    for (const auto &[key, sub] : {std::pair{"XDG_CONFIG_HOME", "config"},
                                   {"XDG_CACHE_HOME", "cache"},
                                   {"XDG_DATA_HOME", "data"},
                                   {"XDG_STATE_HOME", "state"}}) {
        env.insert(QString::fromLatin1(key), dir + u'/' + QString::fromLatin1(sub));
    }
    env.insert(u"DIMOTRAY_MCP_SOCKET"_s, socket);
    env.insert(u"DIMOTRAY_TRAY_PATH"_s, HostProcess::trayPath());
    env.remove(u"DIMOTRAY_NO_AUTOSTART"_s);
    env.insert(u"DIMOTRAY_KEYCHAIN"_s, u"off"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s); // no system tray: the tray runs headless
    // The simulator's license in fleet mode (no sign-in needed), through the environment.
    env.insert(u"DIMO_CLIENT_ID"_s, m_sim.credential(u"clientId"_s));
    env.insert(u"DIMO_DOMAIN"_s, m_sim.credential(u"redirectUri"_s));
    env.insert(u"DIMO_PRIVATE_KEY"_s, m_sim.credential(u"apiKey"_s));
    env.insert(u"FLEET_MODE"_s, u"true"_s);
    // This AI client's own wish: never ask.
    env.insert(u"DIMOTRAY_APPROVAL"_s, u"never"_s);
    env.remove(u"DIMOTRAY_TOOLSET"_s);
    QVERIFY(shim.start(HostProcess::shimPath(), {}));
    auto stopTray = qScopeGuard([&shim, &socket] {
        const auto match = QRegularExpression(u"\\(pid (\\d+)\\)"_s).match(QString::fromUtf8(shim.allStderr()));
        if (match.hasMatch()) {
            const auto pid = pid_t(match.captured(1).toLongLong());
            ::kill(pid, SIGTERM); // a clean exit removes the socket
            if (!QTest::qWaitFor(
                    [&socket] {
                        return !QFile::exists(socket);
                    },
                    HostProcess::timeoutMs(10000))) {
                ::kill(pid, SIGKILL);
                QFile::remove(socket);
            }
        }
    });
    shim.send(rpcInitialize(1));
    const QJsonObject init = shim.waitForResponse("1", HostProcess::timeoutMs(15000));
    QVERIFY2(!init.value(u"result"_s)[u"instructions"_s].toString().contains(u"not running"_s),
             shim.allStderr().constData());
    shim.send(rpcNotification(u"notifications/initialized"_s));

    shim.send(
        rpcRequest(3,
                   u"tools/call"_s,
                   {{u"name"_s, u"unlock_doors"_s}, {u"arguments"_s, QJsonObject{{u"tokenId"_s, TeslaOfAlice}}}}));
    const QJsonObject r = shim.waitForResponse("3", HostProcess::timeoutMs(30000))[u"result"_s].toObject();
    const QString text = r[u"content"_s][0][u"text"_s].toString();
    QVERIFY2(r[u"isError"_s].toBool() && text.contains(u"not sent"_s), qPrintable(text));
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 0); // asked (and, unanswerable here, refused): never sent
    shim.send(rpcRequest(2, u"tools/call"_s, {{u"name"_s, u"check_vehicle_access_status"_s}}));
    const QString status =
        shim.waitForResponse("2", HostProcess::timeoutMs(20000))[u"result"_s][u"content"_s][0][u"text"_s].toString();
    QVERIFY2(status.contains(u"Command approval: ask (settings);"_s), qPrintable(status));
    QVERIFY2(status.contains(u"24567"_s), qPrintable(status));
    shim.closeStdin();
    QVERIFY(shim.waitForExit(HostProcess::timeoutMs(10000)));
#else
    QSKIP("stopping the detached tray uses POSIX signals");
#endif
}

QTEST_GUILESS_MAIN(TestToolsApprovalScope)
#include "tst_tools_approvalscope.moc"
