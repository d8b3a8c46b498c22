// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

class QUrl;

namespace app::tools {

class Approver;

// What a desktop (the tray) offers the tools. Backend::setDesktopHooks() is the one place it is set
// and cleared; without hooks the tools run headless: commands are approved through MCP
// elicitation and init_oauth answers with a loopback listener and a URL for the user's browser.
// The tools' events (commandDecided, commandWatched, commandFailed) stay Backend signals: the
// activity log observes them as well as the tray's notifications.
class DesktopHooks
{
public:
    virtual ~DesktopHooks() = default;

    // Asks the user to approve commands (the tray's dialog).
    virtual Approver &approver() = 0;
    // Opens the desktop's Login with DIMO window at `loginUrl`; false: none can be opened (the
    // caller then falls back to the loopback listener).
    virtual bool openLoginWindow(const QUrl &loginUrl) = 0;
};

} // namespace app::tools
