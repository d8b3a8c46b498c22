// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/jobadapter.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace app::tools {

// When a vehicle command needs the user's approval (from the strictest to the loosest).
enum class ApprovalPolicy {
    AskEveryCommand, // default
    AskUnlockAndTrunk, // unlock_doors, open_trunk, open_frunk ask; lock and charging run at once
    NeverAsk,
};

ApprovalPolicy approvalPolicyFromString(const QString &text); // "ask" (default), "unlock-and-trunk", "never"
QString toString(ApprovalPolicy policy);
QList<ApprovalPolicy> approvalPolicies(); // every policy, the strictest first
// The policy as people see it, in the Settings dialog and in the tools' hints: "Never ask".
QString label(ApprovalPolicy policy);
// True when `a` asks for at least one command `b` does not ask for.
bool isStricter(ApprovalPolicy a, ApprovalPolicy b);

// The policy in force and where it comes from, in words ("settings", "DIMOTRAY_APPROVAL tightened
// settings' never").
struct EffectivePolicy
{
    ApprovalPolicy policy = ApprovalPolicy::AskEveryCommand;
    QString source = QStringLiteral("settings");

    QString describe() const { return toString(policy) + u" (" + source + u')'; } // "ask (settings)"
};

// The stored setting with $DIMOTRAY_APPROVAL (`environmentValue`, empty when unset) applied: the
// environment may only tighten the stored policy, never loosen it (a looser value is ignored and
// the source says so); a value that is not a policy counts as the strictest, "ask".
EffectivePolicy effectiveApprovalPolicy(const QString &stored, const QString &environmentValue);

struct ApprovalRequest
{
    QString clientName; // from `initialize`
    QString tool; // "unlock_doors"
    QString command; // "doors/unlock"
    QString commandTitle; // "Unlock the doors"
    qint64 tokenId = 0;
    QString vehicleName;
    quint64 sessionId = 0; // mcp::Responder::sessionId(); 0: unknown (no session grant applies)
};

// How far an "always" answer reaches. Both expire (ApprovalGate::GrantLifetimeSecs) and end with
// sign-out, another user, a new license and any tightening of the policy.
enum class GrantScope {
    Session, // this vehicle and command, for the AI client session that asked only
    AnyClient, // this vehicle and command, for every AI client
};

enum class ApprovalAnswer { AllowOnce, AllowAlways, Deny, TimedOut, Unavailable };

struct ApprovalDecision
{
    ApprovalAnswer answer = ApprovalAnswer::Deny;
    QString note; // why, for the tool's answer ("denied by the user", "no way to ask the user")
    GrantScope scope = GrantScope::Session; // with AllowAlways: what the user chose

    bool allowed() const { return answer == ApprovalAnswer::AllowOnce || answer == ApprovalAnswer::AllowAlways; }
};

using ApprovalCallback = std::function<void(const ApprovalDecision &decision)>;

// The decision notes every Approver answers with (a tool's answer quotes them), written once.
namespace approvalnote {
QString allowedOnce(); // "allowed once by the user"
QString allowedAlways(GrantScope scope, int hours); // "... for this AI client session (this vehicle and command, 8 h)"
QString denied(); // "the user denied the command, so it was not sent"
// "nobody answered the approval <where> within <seconds> s, so the command was not sent"
QString timedOut(const QString &where, int seconds);
} // namespace approvalnote

// Asks the user. `done` is called exactly once, unless the tool call is cancelled first (then
// never). The tray implements this with a dialog; headless uses MCP elicitation.
class Approver
{
public:
    virtual ~Approver() = default;
    virtual void ask(const ApprovalRequest &request, SharedResponder responder, ApprovalCallback done) = 0;

    // True only when the answer comes from the user through DIMO Tray's own UI, which no AI
    // client can drive. An AllowAlways answer of any other approver counts as AllowOnce.
    virtual bool answersOnlyFromUser() const { return false; }
};

// Headless: asks through the MCP client's elicitation (form mode) when the client declared it;
// otherwise denies, saying how to allow commands. Unanswered within the timeout: denied. The
// form offers Allow once and Deny only: an AI client can answer an elicitation itself, so its
// answer never approves more than the one call that asked (an "always" answer counts as once).
class ElicitationApprover : public Approver
{
public:
    explicit ElicitationApprover(int timeoutMs = 60000)
        : m_timeoutMs(timeoutMs)
    {}

    void ask(const ApprovalRequest &request, SharedResponder responder, ApprovalCallback done) override;

private:
    int m_timeoutMs;
};

// A remembered "always" answer from the tray's dialog.
struct ApprovalGrant
{
    quint64 id = 0;
    qint64 tokenId = 0;
    QString command; // "doors/unlock"
    QString commandTitle;
    QString vehicleName;
    GrantScope scope = GrantScope::Session;
    quint64 sessionId = 0; // the session that asked (the only one it covers with GrantScope::Session)
    QString clientName;
    QDateTime grantedAt;
    QDateTime expiresAt;

    // "Unlock the doors on Model 3 (vehicle 7) — Claude's session only, until 2026-12-05 17:05 UTC"
    QString describe() const;
};

// The policy, the remembered grants, and the Approver. Each request is bound to one tool call:
// an allow-once decision is handed to that call's callback and nothing else; it cannot be
// replayed. Only an "always" answer from an Approver with answersOnlyFromUser() becomes a grant,
// scoped as the user chose, for GrantLifetimeSecs at most.
class ApprovalGate : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 GrantLifetimeSecs = 8 * 3600;

    explicit ApprovalGate(QObject *parent = nullptr);

    // A policy stricter than the current one drops every grant.
    void setPolicy(ApprovalPolicy policy, const QString &source = QStringLiteral("settings"));

    void setPolicy(const EffectivePolicy &effective) { setPolicy(effective.policy, effective.source); }

    ApprovalPolicy policy() const { return m_policy.policy; }

    const EffectivePolicy &effectivePolicy() const { return m_policy; }

    void setApprover(Approver *approver) { m_approver = approver; }

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // The live grants (expired ones are dropped first).
    QList<ApprovalGrant> grants();
    bool revoke(quint64 grantId);
    void revokeAll(); // sign-out, another user, a new license
    void forgetSession(quint64 sessionId); // the AI client's session ended

    bool needsApproval(const QString &command) const;
    void request(const ApprovalRequest &request, SharedResponder responder, const ApprovalCallback &done);

Q_SIGNALS:
    void grantsChanged();
    void policyChanged(const app::tools::EffectivePolicy &policy);

private:
    QDateTime now() const;
    void dropExpired();
    const ApprovalGrant *matching(const ApprovalRequest &request) const;
    void remember(const ApprovalRequest &request, GrantScope scope);

    EffectivePolicy m_policy;
    Approver *m_approver = nullptr;
    std::function<QDateTime()> m_clock;
    QList<ApprovalGrant> m_grants;
    quint64 m_lastGrantId = 0;
    quint64 m_generation = 0; // counts revokeAll()
};

} // namespace app::tools
