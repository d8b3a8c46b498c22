// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

// Shared by dimo-tray and the mcp-dimo shim: where the tray's MCP socket lives. QtCore only.
namespace mcp::wire {

// Environment variable that overrides the socket name (tests, several instances).
inline constexpr const char *SocketEnvVar = "DIMOTRAY_MCP_SOCKET";

// Application id used for the runtime directory and the Windows pipe name.
QString appId();

// The per-user default: privateSocketDir() + "/mcp.sock" on Unix ($XDG_RUNTIME_DIR/app/<app-id>
// or ~/.cache/<app-id>, never the temp directory; created and checked by prepareSocketDir() in
// socketdir.h, not here), windowsPipeName(<the user's SID>) on Windows.
QString defaultSocketName();

// The Windows pipe name for a user: "<app-id>-mcp-<sid>". Pipe names share one namespace per
// machine, so the key must be unique per account and not chosen by the user: the SID, never
// %USERNAME% (two domains can have the same user name, and anyone can set the variable). An empty
// SID (the token could not be read) gives "<app-id>-mcp-unknown-user". Pure: tested on every OS.
QString windowsPipeName(const QString &sid);

// Resolution order: explicit override (e.g. --socket), then $DIMOTRAY_MCP_SOCKET, then the default.
// On Unix a name that is not an absolute path ("work.sock") is put into privateSocketDir(), not
// into the temp directory where QLocalServer would put it.
QString resolveSocketName(const QString &override = {});

} // namespace mcp::wire
