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

// The per-user default: RuntimeLocation + "/app/<app-id>/mcp.sock" on Unix (the directory is
// created with mode 0700), "<app-id>-mcp-<user>" as a Windows pipe name.
QString defaultSocketName();

// Resolution order: explicit override (e.g. --socket), then $DIMOTRAY_MCP_SOCKET, then the default.
QString resolveSocketName(const QString &override = {});

} // namespace mcp::wire
