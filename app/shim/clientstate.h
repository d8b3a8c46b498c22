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
// whether the answer to a replayed initialize is still to be hidden. No I/O; every answer it
// makes echoes the request's id byte for byte.
class ClientState
{
public:
    // The id the replayed initialize carries instead of the client's own.
    static constexpr QByteArrayView ReplayId = R"("mcp-dimo-replay")";

    // A client line, forwarded to the tray or answered locally.
    void track(const QByteArray &line, bool answeredLocally);
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

    bool hasInFlight() const { return !m_inFlight.isEmpty(); }

    // Whether the client saw the fallback's empty tool list (then it is told the list changed).
    bool takeAnsweredLocally() { return std::exchange(m_answeredLocally, false); }

private:
    QHash<QByteArray, bool> m_inFlight; // raw request id → is tools/call
    QList<QByteArray> m_replay; // the client's initialize (with ReplayId), its notifications/initialized
    bool m_hideReplayAnswer = false;
    bool m_answeredLocally = false;
};

} // namespace shim
