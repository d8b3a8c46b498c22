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
    QString document; // one of dimo/graphql/**.graphql (graphql::load)
    QJsonObject variables;
    QString operationName;
};

// Every GraphQL request the library sends is assembled here (one builder per kind).
namespace graphql {

// The text of a document shipped in dimo/graphql/ (embedded as the qrc prefix /dimo/graphql),
// e.g. load(u"identity/VehicleSacd.graphql"). Every GraphQL document the library sends is one of
// these files, so the contract test can validate them against DIMO's real schema.
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
// Telemetry, a shipped document: telemetry/<operation>.graphql.
Result<GraphQlRequest> telemetryOperation(const Environment &env, qint64 tokenId, const QString &operation);
// Aggregated history: interval a Go duration ("1h", "15m"), RFC 3339 times, from < to ≤ from + 31 days.
Result<GraphQlRequest>
signalHistory(const Environment &env, qint64 tokenId, const QString &from, const QString &to, const QString &interval);
// The introspection query for "identity" or "telemetry".
GraphQlRequest introspection(const Environment &env, const QString &service);

} // namespace graphql
} // namespace dimo
