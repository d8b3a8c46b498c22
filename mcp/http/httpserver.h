// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
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
/// `MCP-Protocol-Version` checks), Host validation against DNS rebinding and only the endpoint's
/// own Origin (403), a required bearer token (401), an exact `application/json` (415), request
/// size caps, keep-alive, and `GET /healthz`. What the stateless 2026-07-28 era does differently
/// (session-less POSTs) is behind http::HttpEra.
///
/// Everything that costs memory comes after authentication: each request's headers are checked
/// (Host, Origin, token, Content-Type) before its body is read or a session is made. Headers are
/// due within Options::headerTimeoutMs. At the connection cap a newcomer replaces the oldest idle
/// connection that never authenticated; sessions with calls in flight are never evicted.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint16 port = 0; ///< 0 = any free port
        QByteArray bearerToken; ///< required as `Authorization: Bearer <token>` on /mcp
        /// Serve /mcp without a bearer token, to every local user (tests: `--insecure-no-token`);
        /// listen() warns. Without it, listen() refuses an empty token.
        bool allowNoToken = false;
        int maxSessions = 64; ///< the least recently used idle session is evicted beyond this
        int sessionIdleTimeoutMs = 30 * 60 * 1000;
        int maxConnections = 128;
        int headerTimeoutMs = 5 * 1000; ///< complete request headers are due within this
    };

    HttpServer(Server *server, Options options, QObject *parent = nullptr);
    ~HttpServer() override;

    /// Listens on 127.0.0.1; false with \a error set on failure.
    bool listen(QString *error);
    /// http://127.0.0.1:PORT/mcp
    QUrl url() const;
    quint16 port() const;

    qsizetype sessionCount() const { return m_sessions.size(); }

    qsizetype connectionCount() const { return m_connections.size(); }

private:
    void handleNewConnection();
    bool makeRoom();
    bool admit(http::HttpConnection *connection, const http::HttpRequest &head);
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
    QList<http::HttpConnection *> m_connections; ///< oldest first
};

} // namespace mcp
