// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/server.h"

#include "mcp/session.h"

namespace mcp {

Server::Server(ServerInfo info, QObject *parent)
    : QObject(parent)
    , m_info(std::move(info))
{}

Session *Server::createSession(QObject *parent)
{
    return new Session(this, parent);
}

} // namespace mcp
