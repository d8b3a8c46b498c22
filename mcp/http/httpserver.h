// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTimer;

namespace mcp {

class Server;

namespace http {
class HttpConnection;
class HttpSession;
struct HttpRequest;
} // namespace http

/// MCP Streamable HTTP (2025-03-26 … 2025-11-25) on 127.0.0.1 only, hand-rolled on QTcpServer:
/// one `/mcp` endpoint (POST, GET, DELETE; JSON or SSE responses; `Mcp-Session-Id`;
/// `MCP-Protocol-Version` checks), Host/Origin validation against DNS rebinding (403), an
/// optional bearer token (401), request size caps, keep-alive, and `GET /healthz`. What the
/// stateless 2026-07-28 era does differently (session-less POSTs) is behind http::HttpEra.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint16 port = 0; ///< 0 = any free port
        QByteArray bearerToken; ///< optional: required as `Authorization: Bearer <token>` on /mcp
        int maxSessions = 64; ///< the least recently used session is evicted beyond this
        int sessionIdleTimeoutMs = 30 * 60 * 1000;
        int maxConnections = 128;
    };

    HttpServer(Server *server, Options options, QObject *parent = nullptr);
    ~HttpServer() override;

    /// Listens on 127.0.0.1; false with \a error set on failure.
    bool listen(QString *error);
    /// http://127.0.0.1:PORT/mcp
    QUrl url() const;
    quint16 port() const;

    qsizetype sessionCount() const { return m_sessions.size(); }

private:
    void handleNewConnection();
    void handleRequest(http::HttpConnection *connection, const http::HttpRequest &request);
    void handleMcp(http::HttpConnection *connection, const http::HttpRequest &request);
    void handlePost(http::HttpConnection *connection, const http::HttpRequest &request);
    http::HttpSession *createSession();
    void removeSession(const QByteArray &id);
    void sweepIdleSessions();

    Server *m_server;
    Options m_options;
    QTcpServer *m_tcp;
    QTimer *m_sweep;
    QHash<QByteArray, http::HttpSession *> m_sessions;
    int m_connections = 0;
};

} // namespace mcp
