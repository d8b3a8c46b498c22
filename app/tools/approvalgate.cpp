// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// ApprovalGate: the policy, the remembered "always" grants (scoped, expiring) and the Approver.
#include "app/tools/approval.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace app::tools {

QString ApprovalGrant::describe() const
{
    const QString vehicle =
        vehicleName.isEmpty() ? u"vehicle %1"_s.arg(tokenId) : u"%1 (vehicle %2)"_s.arg(vehicleName).arg(tokenId);
    const QString client = clientName.isEmpty() ? u"an AI client"_s : clientName;
    const QString who = scope == GrantScope::Session ? u"%1's session only"_s.arg(client) : u"any AI client"_s;
    return u"%1 on %2 — %3, until %4"_s.arg(commandTitle.isEmpty() ? command : commandTitle,
                                            vehicle,
                                            who,
                                            expiresAt.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s));
}

ApprovalGate::ApprovalGate(QObject *parent)
    : QObject(parent)
    , m_clock([] {
        return QDateTime::currentDateTimeUtc();
    })
{}

QDateTime ApprovalGate::now() const
{
    return m_clock();
}

void ApprovalGate::setPolicy(ApprovalPolicy policy, const QString &source)
{
    const bool tighter = isStricter(policy, m_policy.policy);
    const bool changed = policy != m_policy.policy || source != m_policy.source;
    m_policy = {policy, source};
    if (tighter) {
        revokeAll(); // the user asked for more questions: nothing granted earlier skips them
    }
    if (changed) {
        Q_EMIT policyChanged(m_policy);
    }
}

void ApprovalGate::dropExpired()
{
    const QDateTime t = now();
    const auto removed = m_grants.removeIf([&t](const ApprovalGrant &g) {
        return g.expiresAt <= t;
    });
    if (removed > 0) {
        Q_EMIT grantsChanged();
    }
}

QList<ApprovalGrant> ApprovalGate::grants()
{
    dropExpired();
    return m_grants;
}

bool ApprovalGate::revoke(quint64 grantId)
{
    const auto removed = m_grants.removeIf([grantId](const ApprovalGrant &g) {
        return g.id == grantId;
    });
    if (removed > 0) {
        Q_EMIT grantsChanged();
    }
    return removed > 0;
}

void ApprovalGate::revokeAll()
{
    ++m_generation; // an "always" answered after this (a dialog still open) is not remembered
    if (!m_grants.isEmpty()) {
        m_grants.clear();
        Q_EMIT grantsChanged();
    }
}

void ApprovalGate::forgetSession(quint64 sessionId)
{
    const auto removed = m_grants.removeIf([sessionId](const ApprovalGrant &g) {
        return g.scope == GrantScope::Session && g.sessionId == sessionId;
    });
    if (removed > 0) {
        Q_EMIT grantsChanged();
    }
}

bool ApprovalGate::needsApproval(const QString &command) const
{
    switch (m_policy.policy) {
    case ApprovalPolicy::NeverAsk:
        return false;
    case ApprovalPolicy::AskUnlockAndTrunk:
        return command == u"doors/unlock"_s || command == u"trunk/open"_s || command == u"frunk/open"_s;
    case ApprovalPolicy::AskEveryCommand:
        return true;
    }
    return true;
}

const ApprovalGrant *ApprovalGate::matching(const ApprovalRequest &request) const
{
    for (const ApprovalGrant &g : m_grants) {
        if (g.tokenId != request.tokenId || g.command != request.command) {
            continue;
        }
        if (g.scope == GrantScope::AnyClient || (request.sessionId != 0 && g.sessionId == request.sessionId)) {
            return &g;
        }
    }
    return nullptr;
}

void ApprovalGate::remember(const ApprovalRequest &request, GrantScope scope)
{
    if (scope == GrantScope::Session && request.sessionId == 0) {
        return; // no session to bind it to: it stays a one-time approval
    }
    ApprovalGrant g;
    g.id = ++m_lastGrantId;
    g.tokenId = request.tokenId;
    g.command = request.command;
    g.commandTitle = request.commandTitle;
    g.vehicleName = request.vehicleName;
    g.scope = scope;
    g.sessionId = request.sessionId;
    g.clientName = request.clientName;
    g.grantedAt = now();
    g.expiresAt = g.grantedAt.addSecs(GrantLifetimeSecs);
    m_grants.removeIf([&g](const ApprovalGrant &old) {
        return old.tokenId == g.tokenId && old.command == g.command && old.scope == g.scope
            && old.sessionId == g.sessionId;
    });
    m_grants.append(g);
    Q_EMIT grantsChanged();
}

void ApprovalGate::request(const ApprovalRequest &request, SharedResponder responder, const ApprovalCallback &done)
{
    if (!needsApproval(request.command)) {
        done({ApprovalAnswer::AllowOnce, u"no approval needed (policy: %1)"_s.arg(m_policy.describe())});
        return;
    }
    dropExpired();
    if (const ApprovalGrant *g = matching(request)) {
        done({ApprovalAnswer::AllowAlways,
              u"allowed earlier by the user (%1 until %2)"_s.arg(
                  g->scope == GrantScope::Session ? u"for this AI client session"_s
                                                  : u"for this vehicle and command, any AI client"_s,
                  g->expiresAt.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s)),
              g->scope});
        return;
    }
    if (!m_approver) {
        done({ApprovalAnswer::Unavailable, u"no way to ask the user for approval, so the command was not sent"_s});
        return;
    }
    const bool trusted = m_approver->answersOnlyFromUser();
    const quint64 generation = m_generation;
    QPointer<ApprovalGate> self(this);
    auto answered = [self, trusted, generation, request, done](const ApprovalDecision &decision) {
        ApprovalDecision d = decision;
        if (d.answer == ApprovalAnswer::AllowAlways) {
            if (trusted && self && self->m_generation == generation) {
                self->remember(request, d.scope);
            } else if (!trusted) {
                d.answer = ApprovalAnswer::AllowOnce; // never more than this call
            }
        }
        done(d);
    };
    m_approver->ask(request, std::move(responder), answered);
}

} // namespace app::tools
