// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <utility>

namespace shim {

// What the shim remembers of its client's session so that a tray restart stays invisible: the
// initialize to replay, the requests in flight (answered by the shim if the tray goes away) and
// the id of a replayed initialize whose answer the client must not see. No I/O; every answer it
// makes echoes the request's id byte for byte.
class ClientState
{
public:
    // A client line, forwarded to the tray or answered locally (offline).
    void track(const QByteArray &line, bool offline);
    // The lines that re-create the client's session on a (re)connected tray; empty before the
    // client's initialize. The answer to the replayed initialize is then hidden by settle().
    QList<QByteArray> replay();
    // A line from the tray: forgets the request it answers. False if the client must not see it.
    bool settle(QByteArrayView trayLine);
    // The answer to the request whose response was dropped as oversize (found from the dropped
    // line's first bytes), or empty if that request is not in flight.
    QByteArray dropped(QByteArrayView head);
    // Answers for every request in flight (the tray went away, or stdin closed), then forgets them.
    QList<QByteArray> interruptAll();

    // The tray connection dropped: no replayed answer is pending any more.
    void disconnected() { m_replayId.clear(); }

    bool hasInFlight() const { return !m_inFlight.isEmpty(); }

    // Whether the client saw the fallback's empty tool list (then it is told the list changed).
    bool takeAnsweredOffline() { return std::exchange(m_answeredOffline, false); }

private:
    QHash<QByteArray, bool> m_inFlight; // raw request id → is tools/call
    QByteArray m_initializeLine; // the client's initialize, for replay
    QByteArray m_initializedLine; // its notifications/initialized
    QByteArray m_replayId; // id of a replayed initialize whose answer is swallowed
    int m_replayCount = 0;
    bool m_answeredOffline = false;
};

} // namespace shim
