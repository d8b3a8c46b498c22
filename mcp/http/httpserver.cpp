// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/httpserver.h"

#include "mcp/http/httpconnection.h"
#include "mcp/http/httpera.h"
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
    if (!m_tcp->listen(QHostAddress::LocalHost, m_options.port)) {
        if (error) {
            *error = m_tcp->errorString();
        }
        return false;
    }
    m_sweep->start();
    qCInfo(lcMcpHttp) << "Streamable HTTP endpoint on" << url().toString()
                      << (m_options.bearerToken.isEmpty() ? "(no token)" : "(bearer token required)");
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
        if (m_connections >= m_options.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new HttpConnection(socket, this);
        ++m_connections;
        connect(connection, &HttpConnection::closed, this, [this] {
            --m_connections;
        });
        connect(connection, &HttpConnection::requestReady, this, [this, connection](const HttpRequest &request) {
            handleRequest(connection, request);
        });
    }
}

void HttpServer::handleRequest(HttpConnection *connection, const HttpRequest &request)
{
    // DNS rebinding: a browser page on evil.example resolving to 127.0.0.1 still sends its own Host/Origin.
    if (!http::originpolicy::isLoopbackHost(request.header("host"))) {
        qCWarning(lcMcpHttp) << "rejected request with Host" << request.header("host");
        reject(connection, 403, u"Forbidden: the Host header must name localhost, 127.0.0.1 or [::1]"_s);
        return;
    }
    if (!http::originpolicy::isAllowedOrigin(request.header("origin"))) {
        qCWarning(lcMcpHttp) << "rejected request with Origin" << request.header("origin");
        reject(connection, 403, u"Forbidden: Origin not allowed"_s);
        return;
    }
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
    if (!m_options.bearerToken.isEmpty()
        && !http::originpolicy::bearerMatches(request.header("authorization"), m_options.bearerToken)) {
        reject(connection,
               401,
               u"Unauthorized: a valid bearer token is required"_s,
               {{"WWW-Authenticate", R"(Bearer realm="dimo-tray")"}});
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
    if (!request.header("content-type").toLower().contains("application/json")) {
        reject(connection, 415, u"Unsupported Media Type: POST bodies must be application/json"_s);
        return;
    }
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
    session->handlePost(connection, request);
    if (!session->session()->isInitialized()) {
        removeSession(session->id());
    }
}

HttpSession *HttpServer::createSession()
{
    while (!m_sessions.isEmpty() && m_sessions.size() >= m_options.maxSessions) {
        HttpSession *oldest = *std::min_element(m_sessions.cbegin(), m_sessions.cend(), [](auto *a, auto *b) {
            return a->lastActivity() < b->lastActivity();
        });
        qCInfo(lcMcpHttp) << "evicting least recently used session" << oldest->id();
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
        if (s->lastActivity() < cutoff) {
            removeSession(s->id());
        }
    }
}

} // namespace mcp
