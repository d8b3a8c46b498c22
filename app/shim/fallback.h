// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Answers the shim gives on its own: while DIMO Tray is not running, and for requests that were
// in flight when the tray went away. Every function returns one compact JSON line (no newline)
// and echoes the request's id byte for byte (raw JSON text, e.g. 9007199254740993 or "a").
namespace shim::fallback {

// The answer to one client line while the tray is unreachable; empty for notifications and
// responses (they get no answer).
//
// `refusal` non-empty: the shim refused to talk to the socket it found (a directory or a server
// of another user, mcp/wire/socketdir.h and peercred.h) and says why, to the client's user:
// initialize and every other request get a JSON-RPC error carrying it, tools/call an isError
// result; only ping succeeds.
QByteArray answer(const QByteArray &line, const QString &refusal = {});

// The answer to a request that was in flight when the tray connection dropped: an isError
// result for tools/call, a JSON-RPC error otherwise.
QByteArray interrupted(QByteArrayView rawId, bool toolsCall);

// The answer to a request whose response from the tray exceeded the line cap (dropped).
QByteArray tooLarge(QByteArrayView rawId);

} // namespace shim::fallback
