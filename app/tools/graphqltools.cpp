// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// identity_introspect, telemetry_introspect, identity_query, telemetry_query.
#include "app/tools/backend.h"
#include "app/tools/queryhelp.h"
#include "app/tools/suggest.h"
#include "app/tools/toolkit.h"
#include "dimo/graphql/graphqljob.h"
#include "mcp/schema.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

QUrl serviceUrl(Backend &backend, const QString &service)
{
    return service == u"telemetry"_s ? backend.environment().telemetry : backend.environment().identity;
}

QString compact(const QJsonObject &data)
{
    return QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
}

mcp::Tool introspectTool(Backend &backend, const QString &service)
{
    const QString api = service == u"telemetry"_s ? u"Telemetry"_s : u"Identity"_s;
    return mcp::Tool{
        service + u"_introspect"_s,
        api + u" schema"_s,
        u"DIMO %1 GraphQL schema as compact SDL. type: one type; search: part of a name."_s.arg(api),
        schema::object({{u"type"_s, schema::string({}, {}, MaxSuggestedNameLength)},
                        {u"search"_s, schema::string({}, {}, MaxSuggestedNameLength)}}),
        {},
        mcp::ToolAnnotations::readOnly(api + u" schema"_s),
        {},
        [&backend, service](const QJsonObject &arguments, mcp::Responder r) {
            auto responder = share(std::move(r));
            const QString type = arguments.value(u"type"_s).toString().trimmed();
            const QString search = arguments.value(u"search"_s).toString().trimmed();
            backend.schemas().get(service, serviceUrl(backend, service), [responder, type, search](const auto &s) {
                if (!responder->isPending()) {
                    return;
                }
                if (!s) {
                    responder->resolve(errorResult(s.error()));
                    return;
                }
                const auto text = s.value()->render(type, search);
                responder->resolve(text ? mcp::ToolResult::text(text.value()) : errorResult(text.error()));
            });
        }};
}

// Runs a GraphQL job; on a schema error, explains it with the cached schema.
void answerQuery(Backend &backend, dimo::GraphQlJob *job, const QString &service, const SharedResponder &responder)
{
    const auto answer = [](const QJsonObject &data, const SharedResponder &r) {
        r->resolve(mcp::ToolResult::text(compact(data)));
    };
    respond(job, responder, answer, [&backend, service](const dimo::Error &e, const SharedResponder &r) {
        if (e.kind != dimo::Error::Kind::GraphQlValidation) {
            r->resolve(errorResult(e));
            return;
        }
        // Explain with the cached schema (fetching it once if needed); a field the cache has but
        // DIMO rejects means the cache is outdated: drop it.
        backend.schemas().get(service, serviceUrl(backend, service), [&backend, service, r, e](const auto &s) {
            bool outdated = false;
            const QString text = explainSchemaError(e, service, s ? s.value().get() : nullptr, &outdated);
            if (outdated) {
                backend.schemas().invalidate(service);
            }
            if (r->isPending()) {
                r->resolve(mcp::ToolResult::error(text));
            }
        });
    });
}

QJsonObject variablesArgument(const QJsonObject &arguments, QString *error)
{
    const QJsonValue v = arguments.value(u"variables"_s);
    if (v.isUndefined() || v.isNull()) {
        return {};
    }
    if (v.isObject()) {
        return v.toObject();
    }
    if (v.isString()) { // some models send JSON text
        const QJsonDocument doc = QJsonDocument::fromJson(v.toString().toUtf8());
        if (doc.isObject()) {
            return doc.object();
        }
    }
    *error = u"`variables` must be a JSON object such as {\"tokenId\": 123}"_s;
    return {};
}

QJsonObject queryInput(bool telemetry)
{
    schema::Properties props{{u"query"_s, schema::string({})}, {u"variables"_s, QJsonObject{{u"type"_s, u"object"_s}}}};
    if (telemetry) {
        props.insert(1, {u"tokenId"_s, args::tokenIdSchema()});
    }
    return schema::object(props, {u"query"_s});
}

} // namespace

QList<ToolSpec> graphqlTools(Backend &backend)
{
    QList<ToolSpec> tools;
    tools << ToolSpec{introspectTool(backend, u"identity"_s), ToolSpec::Essential}
          << ToolSpec{introspectTool(backend, u"telemetry"_s), ToolSpec::Essential};

    tools << ToolSpec{mcp::Tool{u"identity_query"_s,
                                u"Identity query"_s,
                                u"GraphQL query on DIMO Identity (public: vehicles, owners, devices, licenses). See "
                                "identity_introspect."_s,
                                queryInput(false),
                                {},
                                mcp::ToolAnnotations::readOnly(u"Identity query"_s),
                                {},
                                [&backend](const QJsonObject &arguments, mcp::Responder r) {
                                    auto responder = share(std::move(r));
                                    QString error;
                                    const QJsonObject variables = variablesArgument(arguments, &error);
                                    const CallStart call = startCall(backend, responder, error);
                                    if (!call) {
                                        return;
                                    }
                                    auto *job =
                                        call.client->identityQuery(arguments.value(u"query"_s).toString(), variables);
                                    answerQuery(backend, job, u"identity"_s, responder);
                                }},
                      ToolSpec::Essential};

    tools << ToolSpec{mcp::Tool{u"telemetry_query"_s,
                                u"Telemetry query"_s,
                                u"GraphQL query on DIMO Telemetry for one vehicle (tokenId here or in variables). See "
                                "telemetry_introspect."_s,
                                queryInput(true),
                                {},
                                mcp::ToolAnnotations::readOnly(u"Telemetry query"_s),
                                {},
                                [&backend](const QJsonObject &arguments, mcp::Responder r) {
                                    auto responder = share(std::move(r));
                                    QString error;
                                    QJsonObject variables = variablesArgument(arguments, &error);
                                    QJsonObject idSource = arguments;
                                    if (!arguments.contains(u"tokenId"_s) && variables.contains(u"tokenId"_s)) {
                                        idSource = variables;
                                    }
                                    const CallStart call = startVehicleCall(backend, idSource, responder, error);
                                    if (!call) {
                                        return;
                                    }
                                    variables.insert(u"tokenId"_s, call.tokenId);
                                    const QString document = arguments.value(u"query"_s).toString();
                                    auto *job = call.client->telemetryQuery(
                                        call.tokenId, document, variables, privilegesForTelemetryDocument(document));
                                    answerQuery(backend, job, u"telemetry"_s, responder);
                                }},
                      ToolSpec::Essential};
    return tools;
}

} // namespace app::tools
