// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/protocolversion.h"
#include "mcp/rpcerror.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mcp {

/// One item of a `resources/read` result: text, or binary data (base64 on the wire).
struct ResourceContents
{
    QString uri;
    QString mimeType;
    QString text;
    QByteArray blob; ///< raw bytes, used when isBlob
    bool isBlob = false;
    QJsonObject meta{}; ///< `_meta` of the item when not empty (e.g. MCP Apps' `ui.csp`)

    QJsonObject toJson() const;
};

/// What a resource reader returns: contents or an error (e.g. ResourceReadResult::notFound).
struct ResourceReadResult
{
    QList<ResourceContents> contents;
    std::optional<RpcError> error;

    static ResourceReadResult notFound(const QString &uri);
};

/// Reads \a uri; \a variables holds the template variables (empty for static resources).
using ResourceReader = std::function<ResourceReadResult(const QString &uri, const QHash<QString, QString> &variables)>;
/// Completes argument \a name from the typed prefix \a value (`completion/complete`).
using Completer =
    std::function<QStringList(const QString &name, const QString &value, const QHash<QString, QString> &context)>;

struct Resource
{
    QString uri;
    QString name;
    QString title;
    QString description;
    QString mimeType;
    ResourceReader read;
    /// Non-empty: listed and readable only by clients that declared this extension
    /// (Server::addExtension); others get "resource not found".
    QString extension{};
    QJsonObject meta{}; ///< `_meta` of the resources/list entry when not empty

    QJsonObject toJson(Revision revision) const;
};

/// A resource template with RFC 6570 level-1 variables: `test://template/{id}/data`.
struct ResourceTemplate
{
    QString uriTemplate;
    QString name;
    QString title;
    QString description;
    QString mimeType;
    ResourceReader read;
    Completer complete;

    /// The variables when \a uri matches the template.
    std::optional<QHash<QString, QString>> match(const QString &uri) const;
    QJsonObject toJson(Revision revision) const;
};

} // namespace mcp
