// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/activation.h"

#include "app/tray/logging.h"
#include "mcp/wire/peercred.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace app {

namespace {

constexpr char Request[] = "activate\n";

} // namespace

ActivationServer::ActivationServer(const QString &mcpSocketName, QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
    , m_name(nameFor(mcpSocketName))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            QString why;
            if (!mcp::wire::peerIsSameUser(socket->socketDescriptor(), mcp::wire::PeerEnd::Client, &why)) {
                qCWarning(lcApp).noquote() << "ignored an activation request:" << why;
                socket->abort();
                socket->deleteLater();
                continue;
            }
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->canReadLine() && socket->readLine(64) == Request) {
                    Q_EMIT activationRequested();
                }
                socket->disconnectFromServer();
            });
        }
    });
}

QString ActivationServer::nameFor(const QString &mcpSocketName)
{
    return mcpSocketName + u"-activate"_s;
}

bool ActivationServer::listen()
{
    QLocalServer::removeServer(m_name); // we own the MCP socket, so this one is stale
    if (!m_server->listen(m_name)) {
        qCWarning(lcApp).noquote() << "a second launch cannot raise this instance:" << m_server->errorString();
        return false;
    }
    return true;
}

bool ActivationServer::requestActivation(const QString &mcpSocketName, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(nameFor(mcpSocketName));
    if (!socket.waitForConnected(timeoutMs)) {
        return false;
    }
    QString why;
    if (!mcp::wire::peerIsSameUser(socket.socketDescriptor(), mcp::wire::PeerEnd::Server, &why)) {
        qCWarning(lcApp).noquote() << "not asking" << socket.fullServerName() << "to show itself:" << why;
        return false;
    }
    socket.write(Request);
    const bool written = socket.waitForBytesWritten(timeoutMs);
    socket.disconnectFromServer();
    return written;
}

} // namespace app
