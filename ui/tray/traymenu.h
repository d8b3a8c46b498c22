// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/tray/traystate.h"

#include <QObject>

class QAction;
class QMenu;

namespace ui {

// The tray's menu: the state line, then Vehicles…, Log in / Log out, Share vehicles…,
// Settings…, Connect an AI client…, Activity…, Quit. The same QActions serve the fallback window
// when there is no system tray.
class TrayMenu : public QObject
{
    Q_OBJECT
public:
    explicit TrayMenu(QObject *parent = nullptr);
    ~TrayMenu() override;

    QMenu *menu() const { return m_menu; }

    void apply(const TrayPresentation &presentation);

    // In menu order, the state line first (disabled), separators left out.
    QList<QAction *> actions() const;

Q_SIGNALS:
    void vehiclesRequested();
    void logInRequested();
    void logOutRequested();
    void shareRequested();
    void settingsRequested();
    void connectRequested();
    void activityRequested();
    void quitRequested();

private:
    QMenu *m_menu; // no parent widget: deleted in the destructor
    QAction *m_state;
    QAction *m_vehicles;
    QAction *m_login;
    QAction *m_share;
    QAction *m_settings;
    QAction *m_connect;
    QAction *m_activity;
    QAction *m_quit;
    bool m_signedIn = false;
};

} // namespace ui
