// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace ui {
class ApprovalGrantsPanel;
}

namespace app {

namespace tools {
class ApprovalGate;
}

// Fills Settings' "Command approval now" from the gate (the policy in force with its source, the
// remembered approvals), keeps it current while it lives, and revokes what the user revokes.
void bindGrantsPanel(ui::ApprovalGrantsPanel &panel, tools::ApprovalGate &gate);

} // namespace app
