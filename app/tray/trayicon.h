// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace app {

class McpHost;

// The system tray icon: a menu with the MCP server's status (socket, connected clients) and
// Quit. Only created when QSystemTrayIcon::isSystemTrayAvailable().
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(McpHost &host, QObject *parent = nullptr);
    ~TrayIcon() override;

    void show();

    QMenu *menu() const { return m_menu; }

Q_SIGNALS:
    void quitRequested();

private:
    void updateStatus();

    McpHost &m_host;
    QMenu *m_menu = nullptr;
    QSystemTrayIcon *m_icon = nullptr;
    QAction *m_socketAction = nullptr;
    QAction *m_clientsAction = nullptr;
};

} // namespace app
