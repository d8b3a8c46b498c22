// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/mcphost.h"

#include "app/tray/logging.h"
#include "app/tray/serverinfo.h"
#include "mcp/http/httpserver.h"
#include "mcp/server.h"
#include "mcp/session.h"
#include "mcp/transport/linechannel.h"
#include "mcp/transport/localserver.h"
#include "mcp/wire/lineframer.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace app {

using mcp::transport::LineChannel;
using mcp::transport::LocalServer;

McpHost::McpHost(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_server(new mcp::Server(serverInfo(), this))
    , m_local(new LocalServer(options.socketName, this))
{
    m_server->setModernEraEnabled(options.modernEra);
    connect(m_local, &LocalServer::listening, this, &McpHost::handleListening);
    connect(m_local, &LocalServer::alreadyRunning, this, &McpHost::alreadyRunning);
    connect(m_local, &LocalServer::failed, this, &McpHost::failed);
    connect(m_local, &LocalServer::newChannel, this, &McpHost::attach);
    connect(m_local, &LocalServer::connectionCountChanged, this, &McpHost::clientCountChanged);
}

McpHost::~McpHost()
{
    stop();
}

void McpHost::start()
{
    m_local->start();
}

void McpHost::stop()
{
    m_local->close();
}

void McpHost::handleListening()
{
    qCInfo(lcHost).noquote() << "MCP server listening on" << m_local->fullServerName();
    if (m_options.httpPort) {
        QString error;
        if (!startHttp(*m_options.httpPort, m_options.httpToken, &error)) {
            Q_EMIT failed(error);
            return;
        }
    }
    Q_EMIT ready();
}

bool McpHost::startHttp(quint16 port, const QByteArray &bearerToken, QString *error)
{
    if (m_http) {
        return true;
    }
    mcp::HttpServer::Options httpOptions;
    httpOptions.port = port;
    httpOptions.bearerToken = bearerToken;
    httpOptions.allowNoToken = m_options.insecureNoToken; // listen() warns; otherwise it needs a token
    m_http = new mcp::HttpServer(m_server, httpOptions, this);
    QString why;
    if (!m_http->listen(&why)) {
        delete m_http;
        m_http = nullptr;
        if (error) {
            *error = u"cannot serve HTTP on port %1: %2"_s.arg(port).arg(why);
        }
        return false;
    }
    m_httpToken = bearerToken;
    qCInfo(lcHost).noquote() << "MCP over HTTP at" << m_http->url().toString()
                             << (bearerToken.isEmpty() ? "(no bearer token)" : "(bearer token required)");
    Q_EMIT httpStarted(m_http->url());
    return true;
}

void McpHost::attach(LineChannel *channel)
{
    // The session lives as long as its connection (the channel is deleted after closed()).
    mcp::Session *session = m_server->createSession(channel);
    connect(channel, &LineChannel::lineReceived, session, &mcp::Session::receive);
    connect(session, &mcp::Session::send, channel, &LineChannel::sendLine);
    connect(channel, &LineChannel::oversizeLine, channel, [channel](const QByteArray &head) {
        channel->sendLine(mcp::wire::oversizeErrorLine(head));
    });
    connect(channel, &LineChannel::closed, session, &mcp::Session::close);
}

QString McpHost::socketPath() const
{
    return m_local->fullServerName();
}

QUrl McpHost::httpUrl() const
{
    return m_http ? m_http->url() : QUrl();
}

int McpHost::clientCount() const
{
    return m_local->connectionCount();
}

} // namespace app
