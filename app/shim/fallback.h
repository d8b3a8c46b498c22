// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Answers the shim gives on its own: while DIMO Tray is not running, and for requests that were
// in flight when the tray went away. Every function returns one compact JSON line (no newline).
namespace shim::fallback {

// The answer to one client line while the tray is unreachable; empty for notifications and
// responses (they get no answer).
QByteArray answer(const QByteArray &line);

// The answer to a request that was in flight when the tray connection dropped: an isError
// result for tools/call, a JSON-RPC error otherwise.
QByteArray interrupted(QByteArrayView rawId, bool toolsCall);

// The answer to a request whose response from the tray exceeded MaxLineBytes (dropped).
QByteArray tooLarge(QByteArrayView rawId);

// The answer to a client line that exceeded MaxLineBytes.
QByteArray oversize();

// `initialize` rewritten with the shim's own id, for replaying it to a restarted tray; empty if
// the line is not a JSON object.
QByteArray withId(const QByteArray &line, const QByteArray &id);

// The id a client's notifications/cancelled refers to (raw JSON text), or empty.
QByteArray cancelledId(const QByteArray &line);

} // namespace shim::fallback
