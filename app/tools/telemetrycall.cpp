// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/telemetrycall.h"

#include "app/tools/backend.h"
#include "app/tools/timerules.h"
#include "app/tools/views.h"
#include "dimo/graphql/graphqljob.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace app::tools {

QJsonObject TelemetryCall::queryVariables() const
{
    QJsonObject out = variables;
    out.insert(u"tokenId"_s, tokenId);
    return out;
}

QJsonObject TelemetryCall::answer(const QJsonObject &data, const QDateTime &now) const
{
    QJsonObject out = shape ? shape(data) : data;
    const QJsonObject seen = data.value(u"_seen"_s).isObject() ? data.value(u"_seen"_s).toObject()
                                                               : data.value(u"signalsLatest"_s).toObject();
    const QDateTime lastSeen = QDateTime::fromString(seen.value(u"lastSeen"_s).toString(), Qt::ISODateWithMs);
    out.insert(u"tokenId"_s, tokenId);
    out.insert(u"freshness"_s, freshness(lastSeen, now));
    return out;
}

QJsonObject telemetryOutputSchema()
{
    // The shape (tokenId, freshness, the data) is in the text mirror; listing it here would cost every
    // session's context for each of the ten tools.
    return QJsonObject{{u"type"_s, u"object"_s}};
}

namespace {

dimo::Result<dimo::GraphQlJob *> start(Backend &backend, const TelemetryCall &call)
{
    const auto client = backend.client();
    if (!client) {
        return client.error();
    }
    return client.value()->telemetryQuery(
        call.tokenId, call.document(), call.queryVariables(), call.privileges, call.query.operation);
}

// The structured answer, kept as the vehicle's latest signals when it holds some.
QJsonObject answer(Backend &backend, const TelemetryCall &call, const QJsonObject &data)
{
    const QJsonObject out = call.answer(data, backend.now());
    if (out.value(u"signals"_s).isObject()) {
        backend.vehicles().setLatestSignals(call.tokenId, out); // for dimo://vehicles/{tokenId} and the window
    }
    return out;
}

} // namespace

void runTelemetry(Backend &backend, const TelemetryCall &call, const SharedResponder &responder)
{
    const auto job = start(backend, call);
    if (!job) {
        responder->resolve(errorResult(job.error()));
        return;
    }
    respond(job.value(), responder, [&backend, call](const QJsonObject &data, const SharedResponder &r) {
        mcp::ToolResult result = mcp::ToolResult::structured(answer(backend, call, data));
        views::addVehicleMeta(result, backend, call.tokenId, *r);
        r->resolve(result);
    });
}

// Registers a typed tool whose handler checks the token id and builds a TelemetryCall.
ToolSpec telemetryTool(const QString &name,
                       const QString &title,
                       const QString &description,
                       const mcp::schema::Properties &extra,
                       QStringList required,
                       Backend &backend,
                       const std::function<dimo::Result<TelemetryCall>(const QJsonObject &arguments)> &build,
                       int flags)
{
    mcp::schema::Properties props{{u"tokenId"_s, args::tokenIdSchema()}};
    props += extra;
    required.prepend(u"tokenId"_s);
    return ToolSpec{mcp::Tool{name,
                              title,
                              description,
                              mcp::schema::object(props, required),
                              telemetryOutputSchema(),
                              mcp::ToolAnnotations::readOnly(title),
                              {},
                              [&backend, build](const QJsonObject &arguments, mcp::Responder r) {
                                  auto responder = share(std::move(r));
                                  QString error;
                                  const qint64 tokenId = args::tokenId(arguments, &error);
                                  if (tokenId == 0) {
                                      responder->resolve(mcp::ToolResult::error(error));
                                      return;
                                  }
                                  auto call = build(arguments);
                                  if (!call) {
                                      responder->resolve(errorResult(call.error()));
                                      return;
                                  }
                                  call.value().tokenId = tokenId;
                                  if (arguments.value(u"filter"_s).isObject()) {
                                      call.value().variables.insert(u"filter"_s, arguments.value(u"filter"_s));
                                  }
                                  runTelemetry(backend, std::move(call.value()), responder);
                              }},
                    flags};
}

} // namespace app::tools
