// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/clients/platform.h"
#include "ui/connect/connectdialog.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

namespace app {

/// Owns the "Connect an AI client" window: creates ui::ConnectDialog on demand (deleted when
/// closed), fills it with the shim path and snippets, and answers its "Add to Claude Desktop"
/// with ClaudeDesktopConfig::install(). The tray feeds it the HTTP endpoint and the clients
/// connected now; they are kept and shown whenever the window opens.
class ConnectController : public QObject
{
    Q_OBJECT
public:
    struct Paths
    {
        QString shim = shimPath();
        QString claudeDesktopConfig; ///< empty: ClaudeDesktopConfig::path() for the running OS
        Os os = currentOs();
    };

    explicit ConnectController(QObject *parent = nullptr);
    ConnectController(Paths paths, QObject *parent = nullptr);
    ~ConnectController() override;

    /// Opens the window, or raises it when open.
    void show();

    /// The open window, or null.
    ui::ConnectDialog *dialog() const { return m_dialog; }

    /// The HTTP endpoint (McpHost::httpUrl()) and its bearer token; an invalid url means off.
    void setHttpEndpoint(const QUrl &url, const QByteArray &token);
    /// Display names of the connected clients, e.g. "Claude Desktop 0.14.1".
    void setConnectedClients(const QStringList &clients);

private:
    void addToClaudeDesktop();

    Paths m_paths;
    QPointer<ui::ConnectDialog> m_dialog;
    QUrl m_httpUrl;
    QByteArray m_httpToken;
    QStringList m_clients;
};

/// A connected client for the "Connected now" list, from its MCP `clientInfo`: "title (or name)
/// version", e.g. "Claude Desktop 0.14.1"; "Unknown client" when it sent none.
QString clientLabel(const QJsonObject &clientInfo);

} // namespace app
