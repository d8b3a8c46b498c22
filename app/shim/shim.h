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
// It is always in one of three modes, and a client line's fate depends only on the mode:
// - Relay: connected; the line goes to the tray.
// - Hold: a tray is expected (the first connection attempt, a tray just launched, a tray
//   restarting); the line waits, for at most 10 s after the launch or the restart.
// - Local: no tray; the line is answered by fallback::answer() while a retry runs every second.
// The first failed attempt launches `dimo-tray --background` (once). After a reconnection the
// client's session is replayed (ClientState) and requests that were in flight get an answer of
// their own. Stdout carries nothing but MCP lines.
//
// Nothing is sent to a socket that another user could have planted: before each attempt the
// socket's directory is checked (mcp::wire::checkSocketDir), after connecting the server's user
// (mcp::wire::peerIsSameUser). A failed check is a refusal: Local mode, no tray launch, and every
// request is answered with an error that says why (fallback::answer), once on stderr too.
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
    enum class Mode { Hold, Relay, Local };

    void connectToTray();
    void handleConnected();
    void handleUnreachable();
    void handleSocketError();
    void refuse(const QString &reason);
    void handleDisconnected();
    void hold(int forMs);
    void handleClientLine(const QByteArray &line);
    void answerLocally(const QByteArray &line);
    void handleTrayData();
    void handleEndOfInput();
    void answerEverythingDue();
    void finishIfDone();

    Options m_options;
    Mode m_mode = Mode::Hold;
    QDeadlineTimer m_holdUntil{QDeadlineTimer::Forever}; // Forever: the first attempt is running
    QLocalSocket *m_socket = nullptr;
    mcp::wire::StdinReader *m_stdin = nullptr;
    QTimer *m_retry = nullptr;
    bool m_closing = false; // stdin reached EOF; finish once nothing is due
    bool m_finished = false;
    QString m_refusal; // why the last socket found was refused; empty when none was

    QList<QByteArray> m_held; // client lines of the Hold mode
    ClientState m_client;
    mcp::wire::LineFramer m_trayFramer; // lines from the tray
};

} // namespace shim
