// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/trayicon.h"

#include "app/tray/mcphost.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace app {

TrayIcon::TrayIcon(McpHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(QIcon(u":/dimotray/tray/icons/dimo-tray.png"_s), this))
{
    QAction *title = m_menu->addAction(u"DIMO Tray — MCP server"_s);
    title->setEnabled(false);
    m_socketAction = m_menu->addAction(QString());
    m_socketAction->setEnabled(false);
    m_clientsAction = m_menu->addAction(QString());
    m_clientsAction->setEnabled(false);
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(u"Quit"_s);
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu);
    connect(&m_host, &McpHost::clientCountChanged, this, &TrayIcon::updateStatus);
    updateStatus();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a QMenu without a parent widget
}

void TrayIcon::show()
{
    updateStatus();
    m_icon->show();
}

void TrayIcon::updateStatus()
{
    const int clients = m_host.clientCount();
    m_socketAction->setText(u"Socket: "_s + m_host.socketPath());
    m_clientsAction->setText(clients == 1 ? u"1 client connected"_s : u"%1 clients connected"_s.arg(clients));
    m_icon->setToolTip(u"DIMO Tray — %1"_s.arg(m_clientsAction->text()));
}

} // namespace app
