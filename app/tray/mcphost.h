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

    QByteArray httpToken() const { return m_httpToken; }

    // Serves MCP over HTTP on 127.0.0.1:port (once; the tray calls it when the settings enable
    // it, with the bearer token from the keychain). False with `error` when the port is busy.
    bool startHttp(quint16 port, const QByteArray &bearerToken, QString *error = nullptr);
    int clientCount() const;

Q_SIGNALS:
    void ready();
    void alreadyRunning();
    void failed(const QString &error);
    void clientCountChanged(int count);
    void httpStarted(const QUrl &url);

private:
    void handleListening();
    void attach(mcp::transport::LineChannel *channel);

    Options m_options;
    mcp::Server *m_server = nullptr;
    mcp::transport::LocalServer *m_local = nullptr;
    mcp::HttpServer *m_http = nullptr;
    QByteArray m_httpToken;
};

} // namespace app
