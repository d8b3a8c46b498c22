// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/dialogapprover.h"

#include "ui/approval/approvaldialog.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace app {

DialogApprover::DialogApprover(int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_timeoutMs(timeoutMs)
{}

void DialogApprover::ask(const tools::ApprovalRequest &request,
                         tools::SharedResponder responder,
                         tools::ApprovalCallback done)
{
    auto *dialog = new ui::ApprovalDialog({request.clientName,
                                           request.tool,
                                           request.commandTitle,
                                           request.tokenId,
                                           request.vehicleName,
                                           int(tools::ApprovalGate::GrantLifetimeSecs / 3600)},
                                          m_timeoutMs);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ui::ApprovalDialog> guard(dialog);
    // A cancelled call gets no answer: the dialog just goes away.
    responder->onCancelled([guard] {
        if (guard) {
            guard->dismiss();
        }
    });
    const int seconds = m_timeoutMs / 1000;
    const int hours = int(tools::ApprovalGate::GrantLifetimeSecs / 3600);
    connect(dialog, &ui::ApprovalDialog::decided, this, [done, seconds, hours](ui::ApprovalChoice choice) {
        switch (choice) {
        case ui::ApprovalChoice::AllowOnce:
            done({tools::ApprovalAnswer::AllowOnce, tools::approvalnote::allowedOnce()});
            return;
        case ui::ApprovalChoice::AllowForSession:
            done({tools::ApprovalAnswer::AllowAlways,
                  tools::approvalnote::allowedAlways(tools::GrantScope::Session, hours),
                  tools::GrantScope::Session});
            return;
        case ui::ApprovalChoice::AllowAlways:
            done({tools::ApprovalAnswer::AllowAlways,
                  tools::approvalnote::allowedAlways(tools::GrantScope::AnyClient, hours),
                  tools::GrantScope::AnyClient});
            return;
        case ui::ApprovalChoice::Deny:
            done({tools::ApprovalAnswer::Deny, tools::approvalnote::denied()});
            return;
        case ui::ApprovalChoice::TimedOut:
            done({tools::ApprovalAnswer::TimedOut, tools::approvalnote::timedOut(u"dialog"_s, seconds)});
            return;
        }
    });
    dialog->show();
    Q_EMIT asking(dialog);
}

} // namespace app
