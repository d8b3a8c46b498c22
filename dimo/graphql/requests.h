// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"
#include "dimo/environment.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace dimo {

struct GraphQlRequest
{
    QUrl url; // …/query
    QString service; // "identity" or "telemetry"
    QString document; // one of graphql::registry() (dimo/graphql/documents.h), or a caller's own
    QJsonObject variables;
    QString operationName;
};

// Every GraphQL request the library sends is assembled here (one builder per kind).
namespace graphql {

// The text of a document shipped in dimo/graphql/ (embedded as the qrc prefix /dimo/graphql),
// e.g. load(u"identity/VehicleSacd.graphql"). Every GraphQL document the product sends (the
// library's and the tools') is one of these files or comes from one of the builders in
// dimo/graphql/documents.h, all listed in graphql::registry(), so the contract test validates each
// against DIMO's real schema. The exception is the user's own documents: the text that a
// graphql_query-style tool or a batch query passes through is written by the caller (the AI
// client), sent as given and validated by DIMO, not by us (identityDocument()/telemetry() below).
QString load(const QString &relativePath);

// Identity, a shipped document: identity/<operation>.graphql with operationName <operation>.
GraphQlRequest identity(const Environment &env, const QString &operation, const QJsonObject &variables);
// Identity, a caller's document (public API, no token).
GraphQlRequest identityDocument(const Environment &env,
                                const QString &document,
                                const QJsonObject &variables,
                                const QString &operationName = {});
// Telemetry for one vehicle: `tokenId` is added to the variables unless present; rejects ids ≤ 0.
Result<GraphQlRequest> telemetry(const Environment &env,
                                 qint64 tokenId,
                                 const QString &document,
                                 QJsonObject variables,
                                 const QString &operationName = {});
// The introspection query for "identity" or "telemetry".
GraphQlRequest introspection(const Environment &env, const QString &service);

} // namespace graphql
} // namespace dimo
