// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Remembered approvals (issue 15, hole 2) and the policy from the environment (hole 3): only the
// tray's own dialog can grant "always"; a grant is scoped to the AI client session or to any
// client as the user chose, expires after 8 hours, and ends at sign-out, with another user, with
// a new license and when the policy gets stricter. $DIMOTRAY_APPROVAL only tightens.

#include "app/tools/approval.h"
#include "app/tools/backend.h"
#include "tests/tools/approvalharness.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace app::tools;

namespace {

using approvalharness::decide;
using approvalharness::ScriptedApprover;

ApprovalRequest unlock(quint64 session, qint64 tokenId = 7)
{
    ApprovalRequest r;
    r.clientName = session == 1 ? u"Client A"_s : u"Client B"_s;
    r.tool = u"unlock_doors"_s;
    r.command = u"doors/unlock"_s;
    r.commandTitle = u"Unlock the doors"_s;
    r.tokenId = tokenId;
    r.vehicleName = u"Model 3"_s;
    r.sessionId = session;
    return r;
}

const QDateTime Start = QDateTime::fromString(u"2026-12-05T08:00:00Z"_s, Qt::ISODate);

} // namespace

class TstApprovalGrants : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void alwaysFromAnAiClientIsOnce()
    {
        // An approver an AI client could answer (elicitation) never grants more than its call.
        ApprovalGate gate;
        ScriptedApprover approver{ApprovalAnswer::AllowAlways, GrantScope::AnyClient};
        approver.fromUser = false;
        gate.setApprover(&approver);
        const ApprovalDecision first = decide(gate, unlock(1));
        QVERIFY(first.allowed());
        QCOMPARE(int(first.answer), int(ApprovalAnswer::AllowOnce));
        QVERIFY(gate.grants().isEmpty());
        approver.otherwise = ApprovalAnswer::Deny;
        QVERIFY(!decide(gate, unlock(1)).allowed()); // the same session asks again
        QVERIFY(!decide(gate, unlock(2)).allowed()); // and so does another
        QCOMPARE(approver.requests.size(), 3);
    }

    void sessionScope()
    {
        ApprovalGate gate;
        ScriptedApprover approver{ApprovalAnswer::AllowAlways, GrantScope::Session};
        gate.setApprover(&approver);
        QSignalSpy changed(&gate, &ApprovalGate::grantsChanged);
        QVERIFY(decide(gate, unlock(1)).allowed());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(gate.grants().size(), 1);
        QCOMPARE(int(gate.grants().first().scope), int(GrantScope::Session));

        approver.otherwise = ApprovalAnswer::Deny;
        const ApprovalDecision again = decide(gate, unlock(1));
        QVERIFY(again.allowed()); // the same session: not asked
        QVERIFY2(again.note.contains(u"for this AI client session"_s), qPrintable(again.note));
        QCOMPARE(approver.requests.size(), 1);
        QVERIFY(!decide(gate, unlock(2)).allowed()); // another session: asked (denied here)
        QVERIFY(!decide(gate, unlock(1, 8)).allowed()); // another vehicle: asked
        QVERIFY(!decide(gate, unlock(0)).allowed()); // no session known: asked
        QCOMPARE(approver.requests.size(), 4);

        gate.forgetSession(1); // the client disconnected
        QVERIFY(gate.grants().isEmpty());
        QVERIFY(!decide(gate, unlock(1)).allowed());
    }

    void anyClientScope()
    {
        ApprovalGate gate;
        ScriptedApprover approver{ApprovalAnswer::AllowAlways, GrantScope::AnyClient};
        gate.setApprover(&approver);
        QVERIFY(decide(gate, unlock(1)).allowed());
        approver.otherwise = ApprovalAnswer::Deny;
        QVERIFY(decide(gate, unlock(2)).allowed()); // another client: not asked
        QVERIFY(decide(gate, unlock(0)).allowed());
        QCOMPARE(approver.requests.size(), 1);
        QVERIFY(gate.grants().first().describe().contains(u"any AI client"_s));
        gate.forgetSession(1); // not tied to the session that asked
        QCOMPARE(gate.grants().size(), 1);
    }

    void grantsExpire()
    {
        ApprovalGate gate;
        QDateTime now = Start;
        gate.setClock([&now] {
            return now;
        });
        ScriptedApprover approver{ApprovalAnswer::AllowAlways, GrantScope::AnyClient};
        gate.setApprover(&approver);
        QVERIFY(decide(gate, unlock(1)).allowed());
        const ApprovalGrant grant = gate.grants().first();
        QCOMPARE(grant.grantedAt, Start);
        QCOMPARE(grant.expiresAt, Start.addSecs(8 * 3600));
        QVERIFY2(grant.describe().contains(u"until 2026-12-05 16:00 UTC"_s), qPrintable(grant.describe()));

        approver.otherwise = ApprovalAnswer::Deny;
        now = Start.addSecs(8 * 3600 - 1);
        QVERIFY(decide(gate, unlock(2)).allowed());
        now = Start.addSecs(8 * 3600);
        QVERIFY(!decide(gate, unlock(2)).allowed()); // expired: asked again
        QVERIFY(gate.grants().isEmpty());
        QCOMPARE(approver.requests.size(), 2);
    }

    void tighteningClearsLooseningKeeps()
    {
        ApprovalGate gate;
        ScriptedApprover approver{ApprovalAnswer::AllowAlways, GrantScope::AnyClient};
        gate.setApprover(&approver);
        QVERIFY(decide(gate, unlock(1)).allowed());
        QSignalSpy policy(&gate, &ApprovalGate::policyChanged);
        gate.setPolicy(ApprovalPolicy::AskEveryCommand, u"settings"_s); // the same: kept
        QCOMPARE(gate.grants().size(), 1);
        QCOMPARE(policy.size(), 0);
        gate.setPolicy(ApprovalPolicy::NeverAsk); // looser: kept
        QCOMPARE(gate.grants().size(), 1);
        gate.setPolicy(ApprovalPolicy::AskUnlockAndTrunk); // stricter than never: cleared
        QVERIFY(gate.grants().isEmpty());
        QCOMPARE(policy.size(), 2);
        approver.otherwise = ApprovalAnswer::Deny;
        QVERIFY(!decide(gate, unlock(1)).allowed());

        approver.otherwise = ApprovalAnswer::AllowAlways;
        QVERIFY(decide(gate, unlock(1)).allowed());
        gate.setPolicy(ApprovalPolicy::AskEveryCommand, u"DIMOTRAY_APPROVAL tightened settings' unlock-and-trunk"_s);
        QVERIFY(gate.grants().isEmpty());
        QCOMPARE(gate.effectivePolicy().describe(), u"ask (DIMOTRAY_APPROVAL tightened settings' unlock-and-trunk)"_s);
    }

    void revokeOneOrAll()
    {
        ApprovalGate gate;
        ScriptedApprover approver{ApprovalAnswer::AllowAlways, GrantScope::Session};
        gate.setApprover(&approver);
        QVERIFY(decide(gate, unlock(1, 7)).allowed());
        QVERIFY(decide(gate, unlock(1, 8)).allowed());
        const QList<ApprovalGrant> grants = gate.grants();
        QCOMPARE(grants.size(), 2);
        QVERIFY(gate.revoke(grants.first().id));
        QVERIFY(!gate.revoke(grants.first().id));
        QCOMPARE(gate.grants().size(), 1);
        QCOMPARE(gate.grants().first().tokenId, 8);
        gate.revokeAll();
        QVERIFY(gate.grants().isEmpty());
    }

    void revokedWhileTheDialogIsOpen()
    {
        // Sign-out while the dialog is still open: its "always" approves that call only.
        class LateApprover : public Approver
        {
        public:
            void ask(const ApprovalRequest &, SharedResponder, ApprovalCallback done) override { pending = done; }

            bool answersOnlyFromUser() const override { return true; }

            ApprovalCallback pending;
        } approver;

        ApprovalGate gate;
        gate.setApprover(&approver);
        ApprovalDecision decision;
        gate.request(unlock(1), nullptr, [&](const ApprovalDecision &d) {
            decision = d;
        });
        gate.revokeAll();
        approver.pending({ApprovalAnswer::AllowAlways, u"late"_s, GrantScope::AnyClient});
        QVERIFY(decision.allowed());
        QVERIFY(gate.grants().isEmpty());
    }

    void signOutAndAnotherUserClear()
    {
        QNetworkAccessManager nam;
        Backend backend(&nam,
                        dimo::Environment::production(),
                        std::make_unique<FixedCredentialSource>(
                            dimo::Credentials{u"0x84a0F7845E012c833d255577F233284B46533543"_s,
                                              u"https://example.com/callback"_s,
                                              u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s},
                            false,
                            u"test"_s));
        ScriptedApprover approver{ApprovalAnswer::AllowAlways, GrantScope::AnyClient};
        backend.approvals().setApprover(&approver);
        const auto client = backend.client();
        QVERIFY(client);
        dimo::Client *c = client.value();
        auto grantOne = [&backend] {
            QVERIFY(decide(backend.approvals(), unlock(1)).allowed());
            QCOMPARE(backend.approvals().grants().size(), 1);
        };
        Q_EMIT c->sessionStateChanged(dimo::Client::SessionState::SignedIn, u"0xAAA"_s);
        grantOne();
        Q_EMIT c->sessionStateChanged(dimo::Client::SessionState::SigningIn, u"0xAAA"_s);
        Q_EMIT c->sessionStateChanged(dimo::Client::SessionState::SignedIn, u"0xaaa"_s); // the same user again
        QCOMPARE(backend.approvals().grants().size(), 1);
        Q_EMIT c->sessionStateChanged(dimo::Client::SessionState::SignedIn, u"0xBBB"_s); // another user
        QVERIFY(backend.approvals().grants().isEmpty());
        grantOne();
        c->signOut(); // the real sign-out
        QVERIFY(backend.approvals().grants().isEmpty());
        grantOne();
        backend.setCredentialSource(std::make_unique<FixedCredentialSource>(dimo::Credentials{}, false, u"x"_s));
        QVERIFY(backend.approvals().grants().isEmpty()); // a new license
    }

    void backendClockDrivesExpiry()
    {
        QNetworkAccessManager nam;
        Backend backend(&nam, dimo::Environment::production(), std::make_unique<EnvironmentCredentialSource>());
        qint64 seconds = Start.toSecsSinceEpoch();
        backend.setClock([&seconds] {
            return seconds;
        });
        ScriptedApprover approver{ApprovalAnswer::AllowAlways, GrantScope::AnyClient};
        backend.approvals().setApprover(&approver);
        QVERIFY(decide(backend.approvals(), unlock(1)).allowed());
        QCOMPARE(backend.approvals().grants().first().expiresAt, Start.addSecs(8 * 3600));
        seconds += 9 * 3600;
        QVERIFY(backend.approvals().grants().isEmpty());
    }

    void environmentOnlyTightens_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("expected");
        QTest::newRow("settings only") << u"never"_s << QString() << u"never (settings)"_s;
        QTest::newRow("blank env") << u"unlock-and-trunk"_s << u"  "_s << u"unlock-and-trunk (settings)"_s;
        QTest::newRow("ask + never")
            << u"ask"_s << u"never"_s
            << u"ask (settings; DIMOTRAY_APPROVAL=never ignored: the environment may only tighten the policy)"_s;
        QTest::newRow("never + ask") << u"never"_s << u"ask"_s
                                     << u"ask (DIMOTRAY_APPROVAL tightened settings' never)"_s;
        QTest::newRow("never + unlock-and-trunk")
            << u"never"_s << u"Unlock-And-Trunk"_s
            << u"unlock-and-trunk (DIMOTRAY_APPROVAL tightened settings' never)"_s;
        QTest::newRow("unlock-and-trunk + never")
            << u"unlock-and-trunk"_s << u"never"_s
            << u"unlock-and-trunk (settings; DIMOTRAY_APPROVAL=never ignored: the environment may only tighten the "
               "policy)"_s;
        QTest::newRow("same") << u"ask"_s << u"ask"_s << u"ask (settings; DIMOTRAY_APPROVAL agrees)"_s;
        QTest::newRow("not a policy") << u"never"_s << u"nevr"_s
                                      << u"ask (DIMOTRAY_APPROVAL=\"nevr\" is not ask, unlock-and-trunk or never, so "
                                         "the strictest applies; settings say never)"_s;
    }

    void environmentOnlyTightens()
    {
        QFETCH(QString, stored);
        QFETCH(QString, env);
        QFETCH(QString, expected);
        QCOMPARE(effectiveApprovalPolicy(stored, env).describe(), expected);
    }

    // The notes every approver answers with are written once; the timeout names the real wait.
    void decisionNotes()
    {
        QCOMPARE(approvalnote::allowedOnce(), u"allowed once by the user"_s);
        QCOMPARE(approvalnote::denied(), u"the user denied the command, so it was not sent"_s);
        QCOMPARE(approvalnote::allowedAlways(GrantScope::Session, 8),
                 u"allowed by the user for this AI client session (this vehicle and command, 8 h)"_s);
        QCOMPARE(approvalnote::allowedAlways(GrantScope::AnyClient, 8),
                 u"allowed by the user for any AI client (this vehicle and command, 8 h)"_s);
        QCOMPARE(approvalnote::timedOut(u"request"_s, 5),
                 u"nobody answered the approval request within 5 s, so the command was not sent"_s);
    }

    void strictness()
    {
        QVERIFY(isStricter(ApprovalPolicy::AskEveryCommand, ApprovalPolicy::AskUnlockAndTrunk));
        QVERIFY(isStricter(ApprovalPolicy::AskUnlockAndTrunk, ApprovalPolicy::NeverAsk));
        QVERIFY(!isStricter(ApprovalPolicy::NeverAsk, ApprovalPolicy::AskEveryCommand));
        QVERIFY(!isStricter(ApprovalPolicy::AskEveryCommand, ApprovalPolicy::AskEveryCommand));
    }
};

QTEST_GUILESS_MAIN(TstApprovalGrants)
#include "tst_approvalgrants.moc"
