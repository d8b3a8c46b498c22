// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/jobadapter.h"
#include "app/tools/toolkit.h"
#include "dimo/core/result.h"
#include "dimo/graphql/documents.h"
#include "mcp/schema.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <functional>

namespace app::tools {

class Backend;

// One typed Telemetry query for one vehicle. Its document is one of dimo/graphql's (a shipped
// file or a builder's), each of which asks for lastSeen (signalsLatest, or `_seen: signalsLatest
// { lastSeen }` beside its root) so every answer says how old the data is.
struct TelemetryCall
{
    qint64 tokenId = 0;
    dimo::graphql::Document query; // dimo::graphql::shipped(u"telemetry"_s, u"Events"_s), latestSignals(…)
    QJsonObject variables;
    QList<int> privileges;
    // data → the structured answer (tokenId and freshness are added).
    std::function<QJsonObject(const QJsonObject &data)> shape;

    QString document() const { return query.text; }

    QJsonObject queryVariables() const; // `variables` plus $tokenId
    // data → the structured answer: the shape plus tokenId and freshness (as of `now`).
    QJsonObject answer(const QJsonObject &data, const QDateTime &now) const;
};

// telemetry_get_latest_signals: {signalNames: [...]} → the call (names checked against the catalog).
dimo::Result<TelemetryCall> latestSignalsCall(const QJsonObject &arguments);

// Runs the call and answers the tool: structured content + compact text, or isError.
void runTelemetry(Backend &backend, const TelemetryCall &call, const SharedResponder &responder);

// A typed telemetry tool: `tokenId` (required) plus `extra` arguments; the handler checks the
// token id, builds the call with `build`, passes an object `filter` argument through as the
// `$filter` variable, and runs it.
ToolSpec telemetryTool(const QString &name,
                       const QString &title,
                       const QString &description,
                       const mcp::schema::Properties &extra,
                       QStringList required,
                       Backend &backend,
                       const std::function<dimo::Result<TelemetryCall>(const QJsonObject &arguments)> &build,
                       int flags = 0);

// The generic output schema of typed telemetry tools: {tokenId, freshness, ...}.
QJsonObject telemetryOutputSchema();

} // namespace app::tools
