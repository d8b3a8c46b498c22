// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/approval.h"

#include <QCoreApplication>
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

namespace {

int strictness(ApprovalPolicy policy)
{
    switch (policy) {
    case ApprovalPolicy::NeverAsk:
        return 0;
    case ApprovalPolicy::AskUnlockAndTrunk:
        return 1;
    case ApprovalPolicy::AskEveryCommand:
        return 2;
    }
    return 2;
}

} // namespace

bool isStricter(ApprovalPolicy a, ApprovalPolicy b)
{
    return strictness(a) > strictness(b);
}

EffectivePolicy effectiveApprovalPolicy(const QString &stored, const QString &environmentValue)
{
    const ApprovalPolicy base = approvalPolicyFromString(stored);
    const QString value = environmentValue.trimmed();
    if (value.isEmpty()) {
        return {base, u"settings"_s};
    }
    const ApprovalPolicy fromEnv = approvalPolicyFromString(value);
    if (toString(fromEnv) != value.toLower()) {
        return {ApprovalPolicy::AskEveryCommand,
                u"DIMOTRAY_APPROVAL=\"%1\" is not ask, unlock-and-trunk or never, so the strictest applies; "
                "settings say %2"_s.arg(value.left(40), toString(base))};
    }
    if (isStricter(fromEnv, base)) {
        return {fromEnv, u"DIMOTRAY_APPROVAL tightened settings' %1"_s.arg(toString(base))};
    }
    if (fromEnv == base) {
        return {base, u"settings; DIMOTRAY_APPROVAL agrees"_s};
    }
    return {base,
            u"settings; DIMOTRAY_APPROVAL=%1 ignored: the environment may only tighten the policy"_s.arg(
                toString(fromEnv))};
}

QList<ApprovalPolicy> approvalPolicies()
{
    return {ApprovalPolicy::AskEveryCommand, ApprovalPolicy::AskUnlockAndTrunk, ApprovalPolicy::NeverAsk};
}

QString label(ApprovalPolicy policy)
{
    switch (policy) {
    case ApprovalPolicy::AskEveryCommand:
        break;
    case ApprovalPolicy::AskUnlockAndTrunk:
        return QCoreApplication::translate("ApprovalPolicy", "Ask before unlocking and opening the trunk");
    case ApprovalPolicy::NeverAsk:
        return QCoreApplication::translate("ApprovalPolicy", "Never ask");
    }
    return QCoreApplication::translate("ApprovalPolicy", "Ask before every command");
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

namespace approvalnote {

QString allowedOnce()
{
    return u"allowed once by the user"_s;
}

QString allowedAlways(GrantScope scope, int hours)
{
    return (scope == GrantScope::Session
                ? u"allowed by the user for this AI client session (this vehicle and command, %1 h)"_s
                : u"allowed by the user for any AI client (this vehicle and command, %1 h)"_s)
        .arg(hours);
}

QString denied()
{
    return u"the user denied the command, so it was not sent"_s;
}

QString timedOut(const QString &where, int seconds)
{
    return u"nobody answered the approval %1 within %2 s, so the command was not sent"_s.arg(where).arg(seconds);
}

} // namespace approvalnote

void ElicitationApprover::ask(const ApprovalRequest &request, SharedResponder responder, ApprovalCallback done)
{
    if (!responder->clientSupports(u"elicitation"_s)) {
        done({ApprovalAnswer::Unavailable,
              u"this MCP client cannot ask the user (it does not support elicitation), and DIMO Tray runs without its "
              "tray window, so the command was not sent. To allow commands: run DIMO Tray with its tray icon (it then "
              "shows an approval dialog), or choose \"%1\" for command approval in DIMO Tray's Settings "
              "(approvalPolicy=%2 under [tools] in its settings file; DIMOTRAY_APPROVAL can only tighten it)."_s.arg(
                  label(ApprovalPolicy::NeverAsk), toString(ApprovalPolicy::NeverAsk))});
        return;
    }
    const QString message = u"%1 asks to %2 on %3 (vehicle %4). Allow it?"_s
                                .arg(request.clientName.isEmpty() ? u"An AI client"_s : request.clientName,
                                     request.commandTitle.toLower(),
                                     request.vehicleName.isEmpty() ? u"a vehicle"_s : request.vehicleName)
                                .arg(request.tokenId);
    const QJsonObject schema{{u"type"_s, u"object"_s},
                             {u"properties"_s,
                              QJsonObject{{u"decision"_s,
                                           QJsonObject{{u"type"_s, u"string"_s},
                                                       {u"title"_s, u"Decision"_s},
                                                       {u"enum"_s, QJsonArray{u"allow_once"_s, u"deny"_s}},
                                                       {u"enumNames"_s, QJsonArray{u"Allow once"_s, u"Deny"_s}}}}}},
                             {u"required"_s, QJsonArray{u"decision"_s}}};
    std::move(*responder)
        .elicit(
            message,
            schema,
            [responder, done, timeoutMs = m_timeoutMs](mcp::Responder back, const mcp::ClientReply &reply) {
                *responder = std::move(back);
                if (!reply.ok) {
                    const bool timeout = reply.error.code == -32001;
                    done({timeout ? ApprovalAnswer::TimedOut : ApprovalAnswer::Deny,
                          timeout ? approvalnote::timedOut(u"request"_s, timeoutMs / 1000)
                                  : u"the approval request failed (%1), so the command was not sent"_s.arg(
                                      reply.error.message)});
                    return;
                }
                const QString action = reply.result.value(u"action"_s).toString();
                const QString decision = reply.result.value(u"content"_s).toObject().value(u"decision"_s).toString();
                // An elicitation answer approves this one call at most: an AI client can answer it
                // itself, so "always" (not offered) counts as once and is never remembered.
                if (action == u"accept"_s && (decision == u"allow_once"_s || decision == u"always"_s)) {
                    done({ApprovalAnswer::AllowOnce, approvalnote::allowedOnce()});
                } else {
                    done({ApprovalAnswer::Deny, approvalnote::denied()});
                }
            },
            m_timeoutMs);
}

} // namespace app::tools
