// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/approval.h"

#include <QObject>

namespace app {

// The approval interface with the tray present: a dialog on the user's desktop (Allow once /
// Allow for this session / Allow for any AI client / Deny, auto-deny after 60 s). It replaces MCP
// elicitation, so an AI client can never answer its own approval request; hence its "always"
// answers are the only ones ApprovalGate remembers (scoped as the user chose, for 8 hours).
class DialogApprover
    : public QObject
    , public tools::Approver
{
    Q_OBJECT
public:
    explicit DialogApprover(int timeoutMs = 60000, QObject *parent = nullptr);

    void
    ask(const tools::ApprovalRequest &request, tools::SharedResponder responder, tools::ApprovalCallback done) override;

    bool answersOnlyFromUser() const override { return true; }

Q_SIGNALS:
    // A dialog opened (for tests and the activity log).
    void asking(QWidget *dialog);

private:
    int m_timeoutMs;
};

} // namespace app
