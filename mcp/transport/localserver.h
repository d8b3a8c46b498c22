// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QLockFile;
class QLocalServer;
class QLocalSocket;

namespace mcp::transport {

class LineChannel;

// A per-user QLocalServer (UserAccessOption) that hands out one LineChannel per connection.
//
// start() is asynchronous and ends in exactly one of listening(), alreadyRunning() or failed().
// First the socket's directory is created or checked (mcp/wire/socketdir.h: failed() when another
// user could write to it). Then an instance lock file beside the socket (held while the server
// lives) settles concurrent starts; then a probe connection decides between a live instance (alreadyRunning(), the
// socket is left alone; failed() if it runs as another user), a stale socket left by a crash (refused: removed, then
// listen) and a free name. Connections from processes of another user are dropped.
class LocalServer : public QObject
{
    Q_OBJECT
public:
    explicit LocalServer(QString name, QObject *parent = nullptr);
    ~LocalServer() override;

    void start();
    // Stops listening (removing the socket file) and closes every open channel.
    void close();

    QString name() const { return m_name; }

    // The full path (Unix) or pipe name (Windows) once listening.
    QString fullServerName() const;
    bool isListening() const;

    int connectionCount() const { return m_connectionCount; }

Q_SIGNALS:
    void listening();
    void alreadyRunning();
    void failed(const QString &error);
    // The channel is owned by the server and deleted (deleteLater) after it emits closed().
    void newChannel(mcp::transport::LineChannel *channel);
    void connectionCountChanged(int count);

private:
    void listen();
    QString lockPath() const;
    void handleProbeConnected();
    void handleProbeError();
    void handleNewConnection();
    void handleChannelClosed(LineChannel *channel);

    QString m_name;
    QLocalServer *m_server = nullptr;
    QPointer<QLocalSocket> m_probe;
    std::unique_ptr<QLockFile> m_lock;
    int m_connectionCount = 0;
};

} // namespace mcp::transport
