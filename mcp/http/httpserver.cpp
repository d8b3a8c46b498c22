// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/httpserver.h"

#include "mcp/http/httpconnection.h"
#include "mcp/http/httpera.h"
#include "mcp/http/httprequest.h"
#include "mcp/http/httpsession.h"
#include "mcp/http/originpolicy.h"
#include "mcp/jsonrpc.h"
#include "mcp/logging.h"
#include "mcp/server.h"
#include "mcp/session.h"

#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcp {

using http::HttpConnection;
using http::HttpRequest;
using http::HttpSession;

namespace {

void reject(HttpConnection *connection, int status, const QString &message, const http::HeaderList &headers = {})
{
    const QByteArray body = jsonrpc::encodeError({}, {errc::TransportError, message, {}});
    connection->respond(status, headers, body, "application/json");
}

QByteArray newSessionId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

} // namespace

HttpServer::HttpServer(Server *server, Options options, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_options(std::move(options))
    , m_tcp(new QTcpServer(this))
    , m_sweep(new QTimer(this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, &HttpServer::handleNewConnection);
    m_sweep->setInterval(60 * 1000);
    connect(m_sweep, &QTimer::timeout, this, &HttpServer::sweepIdleSessions);
}

HttpServer::~HttpServer()
{
    const auto sessions = std::exchange(m_sessions, {});
    for (HttpSession *s : sessions) {
        s->terminate();
        delete s;
    }
}

bool HttpServer::listen(QString *error)
{
    if (m_options.bearerToken.isEmpty() && !m_options.allowNoToken) {
        if (error) {
            *error = u"no bearer token: without one, every local user could use the HTTP endpoint. Give it a "
                     "token (a token file, or the keychain), or allow a tokenless endpoint for tests explicitly "
                     "(--insecure-no-token)"_s;
        }
        return false;
    }
    if (!m_tcp->listen(QHostAddress::LocalHost, m_options.port)) {
        if (error) {
            *error = m_tcp->errorString();
        }
        return false;
    }
    m_sweep->start();
    if (m_options.bearerToken.isEmpty()) {
        qCWarning(lcMcpHttp).noquote() << "INSECURE: the HTTP endpoint" << url().toString()
                                       << "requires no bearer token (--insecure-no-token): every local user and "
                                          "process can call its tools. For tests only.";
    } else {
        qCInfo(lcMcpHttp) << "Streamable HTTP endpoint on" << url().toString() << "(bearer token required)";
    }
    return true;
}

quint16 HttpServer::port() const
{
    return m_tcp->serverPort();
}

QUrl HttpServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1/mcp"_s.arg(port()));
}

void HttpServer::handleNewConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        if (m_connections.size() >= m_options.maxConnections && !makeRoom()) {
            qCDebug(lcMcpHttp) << "refused a connection: all" << m_connections.size() << "are in use";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new HttpConnection(
            socket,
            [this](HttpConnection *c, const HttpRequest &head) {
                return admit(c, head);
            },
            m_options.headerTimeoutMs,
            this);
        m_connections.append(connection);
        connect(connection, &HttpConnection::closed, this, [this, connection] {
            m_connections.removeOne(connection);
        });
        connect(connection, &HttpConnection::requestReady, this, [this, connection](const HttpRequest &request) {
            handleRequest(connection, request);
        });
    }
}

/*!
    At the connection cap: closes the oldest connection that waits for headers and never
    authenticated, so that idle connections (another user's, say) cannot lock the owner out.
    False when every connection is in use by an authenticated client or busy.
*/
bool HttpServer::makeRoom()
{
    const auto oldest = std::find_if(m_connections.cbegin(), m_connections.cend(), [](HttpConnection *c) {
        return c->isIdle() && !c->hasPassedGate();
    });
    if (oldest == m_connections.cend()) {
        return false;
    }
    qCDebug(lcMcpHttp) << "connection cap reached: closing the oldest unauthenticated idle connection";
    (*oldest)->abort(); // closed() removes it from m_connections
    return true;
}

/*!
    The checks on a request's headers, before its body is read or anything is allocated for it:
    Host (DNS rebinding), Origin (only our own), the bearer token and the POST Content-Type.
*/
bool HttpServer::admit(HttpConnection *connection, const HttpRequest &head)
{
    // DNS rebinding: a browser page on evil.example resolving to 127.0.0.1 still sends its own Host/Origin.
    if (!http::originpolicy::isLoopbackHost(head.header("host"))) {
        qCWarning(lcMcpHttp) << "rejected request with Host" << head.header("host");
        reject(connection, 403, u"Forbidden: the Host header must name localhost, 127.0.0.1 or [::1]"_s);
        return false;
    }
    if (!http::originpolicy::isAllowedOrigin(head.header("origin"), port())) {
        qCWarning(lcMcpHttp) << "rejected request with Origin" << head.header("origin");
        reject(connection,
               403,
               u"Forbidden: Origin %1 is not this endpoint's own (http://127.0.0.1:%2 or http://localhost:%2)"_s
                   .arg(QString::fromLatin1(head.header("origin")))
                   .arg(port()));
        return false;
    }
    if (head.path != "/mcp") {
        if (head.contentLength() > 0) {
            reject(connection, 413, u"Content Too Large: only /mcp takes a request body"_s);
            return false;
        }
        return true; // /healthz and 404, answered once the (empty) body is in
    }
    if (!m_options.bearerToken.isEmpty()
        && !http::originpolicy::bearerMatches(head.header("authorization"), m_options.bearerToken)) {
        reject(connection,
               401,
               u"Unauthorized: a valid bearer token is required"_s,
               {{"WWW-Authenticate", R"(Bearer realm="dimo-tray")"}});
        return false;
    }
    if (head.method == "POST" && !http::isJsonContentType(head.header("content-type"))) {
        reject(connection,
               415,
               u"Unsupported Media Type: POST bodies must be Content-Type: application/json (charset=utf-8 at most)"_s);
        return false;
    }
    return true;
}

void HttpServer::handleRequest(HttpConnection *connection, const HttpRequest &request)
{
    if (request.path == "/healthz") {
        if (request.method == "GET" || request.method == "HEAD") {
            connection->respond(200, {}, request.method == "GET" ? QByteArray("ok\n") : QByteArray(), "text/plain");
        } else {
            connection->respond(405, {{"Allow", "GET, HEAD"}}, {}, "text/plain");
        }
        return;
    }
    if (request.path != "/mcp") {
        connection->respond(404, {}, "Not Found: the MCP endpoint is /mcp\n", "text/plain");
        return;
    }
    handleMcp(connection, request);
}

void HttpServer::handleMcp(HttpConnection *connection, const HttpRequest &request)
{
    const QByteArray version = request.header("mcp-protocol-version");
    if (!version.isEmpty() && !http::HttpEra::of(*m_server).acceptsVersionHeader(version)) {
        reject(connection, 400, u"Bad Request: unsupported MCP-Protocol-Version "_s + QString::fromLatin1(version));
        return;
    }
    if (request.method == "POST") {
        handlePost(connection, request);
        return;
    }
    if (request.method != "GET" && request.method != "DELETE") {
        connection->respond(405, {{"Allow", "GET, POST, DELETE"}}, {}, "text/plain");
        return;
    }
    const QByteArray id = request.header("mcp-session-id");
    if (id.isEmpty()) {
        reject(connection, 400, u"Bad Request: the Mcp-Session-Id header is required"_s);
        return;
    }
    HttpSession *session = m_sessions.value(id);
    if (!session) {
        reject(connection, 404, u"Not Found: unknown or expired session; initialize again"_s);
        return;
    }
    if (request.method == "GET") {
        session->handleGet(connection, request);
        return;
    }
    removeSession(id);
    connection->respond(200, {}, {}, {});
}

void HttpServer::handlePost(HttpConnection *connection, const HttpRequest &request)
{
    const QByteArray id = request.header("mcp-session-id");
    if (id.isEmpty() && http::HttpEra::of(*m_server).serveSessionless(m_server, connection, request, this)) {
        return;
    }
    if (!id.isEmpty()) {
        if (HttpSession *session = m_sessions.value(id)) {
            session->handlePost(connection, request);
        } else {
            reject(connection, 404, u"Not Found: unknown or expired session; initialize again"_s);
        }
        return;
    }
    const jsonrpc::Decoded decoded = jsonrpc::decode(request.body);
    const bool isInitialize = !decoded.parseError && !decoded.isBatch && decoded.messages.size() == 1
        && decoded.messages.front().kind == jsonrpc::Kind::Request
        && decoded.messages.front().method == "initialize"_L1;
    if (!isInitialize) {
        reject(connection, 400, u"Bad Request: the Mcp-Session-Id header is required (send initialize first)"_s);
        return;
    }
    HttpSession *session = createSession();
    if (!session) {
        reject(connection,
               503,
               u"Service Unavailable: all %1 sessions have calls in flight; end one (DELETE) or retry later"_s.arg(
                   m_sessions.size()),
               {{"Retry-After", "5"}});
        return;
    }
    session->handlePost(connection, request);
    if (!session->session()->isInitialized()) {
        removeSession(session->id());
    }
}

/*!
    A new session; beyond Options::maxSessions the least recently used session without calls in
    flight is evicted first. Null when every session has a call in flight.
*/
HttpSession *HttpServer::createSession()
{
    while (m_sessions.size() >= m_options.maxSessions) {
        HttpSession *oldest = nullptr;
        for (HttpSession *s : std::as_const(m_sessions)) {
            if (!s->hasCallsInFlight() && (!oldest || s->lastActivity() < oldest->lastActivity())) {
                oldest = s;
            }
        }
        if (!oldest) {
            qCWarning(lcMcpHttp) << "session cap reached and every session has calls in flight";
            return nullptr;
        }
        qCInfo(lcMcpHttp) << "evicting least recently used idle session" << oldest->id();
        removeSession(oldest->id());
    }
    auto *session = new HttpSession(m_server, newSessionId(), this);
    m_sessions.insert(session->id(), session);
    return session;
}

void HttpServer::removeSession(const QByteArray &id)
{
    if (HttpSession *session = m_sessions.take(id)) {
        session->terminate();
        session->deleteLater();
    }
}

void HttpServer::sweepIdleSessions()
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addMSecs(-m_options.sessionIdleTimeoutMs);
    const auto sessions = m_sessions;
    for (HttpSession *s : sessions) {
        if (s->lastActivity() < cutoff && !s->hasCallsInFlight()) {
            removeSession(s->id());
        }
    }
}

} // namespace mcp
