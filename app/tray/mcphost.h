// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/options.h"

#include <QObject>
#include <QUrl>

namespace mcp {
class HttpServer;
class Server;

namespace transport {
class LineChannel;
class LocalServer;
} // namespace transport
} // namespace mcp

namespace app {

// dimo-tray as an MCP host: the engine (mcp::Server) behind the per-user local socket, one
// mcp::Session per connection, and optionally the loopback HTTP endpoint.
//
// start() ends in exactly one of ready(), alreadyRunning() (another instance owns the socket)
// or failed().
class McpHost : public QObject
{
    Q_OBJECT
public:
    explicit McpHost(const Options &options, QObject *parent = nullptr);
    ~McpHost() override;

    mcp::Server &server() { return *m_server; }

    void start();
    // Stops listening and removes the socket; open sessions are closed.
    void stop();

    QString socketPath() const;
    QUrl httpUrl() const;
    int clientCount() const;

Q_SIGNALS:
    void ready();
    void alreadyRunning();
    void failed(const QString &error);
    void clientCountChanged(int count);

private:
    void handleListening();
    void attach(mcp::transport::LineChannel *channel);

    Options m_options;
    mcp::Server *m_server = nullptr;
    mcp::transport::LocalServer *m_local = nullptr;
    mcp::HttpServer *m_http = nullptr;
};

} // namespace app
