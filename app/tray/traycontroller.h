// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/tray/traystate.h"

#include <QIcon>
#include <QObject>

class QSystemTrayIcon;

namespace ui {
class FallbackWindow;
class TrayMenu;
} // namespace ui

namespace app {

class StatusTracker;

// The tray icon (or, without a system tray, the fallback window with the same menu): shows the
// StatusTracker's state — icon, tooltip and the menu's state line are ui::present(state) — and
// the notifications a user must know about.
class TrayController : public QObject
{
    Q_OBJECT
public:
    explicit TrayController(StatusTracker &status, QObject *parent = nullptr);
    ~TrayController() override;

    ui::TrayMenu &menu() { return *m_menu; }

    // Shows the tray icon, or the fallback window when the desktop has no system tray.
    void show();

    bool usesFallbackWindow() const { return m_fallback != nullptr; }

    ui::FallbackWindow *fallbackWindow() const { return m_fallback; }

    // A desktop notification (the fallback window has none: it is logged there instead).
    void notify(const QString &title, const QString &message, bool warning = false);

    // Another launch asked this instance to show itself.
    void raise();

Q_SIGNALS:
    // The user clicked the tray icon, or a second launch raised this instance.
    void activated();
    // Every notify(), shown or not (no tray, no message support): for tests and logs.
    void notified(const QString &title, const QString &message, bool warning);

private:
    void apply(const ui::TrayState &state);

    StatusTracker &m_status;
    ui::TrayMenu *m_menu;
    QIcon m_base;
    QSystemTrayIcon *m_icon = nullptr;
    ui::FallbackWindow *m_fallback = nullptr; // owned (a top-level widget)
    ui::Connection m_last = ui::Connection::NotConfigured;
};

} // namespace app
