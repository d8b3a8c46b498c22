// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/approval.h"

#include <QList>
#include <QtGlobal>

// What the approval suites (tst_toolsapproval, tst_approvalgrants) share, header-only: an approver
// that answers at once from a script, and a synchronous ApprovalGate::request.
namespace approvalharness {

/// Records every request and answers with the next of `answers`, then with `otherwise`; `fromUser`
/// plays the tray's own dialog (true) or an AI client's elicitation (false).
class ScriptedApprover : public app::tools::Approver
{
public:
    explicit ScriptedApprover(app::tools::ApprovalAnswer otherwiseAnswer = app::tools::ApprovalAnswer::Deny,
                              app::tools::GrantScope grantScope = app::tools::GrantScope::AnyClient)
        : otherwise(otherwiseAnswer)
        , scope(grantScope)
    {}

    void ask(const app::tools::ApprovalRequest &request,
             app::tools::SharedResponder,
             app::tools::ApprovalCallback done) override
    {
        requests << request;
        const app::tools::ApprovalAnswer answer = answers.isEmpty() ? otherwise : answers.takeFirst();
        done({answer, QStringLiteral("scripted"), scope});
    }

    bool answersOnlyFromUser() const override { return fromUser; }

    QList<app::tools::ApprovalRequest> requests;
    QList<app::tools::ApprovalAnswer> answers;
    app::tools::ApprovalAnswer otherwise;
    app::tools::GrantScope scope;
    bool fromUser = true;
};

/// The gate's decision on \a request; the approver must answer synchronously.
inline app::tools::ApprovalDecision decide(app::tools::ApprovalGate &gate, const app::tools::ApprovalRequest &request)
{
    app::tools::ApprovalDecision result;
    bool called = false;
    gate.request(request, nullptr, [&](const app::tools::ApprovalDecision &d) {
        result = d;
        called = true;
    });
    if (!called) {
        qFatal("ApprovalGate::request did not answer synchronously with a synchronous approver");
    }
    return result;
}

} // namespace approvalharness
