// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/jobadapter.h"

#include <QSet>
#include <QString>

#include <functional>

namespace app::tools {

// When a vehicle command needs the user's approval.
enum class ApprovalPolicy {
    AskEveryCommand, // default
    AskUnlockAndTrunk, // unlock_doors, open_trunk, open_frunk ask; lock and charging run at once
    NeverAsk,
};

ApprovalPolicy approvalPolicyFromString(const QString &text); // "ask" (default), "unlock-and-trunk", "never"
QString toString(ApprovalPolicy policy);

struct ApprovalRequest
{
    QString clientName; // from `initialize`
    QString tool; // "unlock_doors"
    QString command; // "doors/unlock"
    QString commandTitle; // "Unlock the doors"
    qint64 tokenId = 0;
    QString vehicleName;
};

enum class ApprovalAnswer { AllowOnce, AllowAlways, Deny, TimedOut, Unavailable };

struct ApprovalDecision
{
    ApprovalAnswer answer = ApprovalAnswer::Deny;
    QString note; // why, for the tool's answer ("denied by the user", "no way to ask the user")

    bool allowed() const { return answer == ApprovalAnswer::AllowOnce || answer == ApprovalAnswer::AllowAlways; }
};

using ApprovalCallback = std::function<void(const ApprovalDecision &decision)>;

// Asks the user. `done` is called exactly once, unless the tool call is cancelled first (then
// never). The tray implements this with a dialog; headless uses MCP elicitation.
class Approver
{
public:
    virtual ~Approver() = default;
    virtual void ask(const ApprovalRequest &request, SharedResponder responder, ApprovalCallback done) = 0;
};

// Headless: asks through the MCP client's elicitation (form mode) when the client declared it;
// otherwise denies, saying how to allow commands. Unanswered within the timeout: denied.
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

// The policy, the "always for this vehicle and command" memory, and the Approver. Each request
// is bound to one tool call: an allow-once decision is handed to that call's callback and
// nothing else; it cannot be replayed.
class ApprovalGate
{
public:
    void setPolicy(ApprovalPolicy policy) { m_policy = policy; }

    ApprovalPolicy policy() const { return m_policy; }

    void setApprover(Approver *approver) { m_approver = approver; }

    void forgetAlways() { m_always.clear(); }

    bool needsApproval(const QString &command) const;
    void request(const ApprovalRequest &request, SharedResponder responder, const ApprovalCallback &done);

private:
    ApprovalPolicy m_policy = ApprovalPolicy::AskEveryCommand;
    Approver *m_approver = nullptr;
    QSet<QString> m_always; // "tokenId/command"
};

} // namespace app::tools
