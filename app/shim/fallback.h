// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Answers the shim gives on its own: while DIMO Tray is not running, and for requests that were
// in flight when the tray went away. Every function returns one compact JSON line (no newline)
// and echoes the request's id byte for byte (raw JSON text, e.g. 9007199254740993 or "a").
namespace shim::fallback {

// The answer to one client line while the tray is unreachable; empty for notifications and
// responses (they get no answer).
QByteArray answer(const QByteArray &line);

// The answer to a request that was in flight when the tray connection dropped: an isError
// result for tools/call, a JSON-RPC error otherwise.
QByteArray interrupted(QByteArrayView rawId, bool toolsCall);

// The answer to a request whose response from the tray exceeded the line cap (dropped).
QByteArray tooLarge(QByteArrayView rawId);

// The line with its top-level id replaced by \a rawId (for replaying the client's initialize
// to a restarted tray); empty if the line has no id.
QByteArray withId(const QByteArray &line, QByteArrayView rawId);

// The id a client's notifications/cancelled refers to (raw JSON text), or empty.
QByteArray cancelledId(const QByteArray &line);

} // namespace shim::fallback
