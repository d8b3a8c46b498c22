// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/transport/localserver.h"

#include "mcp/transport/linechannel.h"
#include "mcp/transport/logging.h"
#include "mcp/wire/peercred.h"
#include "mcp/wire/socketdir.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTransport, "dimotray.mcp.transport", QtInfoMsg) // declared in mcp/transport/logging.h

namespace mcp::transport {

LocalServer::LocalServer(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(256);
    connect(m_server, &QLocalServer::newConnection, this, &LocalServer::handleNewConnection);
}

LocalServer::~LocalServer()
{
    close();
}

void LocalServer::start()
{
    // Nothing in the socket's directory (the lock file, a socket to probe) is trusted before the
    // directory is: another user who can write there could plant either.
    const mcp::wire::DirCheck dir = mcp::wire::prepareSocketDir(m_name);
    if (!dir.ok()) {
        Q_EMIT failed(dir.error);
        return;
    }
    // The instance lock closes the race of two instances starting at once (e.g. two shims
    // auto-starting the tray): listen() with socket options would replace the other's socket.
    m_lock = std::make_unique<QLockFile>(lockPath());
    m_lock->setStaleLockTime(0); // held for the instance's lifetime; stale only if its owner died
    if (!m_lock->tryLock(0)) {
        const bool held = m_lock->error() == QLockFile::LockFailedError;
        m_lock.reset();
        if (held) {
            Q_EMIT alreadyRunning();
        } else {
            Q_EMIT failed(u"cannot create the instance lock %1"_s.arg(lockPath()));
        }
        return;
    }
    // Probe first: QLocalServer::listen() with socket options silently replaces an existing
    // socket file, so a live instance must be detected before listening.
    m_probe = new QLocalSocket(this);
    connect(m_probe, &QLocalSocket::connected, this, &LocalServer::handleProbeConnected);
    connect(m_probe, &QLocalSocket::errorOccurred, this, &LocalServer::handleProbeError);
    m_probe->connectToServer(m_name);
}

void LocalServer::handleProbeConnected()
{
    QString why;
    const bool ours = mcp::wire::peerIsSameUser(m_probe->socketDescriptor(), mcp::wire::PeerEnd::Server, &why);
    m_probe->disconnect(this);
    m_probe->abort();
    m_probe->deleteLater();
    if (!ours) {
        m_lock.reset();
        Q_EMIT failed(u"%1 is not served by DIMO Tray of this user: %2. Stop that process or remove the "
                      "socket, then start again"_s.arg(m_name, why));
        return;
    }
    Q_EMIT alreadyRunning();
}

void LocalServer::handleProbeError()
{
    if (!m_probe) {
        return;
    }
    const auto error = m_probe->error();
    const QString text = m_probe->errorString();
    m_probe->disconnect(this);
    m_probe->deleteLater();
    if (error == QLocalSocket::ServerNotFoundError) {
        listen();
    } else if (error == QLocalSocket::ConnectionRefusedError) {
        // A socket file nobody accepts on: left behind by a crash.
        qCInfo(lcTransport) << "removing stale socket" << m_name;
        QLocalServer::removeServer(m_name);
        listen();
    } else {
        m_lock.reset();
        Q_EMIT failed(u"%1 is in use and does not answer: %2"_s.arg(m_name, text));
    }
}

void LocalServer::listen()
{
    if (!m_server->listen(m_name)) {
        m_lock.reset();
        Q_EMIT failed(u"cannot listen on %1: %2"_s.arg(m_name, m_server->errorString()));
        return;
    }
    qCDebug(lcTransport) << "listening on" << m_server->fullServerName();
    Q_EMIT listening();
}

void LocalServer::close()
{
    if (m_server->isListening()) {
        m_server->close();
    }
    const auto channels = findChildren<LineChannel *>(Qt::FindDirectChildrenOnly);
    for (LineChannel *channel : channels) {
        channel->close();
    }
    m_lock.reset(); // unlocks
}

QString LocalServer::lockPath() const
{
    // Beside the socket file, in the directory start() checked. Unix names are absolute paths by
    // then (start() refuses others); Windows pipe names resolve to the user's own temp directory.
    if (m_name.contains(u'/')) {
        return m_name + u".lock"_s;
    }
    return QDir::tempPath() + u'/' + m_name + u".lock"_s;
}

QString LocalServer::fullServerName() const
{
    return m_server->isListening() ? m_server->fullServerName() : m_name;
}

bool LocalServer::isListening() const
{
    return m_server->isListening();
}

void LocalServer::handleNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        QString why;
        if (!mcp::wire::peerIsSameUser(socket->socketDescriptor(), mcp::wire::PeerEnd::Client, &why)) {
            qCWarning(lcTransport).noquote() << "dropped a connection on" << m_name << "-" << why;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(nullptr); // the channel owns it
        auto *channel = new LineChannel(socket, this);
        connect(channel, &LineChannel::closed, this, [this, channel] {
            handleChannelClosed(channel);
        });
        ++m_connectionCount;
        Q_EMIT newChannel(channel);
        Q_EMIT connectionCountChanged(m_connectionCount);
    }
}

void LocalServer::handleChannelClosed(LineChannel *channel)
{
    channel->deleteLater();
    --m_connectionCount;
    Q_EMIT connectionCountChanged(m_connectionCount);
}

} // namespace mcp::transport
