// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/server.h"

#include "mcp/logging.h"

namespace mcp {

Server::Server(ServerInfo info, QObject *parent)
    : QObject(parent)
    , m_info(std::move(info))
{}

bool Server::addExtension(Extension extension)
{
    if (extension.id.isEmpty()) {
        qCWarning(lcMcp) << "extension without an id not added";
        return false;
    }
    for (const Extension &e : std::as_const(m_extensions)) {
        if (e.id == extension.id) {
            qCWarning(lcMcp) << "duplicate extension" << extension.id << "not added";
            return false;
        }
    }
    m_extensions.append(std::move(extension));
    return true;
}

bool Server::clientDeclares(const QJsonObject &clientCapabilities, const QString &id) const
{
    for (const Extension &e : m_extensions) {
        if (e.id == id) {
            return e.declaredBy(clientCapabilities);
        }
    }
    return false;
}

} // namespace mcp
