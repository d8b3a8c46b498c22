// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/server.h"

namespace mcp {

Server::Server(ServerInfo info, QObject *parent)
    : QObject(parent)
    , m_info(std::move(info))
{}

} // namespace mcp
