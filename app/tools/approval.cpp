// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/approval.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace app::tools {

ApprovalPolicy approvalPolicyFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"never"_s) {
        return ApprovalPolicy::NeverAsk;
    }
    if (t == u"unlock-and-trunk"_s) {
        return ApprovalPolicy::AskUnlockAndTrunk;
    }
    return ApprovalPolicy::AskEveryCommand;
}

QString toString(ApprovalPolicy policy)
{
    switch (policy) {
    case ApprovalPolicy::AskEveryCommand:
        return u"ask"_s;
    case ApprovalPolicy::AskUnlockAndTrunk:
        return u"unlock-and-trunk"_s;
    case ApprovalPolicy::NeverAsk:
        return u"never"_s;
    }
    return u"ask"_s;
}

void ElicitationApprover::ask(const ApprovalRequest &request, SharedResponder responder, ApprovalCallback done)
{
    if (!responder->clientSupports(u"elicitation"_s)) {
        done(
            {ApprovalAnswer::Unavailable,
             u"this MCP client cannot ask the user (it does not support elicitation), and DIMO Tray runs without its "
             "tray window, so the command was not sent. To allow commands: run DIMO Tray with its tray icon (it then "
             "shows an approval dialog), or set the command approval policy to \"never\" (DIMOTRAY_APPROVAL=never)."_s});
        return;
    }
    const QString message = u"%1 asks to %2 on %3 (vehicle %4). Allow it?"_s
                                .arg(request.clientName.isEmpty() ? u"An AI client"_s : request.clientName,
                                     request.commandTitle.toLower(),
                                     request.vehicleName.isEmpty() ? u"a vehicle"_s : request.vehicleName)
                                .arg(request.tokenId);
    const QJsonObject schema{
        {u"type"_s, u"object"_s},
        {u"properties"_s,
         QJsonObject{
             {u"decision"_s,
              QJsonObject{{u"type"_s, u"string"_s},
                          {u"title"_s, u"Decision"_s},
                          {u"enum"_s, QJsonArray{u"allow_once"_s, u"always"_s, u"deny"_s}},
                          {u"enumNames"_s,
                           QJsonArray{u"Allow once"_s, u"Always for this vehicle and command"_s, u"Deny"_s}}}}}},
        {u"required"_s, QJsonArray{u"decision"_s}}};
    std::move(*responder)
        .elicit(
            message,
            schema,
            [responder, done](mcp::Responder back, const mcp::ClientReply &reply) {
                *responder = std::move(back);
                if (!reply.ok) {
                    const bool timeout = reply.error.code == -32001;
                    done({timeout ? ApprovalAnswer::TimedOut : ApprovalAnswer::Deny,
                          timeout ? u"nobody answered the approval request within 60 s, so the command was not sent"_s
                                  : u"the approval request failed (%1), so the command was not sent"_s.arg(
                                      reply.error.message)});
                    return;
                }
                const QString action = reply.result.value(u"action"_s).toString();
                const QString decision = reply.result.value(u"content"_s).toObject().value(u"decision"_s).toString();
                if (action == u"accept"_s && decision == u"allow_once"_s) {
                    done({ApprovalAnswer::AllowOnce, u"allowed once by the user"_s});
                } else if (action == u"accept"_s && decision == u"always"_s) {
                    done({ApprovalAnswer::AllowAlways, u"allowed by the user (always for this vehicle and command)"_s});
                } else {
                    done({ApprovalAnswer::Deny, u"the user denied the command, so it was not sent"_s});
                }
            },
            m_timeoutMs);
}

bool ApprovalGate::needsApproval(const QString &command) const
{
    switch (m_policy) {
    case ApprovalPolicy::NeverAsk:
        return false;
    case ApprovalPolicy::AskUnlockAndTrunk:
        return command == u"doors/unlock"_s || command == u"trunk/open"_s || command == u"frunk/open"_s;
    case ApprovalPolicy::AskEveryCommand:
        return true;
    }
    return true;
}

void ApprovalGate::request(const ApprovalRequest &request, SharedResponder responder, const ApprovalCallback &done)
{
    const QString key = u"%1/%2"_s.arg(request.tokenId).arg(request.command);
    if (!needsApproval(request.command)) {
        done({ApprovalAnswer::AllowOnce, u"no approval needed (policy: %1)"_s.arg(toString(m_policy))});
        return;
    }
    if (m_always.contains(key)) {
        done({ApprovalAnswer::AllowAlways, u"allowed earlier by the user (always for this vehicle and command)"_s});
        return;
    }
    if (!m_approver) {
        done({ApprovalAnswer::Unavailable, u"no way to ask the user for approval, so the command was not sent"_s});
        return;
    }
    m_approver->ask(request, std::move(responder), [this, key, done](const ApprovalDecision &decision) {
        if (decision.answer == ApprovalAnswer::AllowAlways) {
            m_always.insert(key);
        }
        done(decision);
    });
}

} // namespace app::tools
