// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/desktophooks.h"
#include "app/tray/options.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace ui {
class ActivityModel;
class ActivityWindow;
class VehiclesWindow;
} // namespace ui

namespace app {

class ActivityRecorder;
class ConnectController;
class DialogApprover;
class DimoService;
class LicenseFlows;
class LoginFlows;
class McpHost;
class StatusTracker;

namespace tools {
class Backend;
}
class TrayController;

// The desktop side of dimo-tray: the tray icon (or fallback window), its menu and every window
// it opens, wired to the DIMO service and the MCP host. Windows are created when first opened.
// It is the tools' DesktopHooks (approval dialog, login window) while it lives.
class Desktop
    : public QObject
    , public tools::DesktopHooks
{
    Q_OBJECT
public:
    Desktop(const Options &options, McpHost &host, DimoService &dimo, QObject *parent = nullptr);
    ~Desktop() override;

    void show();
    // A second launch asked this instance to show itself.
    void raise();

    void openVehicles();
    void openActivity();

    TrayController &tray() { return *m_tray; }

    LicenseFlows &license() { return *m_license; }

    ui::ActivityModel &activity() { return *m_activity; }

    StatusTracker &status() { return *m_status; }

    tools::Approver &approver() override;
    bool openLoginWindow(const QUrl &loginUrl) override;

Q_SIGNALS:
    void quitRequested();

private:
    void wireNotifications();

    Options m_options;
    McpHost &m_host;
    DimoService &m_dimo;
    StatusTracker *m_status;
    TrayController *m_tray;
    ConnectController *m_connect;
    LoginFlows *m_login;
    LicenseFlows *m_license;
    DialogApprover *m_approver;
    ui::ActivityModel *m_activity;
    ActivityRecorder *m_recorder;
    QPointer<tools::Backend> m_backend; // DimoService's; may go first
    QPointer<ui::VehiclesWindow> m_vehiclesWindow;
    QPointer<ui::ActivityWindow> m_activityWindow;
    QSet<QString> m_dimoSideRefusals; // notified once per process, not once per command
    QSet<QString> m_lowCredits; // vehicles notified as low on credits (once per process each)
};

} // namespace app
