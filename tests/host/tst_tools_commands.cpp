// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Vehicle commands end to end: the real mcp-dimo shim in front of `dimo-tray --headless --demo`
// against the simulator's tesla-oracle. Access checks, the approval policy (never / ask with MCP
// elicitation / ask without it), exactly one request to DIMO, confirmation by telemetry.
#include "tests/host/toolfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestToolsCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lockDoorsWithoutApprovalIsConfirmed();
    void notConfirmedInTimeSaysSo();
    void refusedCommands();
    void askWithElicitationDeclinedThenAccepted();
    void askWithoutElicitationIsRefused();
    void askUnlockAndTrunkOnly();
    void neverResentAfterAFailure();
    void failuresSayWhatIsKnown();
    void asDeployedTeslaOracleRefusesOnDimosSide();
    void contractOfEveryDocument(); // keep last

private:
    bool startSession(ToolSession &session, const QString &approval, bool elicitation = false);

    QJsonArray teslaAttempts() { return simControl(m_sim, "GET", u"/commands"_s)[u"attempts"_s].toArray(); }

    ToolFixture m_fx;
    DimoSim &m_sim = m_fx.sim;
};

void TestToolsCommands::initTestCase()
{
    QString error;
    QVERIFY2(m_fx.startSimulator(&error), qPrintable(error));
}

void TestToolsCommands::init()
{
    QVERIFY(m_sim.reset());
    QCOMPARE(simControl(m_sim, "POST", u"/command-delay"_s, {{u"ms"_s, 300}})[u"ms"_s].toInt(-1), 300);
}

void TestToolsCommands::cleanup()
{
    m_fx.afterTest();
}

bool TestToolsCommands::startSession(ToolSession &session, const QString &approval, bool elicitation)
{
    ToolSession::Options options;
    options.approval = approval;
    options.elicitation = elicitation;
    return m_fx.startSession(session, options);
}

void TestToolsCommands::lockDoorsWithoutApprovalIsConfirmed()
{
    ToolSession s;
    QVERIFY(startSession(s, u"never"_s));
    const int id = s.sendCall(u"lock_doors"_s, {{u"tokenId"_s, 24567}}, u"lock-1"_s);
    const QJsonObject r = s.waitForResult(id, 40000);
    const QString text = ToolSession::text(r);
    QVERIFY2(!ToolSession::isError(r), qPrintable(text + s.diagnostics()));
    QVERIFY2(text.contains(u"accepted"_s) && text.contains(u"not yet done"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Confirmed by telemetry"_s), qPrintable(text));
    QVERIFY(text.contains(u"bodyLockIsLocked = 1"_s));

    // Exactly one request to tesla-oracle, and it is the one the answer names.
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 1);
    const QJsonObject commands = simControl(m_sim, "GET", u"/commands"_s);
    QCOMPARE(commands[u"attempts"_s].toArray().size(), 1);
    const QJsonObject command = commands[u"commands"_s][0].toObject();
    QCOMPARE(command[u"command"_s].toString(), u"doors/lock"_s);
    QCOMPARE(command[u"tokenId"_s].toInt(), 24567);
    QVERIFY2(text.contains(u"commandId %1"_s.arg(command[u"id"_s].toString())), qPrintable(text));
    // Confirmed by the command's effect, not by an older sample.
    QVERIFY2(text.contains(u"Confirmed by telemetry at "_s + command[u"effectAt"_s].toString().left(19)),
             qPrintable(text + u" / effect at "_s + command[u"effectAt"_s].toString()));
    QVERIFY2(!s.notifications(u"notifications/progress"_s).isEmpty(), "no progress while watching telemetry");
    VERIFY_FINISH(s);
}

// The car is slow (effect after 60 s): the tool watches for 20 s, then says it is not confirmed
// yet, with the last value seen — never "done".
void TestToolsCommands::notConfirmedInTimeSaysSo()
{
    QCOMPARE(simControl(m_sim, "POST", u"/command-delay"_s, {{u"ms"_s, 60000}})[u"ms"_s].toInt(-1), 60000);
    ToolSession s;
    QVERIFY(startSession(s, u"never"_s));
    const int id = s.sendCall(u"unlock_doors"_s, {{u"tokenId"_s, 24567}}, u"unlock-1"_s);
    const QJsonObject r = s.waitForResult(id, 60000);
    const QString text = ToolSession::text(r);
    QVERIFY2(!ToolSession::isError(r), qPrintable(text + s.diagnostics()));
    QVERIFY2(text.contains(u"accepted by DIMO"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Not confirmed yet"_s) && text.contains(u"bodyLockIsLocked = 1"_s), qPrintable(text));
    QVERIFY(!text.contains(u"Confirmed by telemetry"_s));
    QVERIFY(s.notifications(u"notifications/progress"_s).size() >= 5);
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 1);
    VERIFY_FINISH(s);
}

void TestToolsCommands::refusedCommands()
{
    ToolSession s;
    QVERIFY(startSession(s, u"never"_s));
    // The F-150 is shared without the commands privilege: nothing is sent.
    QJsonObject r = s.call(u"unlock_doors"_s, {{u"tokenId"_s, 24566}});
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"commands privilege (2)"_s), qPrintable(ToolSession::text(r)));
    // Bob's BMW: not Alice's.
    r = s.call(u"lock_doors"_s, {{u"tokenId"_s, 24564}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"24564"_s), qPrintable(ToolSession::text(r)));
    r = s.call(u"lock_doors"_s, {{u"tokenId"_s, -5}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"tokenId"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 0);

    // The Model Y's subscription is inactive: DIMO's 403 as the error, never retried.
    r = s.call(u"unlock_doors"_s, {{u"tokenId"_s, 24555}});
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"403"_s) && ToolSession::text(r).contains(u"subscription is not active"_s),
             qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"teslaOracle"_s, u"/v1/commands"_s), 1);
    // With the user's wallet JWT, tesla-oracle's status route tells what it knows about the Tesla.
    QCOMPARE(m_sim.count(u"teslaOracle"_s, u"/v1/24555/status"_s, "GET"), 1);
    QVERIFY2(ToolSession::text(r).contains(u"DIMO's Tesla status for vehicle 24555: the Tesla connection itself is set "
                                           "up (telemetry_configured"_s),
             qPrintable(ToolSession::text(r)));
    const QJsonArray attempts = teslaAttempts();
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts[0][u"status"_s].toInt(), 403);
    QCOMPARE(attempts[0][u"command"_s].toString(), u"doors/unlock"_s);
    VERIFY_FINISH(s);
}

void TestToolsCommands::askWithElicitationDeclinedThenAccepted()
{
    ToolSession s;
    QVERIFY(startSession(s, u"ask"_s, true));
    // Declined: not sent.
    int id = s.sendCall(u"lock_doors"_s, {{u"tokenId"_s, 24567}});
    QJsonObject ask = s.waitForRequest(u"elicitation/create"_s);
    QVERIFY2(!ask.isEmpty(), qPrintable(s.diagnostics()));
    const QString message = ask[u"params"_s][u"message"_s].toString();
    QVERIFY2(message.contains(u"tst-host"_s) && message.contains(u"lock the doors"_s) && message.contains(u"24567"_s),
             qPrintable(message));
    QVERIFY(ask[u"params"_s][u"requestedSchema"_s][u"properties"_s][u"decision"_s].isObject());
    s.reply(ask[u"id"_s], {{u"action"_s, u"decline"_s}});
    QJsonObject r = s.waitForResult(id);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"not sent"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 0);

    // Accepted once: sent once, then confirmed.
    id = s.sendCall(u"lock_doors"_s, {{u"tokenId"_s, 24567}});
    ask = s.waitForRequest(u"elicitation/create"_s);
    QVERIFY2(!ask.isEmpty(), qPrintable(s.diagnostics()));
    s.reply(ask[u"id"_s], {{u"action"_s, u"accept"_s}, {u"content"_s, QJsonObject{{u"decision"_s, u"allow_once"_s}}}});
    r = s.waitForResult(id, 40000);
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QVERIFY2(ToolSession::text(r).contains(u"allowed once by the user"_s), qPrintable(ToolSession::text(r)));
    QVERIFY2(ToolSession::text(r).contains(u"Confirmed by telemetry"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 1);

    // "Allow once" is bound to that call: the next one asks again (cancelled here: not sent).
    id = s.sendCall(u"lock_doors"_s, {{u"tokenId"_s, 24567}});
    ask = s.waitForRequest(u"elicitation/create"_s);
    QVERIFY2(!ask.isEmpty(), "allow_once was replayed for a second call");
    s.reply(ask[u"id"_s], {{u"action"_s, u"cancel"_s}});
    r = s.waitForResult(id);
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"not sent"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 1);
    VERIFY_FINISH(s);
}

void TestToolsCommands::askWithoutElicitationIsRefused()
{
    ToolSession s;
    QVERIFY(startSession(s, u"ask"_s, false));
    const QJsonObject r = s.call(u"lock_doors"_s, {{u"tokenId"_s, 24567}});
    const QString text = ToolSession::text(r);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(text.contains(u"not sent"_s) && text.contains(u"elicitation"_s) && text.contains(u"Never ask"_s),
             qPrintable(text));
    QVERIFY2(!text.contains(u".."_s), qPrintable(text));
    QVERIFY(s.waitForRequest(u"elicitation/create"_s, 300).isEmpty()); // never asked a client that cannot answer
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 0);
    VERIFY_FINISH(s);
}

void TestToolsCommands::askUnlockAndTrunkOnly()
{
    ToolSession s;
    QVERIFY(startSession(s, u"unlock-and-trunk"_s, true));
    // Locking needs no approval under this policy.
    QJsonObject r = s.call(u"lock_doors"_s, {{u"tokenId"_s, 24567}}, 40000);
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 1);
    // Unlocking asks; denied through the form: not sent.
    const int id = s.sendCall(u"unlock_doors"_s, {{u"tokenId"_s, 24567}});
    const QJsonObject ask = s.waitForRequest(u"elicitation/create"_s);
    QVERIFY2(!ask.isEmpty(), qPrintable(s.diagnostics()));
    QVERIFY(ask[u"params"_s][u"message"_s].toString().contains(u"unlock the doors"_s));
    s.reply(ask[u"id"_s], {{u"action"_s, u"accept"_s}, {u"content"_s, QJsonObject{{u"decision"_s, u"deny"_s}}}});
    r = s.waitForResult(id);
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"denied"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"teslaOracle"_s), 1);
    VERIFY_FINISH(s);
}

// "Exactly one request, never retried": not after a 401, a 503, a 429 or a connection closed
// before the answer (the outcome is then unknown, and said so).
void TestToolsCommands::neverResentAfterAFailure()
{
    ToolSession s;
    QVERIFY(startSession(s, u"never"_s));
    const QList<QJsonObject> faults{
        {{u"status"_s, 401}, {u"body"_s, u"Invalid or expired JWT"_s}, {u"contentType"_s, u"text/plain"_s}},
        {{u"status"_s, 503}, {u"body"_s, QJsonObject{{u"code"_s, 503}, {u"message"_s, u"unavailable"_s}}}},
        {{u"retryAfter"_s, 1}},
        {{u"drop"_s, true}},
    };
    for (QJsonObject fault : faults) {
        QVERIFY(m_sim.clearFaults());
        fault.insert(u"service"_s, u"teslaOracle"_s);
        fault.insert(u"path"_s, u"/v1/commands/*"_s);
        QVERIFY(m_sim.fault(fault).value(u"_ok"_s).toBool());
        const int before = m_sim.count(u"teslaOracle"_s, u"/v1/commands"_s);
        const QJsonObject r = s.call(u"lock_doors"_s, {{u"tokenId"_s, 24567}});
        const QString what =
            QString::fromUtf8(QJsonDocument(fault).toJson(QJsonDocument::Compact)) + u": "_s + ToolSession::text(r);
        QVERIFY2(ToolSession::isError(r), qPrintable(what));
        if (fault.contains(u"drop"_s)) {
            QVERIFY2(ToolSession::text(r).contains(u"outcome is unknown"_s), qPrintable(what));
        }
        QCOMPARE(m_sim.count(u"teslaOracle"_s, u"/v1/commands"_s) - before, 1);
    }
    QVERIFY(m_sim.clearFaults());
    VERIFY_FINISH(s);
}

// Hole 8 of issue 15: only a refusal DIMO explains (4xx) means "not executed"; a 5xx or a 200
// that is not a receipt leaves the outcome unknown — never "try again later". Sent once each.
void TestToolsCommands::failuresSayWhatIsKnown()
{
    ToolSession s;
    QVERIFY(startSession(s, u"never"_s));
    const auto json = [](int code, const QString &message) {
        return QJsonObject{{u"code"_s, code}, {u"message"_s, message}};
    };

    struct Case
    {
        QJsonObject fault;
        bool unknown; // outcome unknown (else: refused, not executed)
        QString dimoSays;
    };

    const QList<Case> cases{
        {{{u"status"_s, 500}, {u"body"_s, json(500, u"Failed to submit command job"_s)}}, true, {}},
        {{{u"status"_s, 502},
          {u"body"_s, u"<html><body>502 Bad Gateway</body></html>"_s},
          {u"contentType"_s, u"text/html"_s}},
         true,
         {}},
        {{{u"status"_s, 503}, {u"body"_s, json(503, u"unavailable"_s)}}, true, {}},
        {{{u"malformed"_s, true}}, true, {}}, // a 200 whose JSON is cut off
        {{{u"status"_s, 200}, {u"body"_s, QJsonObject{{u"status"_s, u"pending"_s}}}}, true, {}}, // no commandId
        {{{u"status"_s, 400}, {u"body"_s, json(400, u"Failed to parse request body"_s)}},
         false,
         u"Failed to parse request body"_s},
        {{{u"status"_s, 403}, {u"body"_s, json(403, u"vehicle subscription is not active"_s)}},
         false,
         u"vehicle subscription is not active"_s},
        {{{u"status"_s, 401}, {u"body"_s, u"Invalid or expired JWT"_s}, {u"contentType"_s, u"text/plain"_s}},
         false,
         u"(401: Invalid or expired JWT)"_s},
    };
    for (const Case &c : cases) {
        QVERIFY(m_sim.clearFaults());
        QJsonObject fault = c.fault;
        fault.insert(u"service"_s, u"teslaOracle"_s);
        fault.insert(u"path"_s, u"/v1/commands/*"_s);
        QVERIFY(m_sim.fault(fault).value(u"_ok"_s).toBool());
        const int before = m_sim.count(u"teslaOracle"_s, u"/v1/commands"_s);
        const QJsonObject r = s.call(u"unlock_doors"_s, {{u"tokenId"_s, 24567}});
        const QString text = ToolSession::text(r);
        const QString what = QString::fromUtf8(QJsonDocument(c.fault).toJson(QJsonDocument::Compact)) + u": "_s + text;
        QVERIFY2(ToolSession::isError(r), qPrintable(what));
        QVERIFY2(!text.contains(u"try again"_s, Qt::CaseInsensitive), qPrintable(what));
        QVERIFY2(text.contains(u"\"doors/unlock\" for vehicle 24567"_s), qPrintable(what));
        if (c.unknown) {
            QVERIFY2(text.contains(u"the outcome is unknown"_s) && text.contains(u"DIMO may have queued the command"_s),
                     qPrintable(what));
            QVERIFY2(text.contains(u"Check the vehicle's state with telemetry_get_latest_signals before resending"_s),
                     qPrintable(what));
            QVERIFY2(!text.contains(u"not executed"_s), qPrintable(what));
        } else {
            QVERIFY2(text.contains(u"not executed"_s) && text.contains(c.dimoSays), qPrintable(what));
            QVERIFY2(!text.contains(u"unknown"_s), qPrintable(what));
        }
        QCOMPARE(m_sim.count(u"teslaOracle"_s, u"/v1/commands"_s) - before, 1);
    }
    QVERIFY(m_sim.clearFaults());
    QVERIFY(simControl(m_sim, "GET", u"/commands"_s)[u"commands"_s].toArray().isEmpty());
    VERIFY_FINISH(s);
}

// Issue 18 gap 1: tesla-oracle as deployed puts the /v1 group's wallet-JWT middleware in front of
// /v1/commands, so DIMO refuses every command with its own vehicle JWT. The product says what
// happened, on whose side, that nothing was executed — the same answer for the next call.
void TestToolsCommands::asDeployedTeslaOracleRefusesOnDimosSide()
{
    QCOMPARE(simControl(m_sim, "POST", u"/tesla-oracle"_s, {{u"mode"_s, u"as-deployed"_s}})[u"mode"_s].toString(),
             u"as-deployed"_s);
    ToolSession s;
    QVERIFY(startSession(s, u"never"_s));
    // The status route (wallet JWT) still answers: first "set up", then a Tesla-side reason.
    const QStringList why{
        u"DIMO's Tesla status for vehicle 24567: the Tesla connection itself is set up"_s,
        u"DIMO's virtual key is not paired: the owner must pair it in the Tesla app (open_tesla_deeplink"_s};
    for (int i = 0; i < 2; ++i) {
        if (i == 1) {
            QCOMPARE(simControl(m_sim,
                                "POST",
                                u"/tesla-status"_s,
                                {{u"tokenId"_s, 24567}, {u"action"_s, u"open_tesla_deeplink"_s}})[u"action"_s]
                         .toString(),
                     u"open_tesla_deeplink"_s);
        }
        const int before = m_sim.count(u"teslaOracle"_s, u"/v1/commands"_s);
        const QJsonObject r = s.call(u"lock_doors"_s, {{u"tokenId"_s, 24567}});
        const QString text = ToolSession::text(r);
        QVERIFY(ToolSession::isError(r));
        QVERIFY2(text.contains(u"\"doors/lock\" for vehicle 24567: DIMO's command service refused the vehicle "
                               "credentials (401: Invalid or expired JWT); this is on DIMO's side; the command was "
                               "not executed"_s),
                 qPrintable(text));
        QVERIFY2(!text.contains(u"try again"_s, Qt::CaseInsensitive) && !text.contains(u"unknown"_s), qPrintable(text));
        QVERIFY2(text.contains(why.at(i)), qPrintable(text));
        QCOMPARE(m_sim.count(u"teslaOracle"_s, u"/v1/commands"_s) - before, 1);
        QCOMPARE(m_sim.count(u"teslaOracle"_s, u"/v1/24567/status"_s, "GET"), i + 1);
    }
    QVERIFY(simControl(m_sim, "GET", u"/commands"_s)[u"commands"_s].toArray().isEmpty());
    VERIFY_FINISH(s);
}

void TestToolsCommands::contractOfEveryDocument()
{
    VERIFY_CONTRACT(m_fx, 3);
}

QTEST_GUILESS_MAIN(TestToolsCommands)
#include "tst_tools_commands.moc"
