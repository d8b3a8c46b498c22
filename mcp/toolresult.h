// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/protocolversion.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace mcp {

/// Builders for MCP content blocks.
namespace content {
QJsonObject text(const QString &text);
QJsonObject image(const QByteArray &base64, const QString &mimeType);
QJsonObject audio(const QByteArray &base64, const QString &mimeType);
QJsonObject embeddedText(const QString &uri, const QString &mimeType, const QString &text);
QJsonObject embeddedBlob(const QString &uri, const QString &mimeType, const QByteArray &base64);
QJsonObject resourceLink(const QString &uri, const QString &name, const QString &mimeType = {});
/// Rewrites blocks unknown to \a revision (audio before 2025-03-26, resource_link before 2025-06-18) as text.
QJsonObject forRevision(const QJsonObject &block, Revision revision);
} // namespace content

/// The result of a `tools/call`.
struct ToolResult
{
    QJsonArray content;
    QJsonObject structuredContent; ///< used when hasStructuredContent
    bool hasStructuredContent = false;
    bool isError = false;
    /// `_meta` of the result when not empty: for the client, not the model (e.g. what an MCP Apps
    /// view shows besides structuredContent).
    QJsonObject meta{};

    /// One text block.
    static ToolResult text(const QString &text);
    /// A tool execution error (`isError: true`) with text the model can act on.
    static ToolResult error(const QString &text);
    /// Structured content plus its compact JSON as a text mirror for older clients.
    static ToolResult structured(const QJsonObject &data);

    ToolResult &add(const QJsonObject &block);
    /// The wire form for \a revision (structuredContent only from 2025-06-18).
    QJsonObject toJson(Revision revision) const;
};

/// Cuts \a result to at most \a maxBytes of payload text, with a note telling the model how to narrow the request.
ToolResult capToolResult(ToolResult result, qsizetype maxBytes);

} // namespace mcp
