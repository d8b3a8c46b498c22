// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/clients/platform.h"
#include "ui/connect/clientsnippet.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace app {

/// `{"mcpServers":{"dimo":{"command":shim,"args":[]}}}` (Claude Desktop, Cursor, `.mcp.json`).
QString mcpServersSnippet(const QString &shim);
/// `claude mcp add --scope user dimo -- <shim>`, the path quoted for `os`'s shell when needed.
QString claudeCodeSnippet(const QString &shim, Os os = currentOs());
/// `.vscode/mcp.json`: `{"servers":{"dimo":{"type":"stdio","command":shim,"args":[]}}}`.
QString vscodeSnippet(const QString &shim);
/// The HTTP endpoint: URL, the `Authorization: Bearer <token>` header and the Claude Code,
/// Cursor and VS Code forms (server name `dimo-http`). Contains the token in clear text.
QString httpSnippet(const QUrl &url, const QString &token);

/// The snippets the connect dialog shows as tabs: Claude Code, Cursor, VS Code.
QList<ui::ClientSnippet> clientSnippets(const QString &shim, Os os = currentOs());

/// A fresh bearer token for the HTTP endpoint: 32 bytes from the system CSPRNG, base64url
/// without padding (43 characters of [A-Za-z0-9_-]).
QByteArray generateHttpToken();

} // namespace app
