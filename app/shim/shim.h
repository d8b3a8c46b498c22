// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/shim/clientstate.h"
#include "mcp/wire/lineframer.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QString>

class QLocalSocket;
class QTimer;

namespace mcp::wire {
class StdinReader;
} // namespace mcp::wire

namespace shim {

// The mcp-dimo line pump: stdin ⇄ the tray's local socket, one JSON-RPC message per line.
//
// Start-up: connect; if the socket is absent, launch `dimo-tray --background` and retry for up
// to 10 s; then answer locally (fallback) while retrying once a second. After a tray restart the
// client's initialize (answer swallowed) and notifications/initialized are replayed, and
// requests that were in flight get an error answer. Stdout carries nothing but MCP lines.
class Shim : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString socketName; // resolved name (see mcp::wire::resolveSocketName)
        QString socketOverride; // passed on to an auto-started tray as --socket
        bool autoStart = true;
    };

    explicit Shim(Options options, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    enum class State { Connecting, Waiting, Connected, Offline };

    void connectToTray();
    void handleConnected();
    void handleSocketError();
    void handleDisconnected();
    void handleRetry();
    void waitForTray();
    void goOffline();
    void handleClientLine(const QByteArray &line);
    void forwardToTray(const QByteArray &line);
    void answerOffline(const QByteArray &line);
    void handleEndOfInput();
    void finishIfDone();
    void handleTrayData();
    void handleTrayLine(QByteArrayView line);
    void answerInFlight();

    Options m_options;
    State m_state = State::Connecting;
    QLocalSocket *m_socket = nullptr;
    mcp::wire::StdinReader *m_stdin = nullptr;
    QTimer *m_retry = nullptr;
    QDeadlineTimer m_waitDeadline;
    bool m_launched = false;
    bool m_closing = false; // stdin reached EOF; finish once nothing is due
    bool m_finished = false;

    QList<QByteArray> m_queue; // client lines waiting for a connection
    ClientState m_client;
    mcp::wire::LineFramer m_trayFramer; // lines from the tray
};

} // namespace shim
