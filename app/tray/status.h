// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/client.h"
#include "ui/tray/traystate.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <optional>

class QTimer;

namespace mcp {
class Server;
}

namespace app {

namespace tools {
class Backend;
}

// Computes the tray's one state (ui::TrayState) from the license, the DIMO session, the last
// vehicle refresh, the connected AI clients and the tool calls running now; emits changed()
// whenever it differs. Also keeps the vehicle list fresh: after a sign-in, at start in fleet
// mode, and every 10 minutes while connected.
class StatusTracker : public QObject
{
    Q_OBJECT
public:
    StatusTracker(tools::Backend &backend, mcp::Server &server, bool demo, QObject *parent = nullptr);

    const ui::TrayState &state() const { return m_state; }

    // "Claude Desktop 0.9.2", one per connected client, sorted.
    QStringList connectedClients() const;

    // The login window is open (the state shows "signing in" until it closes).
    void setLoginOpen(bool open);

Q_SIGNALS:
    void changed(const ui::TrayState &state);
    void clientsChanged();

private:
    void attachClient();
    void handleSession(dimo::Client::SessionState session);
    void handleRefresh(bool ok, int kind, const QString &error);
    void update();

    tools::Backend &m_backend;
    QPointer<dimo::Client> m_client;
    QHash<quintptr, QJsonObject> m_clients;
    QTimer *m_refreshTimer;
    ui::TrayState m_state;
    bool m_demo;
    bool m_loginOpen = false;
    int m_activeCalls = 0;
    std::optional<ui::Connection> m_failure; // Unreachable or CredentialsRejected, from the last refresh
    QString m_failureDetail;
};

} // namespace app
