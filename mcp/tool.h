// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/protocolversion.h"
#include "mcp/responder.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace mcp {

/// Tool annotations. Every hint that carries information is sent (never left to the spec's
/// pessimistic defaults): readOnlyHint always, destructiveHint and idempotentHint for tools that
/// are not read-only, openWorldHint when false; see toJson().
struct ToolAnnotations
{
    QString title;
    bool readOnlyHint = false;
    bool destructiveHint = true;
    bool idempotentHint = false;
    bool openWorldHint = true;

    /// A read-only, idempotent, non-destructive tool (lookups, queries).
    static ToolAnnotations readOnly(const QString &title, bool openWorld = true);
    /// A tool that changes something (e.g. a vehicle command).
    static ToolAnnotations action(const QString &title, bool destructive, bool idempotent, bool openWorld = true);

    QJsonObject toJson() const;
};

/// Runs a tool: \a arguments already passed `inputSchema` validation; resolve \a responder once.
using ToolHandler = std::function<void(const QJsonObject &arguments, Responder responder)>;

/// One tool of the registry.
struct Tool
{
    QString name; ///< 1-128 chars of [A-Za-z0-9_.-]
    QString title;
    QString description;
    QJsonObject inputSchema; ///< empty = no arguments: {"type":"object","additionalProperties":false}
    QJsonObject outputSchema; ///< optional; when set, results must carry matching structuredContent
    ToolAnnotations annotations;
    QJsonArray icons; ///< optional (2025-11-25)
    ToolHandler handler;
    /// Non-empty: the tool exists only for clients that declared this extension (Server::addExtension):
    /// others neither see it in tools/list nor can call it (an unknown tool).
    QString extension{};
    /// Extension id → `_meta` members of the tools/list entry, sent only to clients that declared
    /// that extension (e.g. MCP Apps' `{"ui": {"resourceUri": ...}}`).
    QHash<QString, QJsonObject> extensionMeta{};

    static bool isValidName(const QString &name);
    QJsonObject effectiveInputSchema() const;
    /// The `tools/list` entry for \a revision (fields the revision lacks are left out).
    QJsonObject toJson(Revision revision) const;
};

} // namespace mcp
