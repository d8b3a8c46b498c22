// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

// The one source shared by dimo-tray and the mcp-dimo shim: where the tray's MCP socket lives
// and how long one NDJSON line may be. QtCore only.
namespace mcp::transport {

// Largest accepted NDJSON line (without the newline). Longer lines are dropped.
inline constexpr qsizetype MaxLineBytes = 4 * 1024 * 1024;

// Environment variable that overrides the socket name (tests, several instances).
inline constexpr char SocketEnvVar[] = "DIMOTRAY_MCP_SOCKET";

// Application id used for the runtime directory and the Windows pipe name.
QString appId();

// The per-user default: RuntimeLocation + "/app/<app-id>/mcp.sock" on Unix (the directory is
// created with mode 0700), "<app-id>-mcp-<user>" as a Windows pipe name.
QString defaultSocketName();

// Resolution order: explicit override (e.g. --socket), then $DIMOTRAY_MCP_SOCKET, then the default.
QString resolveSocketName(const QString &override = {});

// The JSON-RPC error line sent when an oversize line was dropped (compact JSON, no newline).
QByteArray oversizeErrorLine();

} // namespace mcp::transport
