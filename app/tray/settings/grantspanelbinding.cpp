// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/grantspanelbinding.h"

#include "app/tools/approval.h"
#include "ui/settings/approvalgrantspanel.h"

#include <QPointer>
#include <QTimer>

namespace app {

namespace {

void refresh(ui::ApprovalGrantsPanel &panel, tools::ApprovalGate &gate)
{
    panel.setEffectivePolicy(gate.effectivePolicy().describe());
    QList<ui::ApprovalGrantRow> rows;
    for (const tools::ApprovalGrant &g : gate.grants()) {
        rows.append({g.id, g.describe()});
    }
    panel.setGrants(rows);
}

} // namespace

void bindGrantsPanel(ui::ApprovalGrantsPanel &panel, tools::ApprovalGate &gate)
{
    QPointer<tools::ApprovalGate> guard(&gate);
    auto update = [&panel, guard] {
        if (guard) {
            refresh(panel, *guard);
        }
    };
    update();
    QObject::connect(&gate, &tools::ApprovalGate::grantsChanged, &panel, update);
    QObject::connect(&gate, &tools::ApprovalGate::policyChanged, &panel, update);
    // Grants expire by themselves: the list drops them within a minute.
    auto *expiry = new QTimer(&panel);
    expiry->setInterval(60 * 1000);
    QObject::connect(expiry, &QTimer::timeout, &panel, update);
    expiry->start();
    QObject::connect(&panel, &ui::ApprovalGrantsPanel::revokeRequested, &gate, [guard](quint64 id) {
        if (guard) {
            guard->revoke(id);
        }
    });
    QObject::connect(&panel, &ui::ApprovalGrantsPanel::revokeAllRequested, &gate, [guard] {
        if (guard) {
            guard->revokeAll();
        }
    });
}

} // namespace app
