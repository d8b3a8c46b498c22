// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/session.h"

#include "mcp/server.h"
#include "mcp/sessioncore.h"

using namespace Qt::StringLiterals;

namespace mcp {

Session::Session(Server *server, QObject *parent)
    : QObject(parent)
{
    m_core = std::make_shared<SessionCore>(server, this, [this](const Outgoing &out) {
        if (out.kind != Outgoing::Kind::Dropped && out.kind != Outgoing::Kind::CloseStream) {
            Q_EMIT send(out.json);
        }
        Q_EMIT routed(out);
    });
    connect(&server->registry(), &Registry::resourceUpdated, this, [this](const QString &uri) {
        if (m_core->state().subscriptions.contains(uri)) {
            m_core->notify(u"notifications/resources/updated"_s, QJsonObject{{u"uri"_s, uri}});
        }
    });
}

// Server's factory lives with what it makes, so the engine's server.cpp never includes session.h.
Session *Server::createSession(QObject *parent)
{
    return new Session(this, parent);
}

Session::~Session()
{
    m_core->close();
}

void Session::receive(const QByteArray &message)
{
    // Keep the core alive while a handler might delete this session from a signal.
    const std::shared_ptr<SessionCore> core = m_core;
    core->receive(message);
}

void Session::close()
{
    const std::shared_ptr<SessionCore> core = m_core;
    core->close();
}

bool Session::isInitialized() const
{
    return m_core->state().phase == SessionState::Phase::Initialized
        || m_core->state().phase == SessionState::Phase::Ready;
}

bool Session::isClosed() const
{
    return m_core->isClosed();
}

Revision Session::revision() const
{
    return m_core->state().revision;
}

} // namespace mcp
