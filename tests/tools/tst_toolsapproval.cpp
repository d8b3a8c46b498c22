// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Command approval (policies, "always" memory, no approver) with a fake approver, and the
// headless login callback listener on loopback (escaping, 404, 405, 503, busy port, reuse).

#include "app/tools/approval.h"
#include "app/tools/loginlistener.h"
#include "tests/tools/approvalharness.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace app::tools;

namespace {

using approvalharness::decide;
using approvalharness::ScriptedApprover;

ApprovalRequest commandRequest(const QString &command, qint64 tokenId = 7)
{
    ApprovalRequest r;
    r.clientName = u"Claude Desktop"_s;
    r.tool = u"some_tool"_s;
    r.command = command;
    r.commandTitle = u"Do it"_s;
    r.tokenId = tokenId;
    r.vehicleName = u"Model 3"_s;
    return r;
}

// One HTTP exchange with the listener: the whole response, up to the listener closing it.
QByteArray exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000)) {
        return "connect failed: " + socket.errorString().toUtf8();
    }
    socket.write(request);
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < 5000) {
        QTest::qWait(10);
        response += socket.readAll();
    }
    return response + socket.readAll();
}

const QUrl Redirect(u"http://localhost:3333/callback"_s);
const QStringList AllCommands{
    u"doors/lock"_s, u"doors/unlock"_s, u"charge/start"_s, u"charge/stop"_s, u"trunk/open"_s, u"frunk/open"_s};

} // namespace

class TstToolsApproval : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void policyFromString()
    {
        QCOMPARE(int(approvalPolicyFromString(u"ask"_s)), int(ApprovalPolicy::AskEveryCommand));
        QCOMPARE(int(approvalPolicyFromString(QString())), int(ApprovalPolicy::AskEveryCommand));
        QCOMPARE(int(approvalPolicyFromString(u"nonsense"_s)), int(ApprovalPolicy::AskEveryCommand));
        QCOMPARE(int(approvalPolicyFromString(u" Unlock-And-Trunk "_s)), int(ApprovalPolicy::AskUnlockAndTrunk));
        QCOMPARE(int(approvalPolicyFromString(u"NEVER"_s)), int(ApprovalPolicy::NeverAsk));
        for (ApprovalPolicy p :
             {ApprovalPolicy::AskEveryCommand, ApprovalPolicy::AskUnlockAndTrunk, ApprovalPolicy::NeverAsk}) {
            QCOMPARE(int(approvalPolicyFromString(toString(p))), int(p));
        }
    }

    void needsApproval()
    {
        ApprovalGate gate;
        QCOMPARE(int(gate.policy()), int(ApprovalPolicy::AskEveryCommand)); // the default asks
        for (const QString &c : AllCommands) {
            QVERIFY2(gate.needsApproval(c), qPrintable(c));
        }
        gate.setPolicy(ApprovalPolicy::AskUnlockAndTrunk);
        QStringList asked;
        for (const QString &c : AllCommands) {
            if (gate.needsApproval(c)) {
                asked << c;
            }
        }
        QCOMPARE(asked, QStringList({u"doors/unlock"_s, u"trunk/open"_s, u"frunk/open"_s}));
        gate.setPolicy(ApprovalPolicy::NeverAsk);
        for (const QString &c : AllCommands) {
            QVERIFY2(!gate.needsApproval(c), qPrintable(c));
        }
    }

    void noApprover()
    {
        ApprovalGate gate;
        const ApprovalDecision d = decide(gate, commandRequest(u"doors/lock"_s));
        QCOMPARE(int(d.answer), int(ApprovalAnswer::Unavailable));
        QVERIFY(!d.allowed());
        QVERIFY(d.note.contains(u"not sent"_s));
    }

    void noApprovalNeeded()
    {
        ApprovalGate gate;
        ScriptedApprover approver;
        gate.setApprover(&approver);
        gate.setPolicy(ApprovalPolicy::AskUnlockAndTrunk);
        const ApprovalDecision lock = decide(gate, commandRequest(u"doors/lock"_s));
        QVERIFY(lock.allowed());
        QVERIFY(lock.note.contains(u"policy: unlock-and-trunk"_s));
        QVERIFY(approver.requests.isEmpty());

        gate.setPolicy(ApprovalPolicy::NeverAsk);
        gate.setApprover(nullptr); // no approver needed either
        QVERIFY(decide(gate, commandRequest(u"doors/unlock"_s)).allowed());
    }

    void askedWithTheRequest()
    {
        ApprovalGate gate;
        ScriptedApprover approver;
        gate.setApprover(&approver);
        approver.answers = {ApprovalAnswer::AllowOnce, ApprovalAnswer::Deny, ApprovalAnswer::TimedOut};
        QVERIFY(decide(gate, commandRequest(u"doors/unlock"_s)).allowed());
        QCOMPARE(approver.requests.size(), 1);
        const ApprovalRequest &seen = approver.requests.first();
        QCOMPARE(seen.clientName, u"Claude Desktop"_s);
        QCOMPARE(seen.command, u"doors/unlock"_s);
        QCOMPARE(seen.tokenId, 7);
        QCOMPARE(seen.vehicleName, u"Model 3"_s);

        // "Once" is once: the next call asks again, and a denial or timeout is not allowed.
        const ApprovalDecision denied = decide(gate, commandRequest(u"doors/unlock"_s));
        QCOMPARE(int(denied.answer), int(ApprovalAnswer::Deny));
        QVERIFY(!denied.allowed());
        QVERIFY(!decide(gate, commandRequest(u"doors/unlock"_s)).allowed());
        QCOMPARE(approver.requests.size(), 3);
    }

    void alwaysPerVehicleAndCommand()
    {
        ApprovalGate gate;
        ScriptedApprover approver;
        gate.setApprover(&approver);
        approver.answers = {ApprovalAnswer::AllowAlways};
        QVERIFY(decide(gate, commandRequest(u"trunk/open"_s, 7)).allowed());
        QCOMPARE(approver.requests.size(), 1);

        const ApprovalDecision again = decide(gate, commandRequest(u"trunk/open"_s, 7));
        QCOMPARE(int(again.answer), int(ApprovalAnswer::AllowAlways));
        QVERIFY(again.note.contains(u"allowed earlier"_s));
        QCOMPARE(approver.requests.size(), 1); // not asked again

        // Another command on the same vehicle, or the same command on another vehicle, asks (and is denied).
        QVERIFY(!decide(gate, commandRequest(u"frunk/open"_s, 7)).allowed());
        QVERIFY(!decide(gate, commandRequest(u"trunk/open"_s, 8)).allowed());
        QCOMPARE(approver.requests.size(), 3);

        gate.revokeAll();
        QVERIFY(!decide(gate, commandRequest(u"trunk/open"_s, 7)).allowed());
        QCOMPARE(approver.requests.size(), 4);
    }

    void deniedAlwaysIsNotRemembered()
    {
        ApprovalGate gate;
        ScriptedApprover approver;
        gate.setApprover(&approver);
        approver.answers = {ApprovalAnswer::Deny, ApprovalAnswer::AllowOnce};
        QVERIFY(!decide(gate, commandRequest(u"charge/start"_s)).allowed());
        QVERIFY(decide(gate, commandRequest(u"charge/start"_s)).allowed());
        QCOMPARE(approver.requests.size(), 2);
    }

    void elicitationWithoutClientSupport()
    {
        // A responder without a session (or a client without `elicitation`) cannot ask: Unavailable,
        // with the way to allow commands.
        ApprovalGate gate;
        ElicitationApprover approver;
        gate.setApprover(&approver);
        ApprovalDecision decision;
        bool called = false;
        gate.request(commandRequest(u"doors/unlock"_s), share(mcp::Responder()), [&](const ApprovalDecision &d) {
            decision = d;
            called = true;
        });
        QVERIFY(called);
        QCOMPARE(int(decision.answer), int(ApprovalAnswer::Unavailable));
        QVERIFY2(decision.note.contains(u"Never ask"_s), qPrintable(decision.note));
        QVERIFY(decision.note.contains(u"was not sent"_s));
    }

    void escapeHtml()
    {
        QCOMPARE(LoginListener::escapeHtml(u"<script>alert(\"x\")&</script>"_s),
                 u"&lt;script&gt;alert(&quot;x&quot;)&amp;&lt;/script&gt;"_s);
        QCOMPARE(LoginListener::escapeHtml(u"plain text"_s), u"plain text"_s);
    }

    void listenerRoutes()
    {
        LoginListener listener;
        QVERIFY(!listener.isListening());
        QCOMPARE(listener.port(), 0);
        const dimo::Status status = listener.listen(0, Redirect, nullptr);
        QVERIFY2(status.ok(), qPrintable(status ? QString() : status.error().message));
        QVERIFY(listener.isListening());
        const quint16 port = listener.port();
        QVERIFY(port != 0);

        const QByteArray notFound = exchange(port, "GET /favicon.ico HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY2(notFound.startsWith("HTTP/1.1 404 "), notFound.constData());
        QVERIFY(notFound.contains("Content-Type: text/html; charset=utf-8"));
        QVERIFY(notFound.contains("<h1>Not found</h1>"));

        const QByteArray post = exchange(port, "POST /callback HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY2(post.startsWith("HTTP/1.1 405 "), post.constData());

        // The right path, but no DIMO client (no license): 503, and nothing is signed in.
        QSignalSpy finished(&listener, &LoginListener::loginFinished);
        const QByteArray noClient =
            exchange(port, "GET /callback?code=abc&state=%3Cb%3E HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY2(noClient.startsWith("HTTP/1.1 503 "), noClient.constData());
        QVERIFY(noClient.contains("no developer license"));
        QCOMPARE(finished.size(), 0);

        const QByteArray huge = exchange(port, "GET /" + QByteArray(20 * 1024, 'a'));
        QVERIFY2(huge.startsWith("HTTP/1.1 431 "), huge.left(100).constData());
    }

    void listenerReuse()
    {
        LoginListener listener;
        QVERIFY(listener.listen(0, Redirect, nullptr).ok());
        const quint16 port = listener.port();
        QVERIFY(listener.listen(port, Redirect, nullptr).ok()); // the same port again: reused
        QCOMPARE(listener.port(), port);
        QVERIFY(listener.listen(0, Redirect, nullptr).ok()); // any port: the running one
        QCOMPARE(listener.port(), port);
        QVERIFY(exchange(port, "GET /x HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404 "));
    }

    void listenerBusyPort()
    {
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        LoginListener listener;
        const dimo::Status status = listener.listen(other.serverPort(), Redirect, nullptr);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY2(status.error().message.contains(u"127.0.0.1:%1"_s.arg(other.serverPort())),
                 qPrintable(status.error().message));
        QVERIFY(status.error().hint.contains(u"init_oauth"_s));
        QVERIFY(!listener.isListening());
        QCOMPARE(listener.port(), 0);
    }

    void listenerBusyPortKeepsTheRunningOne()
    {
        LoginListener listener;
        QVERIFY(listener.listen(0, Redirect, nullptr).ok());
        const quint16 port = listener.port();
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        QVERIFY(!listener.listen(other.serverPort(), QUrl(u"http://localhost:1/other"_s), nullptr).ok());
        QVERIFY(listener.isListening());
        QCOMPARE(listener.port(), port);
        // Still the first redirect's path.
        QVERIFY(exchange(port, "GET /callback HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 503 "));

        // A free other port replaces the listener.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 freePort = probe.serverPort();
        probe.close();
        QVERIFY(listener.listen(freePort, Redirect, nullptr).ok());
        QCOMPARE(listener.port(), freePort);
        QVERIFY(exchange(freePort, "GET /nothing HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404 "));
        QVERIFY(exchange(port, "GET /nothing HTTP/1.1\r\n\r\n").startsWith("connect failed"));
    }
};

QTEST_GUILESS_MAIN(TstToolsApproval)
#include "tst_toolsapproval.moc"
