// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// batch_telemetry_query, batch_vehicle_data_summary: at most 50 vehicles, at most 8 requests in
// flight, one result or error per vehicle; one failure never fails the batch.
#include "app/tools/backend.h"
#include "app/tools/jobadapter.h"
#include "app/tools/queryhelp.h"
#include "app/tools/toolkit.h"
#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"
#include "mcp/schema.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

constexpr int MaxVehicles = 50;
constexpr int MaxInFlight = 8;

// Runs one telemetry document for many vehicles, at most MaxInFlight at once.
class Batch : public QObject
{
public:
    Batch(dimo::Client *client,
          QString document,
          QJsonObject variables,
          QList<qint64> ids,
          SharedResponder responder,
          QObject *parent)
        : QObject(parent)
        , m_client(client)
        , m_document(std::move(document))
        , m_variables(std::move(variables))
        , m_pending(std::move(ids))
        , m_total(int(m_pending.size()))
        , m_responder(std::move(responder))
    {
        m_responder->onCancelled([self = QPointer<Batch>(this)] {
            if (self) {
                for (const auto &job : std::as_const(self->m_running)) {
                    if (job) {
                        job->cancel();
                    }
                }
                self->deleteLater();
            }
        });
    }

    void start()
    {
        while (m_running.size() < MaxInFlight && !m_pending.isEmpty()) {
            launch(m_pending.takeFirst());
        }
    }

private:
    void launch(qint64 tokenId)
    {
        QJsonObject variables = m_variables;
        variables.insert(u"tokenId"_s, tokenId);
        auto *job =
            m_client->telemetryQuery(tokenId, m_document, variables, privilegesForTelemetryDocument(m_document));
        m_running << QPointer<dimo::GraphQlJob>(job);
        connect(job, &dimo::GraphQlJob::finished, this, [this, tokenId, job](const dimo::Result<QJsonObject> &r) {
            m_running.removeAll(QPointer<dimo::GraphQlJob>(job));
            if (!m_responder->isPending()) {
                return;
            }
            QJsonObject row{{u"tokenId"_s, tokenId}};
            if (r) {
                row.insert(u"data"_s, r.value());
                ++m_ok;
            } else {
                row.insert(u"error"_s, r.error().toString());
            }
            m_results.append(row);
            m_responder->progress(double(m_results.size()), double(m_total));
            if (m_results.size() == m_total) {
                m_responder->resolve(mcp::ToolResult::structured(
                    QJsonObject{{u"succeeded"_s, m_ok}, {u"failed"_s, m_total - m_ok}, {u"results"_s, m_results}}));
                deleteLater();
                return;
            }
            start();
        });
    }

    dimo::Client *m_client;
    QString m_document;
    QJsonObject m_variables;
    QList<qint64> m_pending;
    int m_total;
    SharedResponder m_responder;
    QList<QPointer<dimo::GraphQlJob>> m_running;
    QJsonArray m_results;
    int m_ok = 0;
};

void runBatch(Backend &backend, const QString &document, const QJsonObject &arguments, const SharedResponder &responder)
{
    QList<qint64> ids;
    QStringList bad;
    for (const QJsonValue &v : arguments.value(u"tokenIds"_s).toArray()) {
        const qint64 id = v.toInteger(0);
        if (id <= 0 || id > args::MaxTokenId || !v.isDouble()) {
            bad << QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        } else if (!ids.contains(id)) {
            ids << id;
        }
    }
    if (!bad.isEmpty() || ids.isEmpty() || ids.size() > MaxVehicles) {
        responder->resolve(mcp::ToolResult::error(
            !bad.isEmpty()
                ? u"tokenIds must be DIMO token ids, integers from 1 to %1; these are not: %2"_s.arg(
                    QString::number(args::MaxTokenId), bad.join(u", "_s))
                : u"tokenIds needs 1 to %1 vehicle token ids (got %2); split larger fleets into several calls"_s
                      .arg(MaxVehicles)
                      .arg(ids.size())));
        return;
    }
    const CallStart call = startCall(backend, responder);
    if (!call) {
        return;
    }
    auto *batch =
        new Batch(call.client, document, arguments.value(u"variables"_s).toObject(), ids, responder, &backend);
    batch->start();
}

QJsonObject idsSchema()
{
    return schema::array({}, schema::integer({}), MaxVehicles);
}

} // namespace

QList<ToolSpec> batchTools(Backend &backend)
{
    QList<ToolSpec> tools;
    tools << ToolSpec{
        mcp::Tool{u"batch_telemetry_query"_s,
                  u"Telemetry query for many vehicles"_s,
                  u"telemetry_query using $tokenId: Int! for up to 50 vehicles; a result or error each."_s,
                  schema::object({{u"query"_s, schema::string({})},
                                  {u"tokenIds"_s, idsSchema()},
                                  {u"variables"_s, QJsonObject{{u"type"_s, u"object"_s}}}},
                                 {u"query"_s, u"tokenIds"_s}),
                  {},
                  mcp::ToolAnnotations::readOnly(u"Telemetry query for many vehicles"_s),
                  {},
                  [&backend](const QJsonObject &arguments, mcp::Responder r) {
                      const QString document = arguments.value(u"query"_s).toString();
                      if (!document.contains(u"$tokenId"_s)) {
                          r.fail(u"the query must use the variable $tokenId (e.g. query($tokenId: Int!) { "
                                 "signalsLatest(tokenId: $tokenId) { lastSeen } }), which is set per vehicle"_s);
                          return;
                      }
                      runBatch(backend, document, arguments, share(std::move(r)));
                  }},
        0};
    tools << ToolSpec{mcp::Tool{u"batch_vehicle_data_summary"_s,
                                u"Data summary for many vehicles"_s,
                                u"vehicle_data_summary for up to 50 vehicles."_s,
                                schema::object({{u"tokenIds"_s, idsSchema()}}, {u"tokenIds"_s}),
                                {},
                                mcp::ToolAnnotations::readOnly(u"Data summary for many vehicles"_s),
                                {},
                                [&backend](const QJsonObject &arguments, mcp::Responder r) {
                                    runBatch(backend,
                                             dimo::graphql::shipped(u"telemetry"_s, u"DataSummaryBrief"_s).text,
                                             arguments,
                                             share(std::move(r)));
                                }},
                      0};
    return tools;
}

} // namespace app::tools
