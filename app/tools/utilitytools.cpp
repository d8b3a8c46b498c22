// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// vin_decode, search_vehicles.
#include "app/tools/backend.h"
#include "app/tools/toolkit.h"
#include "app/tools/vin.h"
#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/apicalljob.h"
#include "mcp/schema.h"

#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

// DIMO's decoder answers the definition id ("tesla_model-3_2023"); the make and model names come
// from Identity. Without them (Identity unreachable) the id's slugs stand in.
void answerWithNames(Backend &backend, QJsonObject out, const SharedResponder &responder)
{
    const auto client = backend.client();
    if (!client) {
        responder->resolve(mcp::ToolResult::structured(out));
        return;
    }
    auto *job = client.value()->identityQuery(dimo::graphql::shipped(u"identity"_s, u"DefinitionNames"_s).text,
                                              {{u"id"_s, out.value(u"deviceDefinitionId"_s)}});
    respond(
        job,
        responder,
        [out](const QJsonObject &data, const SharedResponder &r) mutable {
            const QJsonObject definition = data.value(u"deviceDefinition"_s).toObject();
            const QString make = definition.value(u"manufacturer"_s)[u"name"_s].toString();
            const QString model = definition.value(u"model"_s).toString();
            if (!make.isEmpty() && !model.isEmpty()) {
                out.insert(u"make"_s, make);
                out.insert(u"model"_s, model);
            }
            r->resolve(mcp::ToolResult::structured(out));
        },
        [out](const dimo::Error &, const SharedResponder &r) {
            r->resolve(mcp::ToolResult::structured(out)); // Identity unreachable: the id's slugs stand in
        });
}

void decodeVin(Backend &backend, const QJsonObject &arguments, const SharedResponder &responder)
{
    const auto vin = validateVin(arguments.value(u"vin"_s).toString());
    const auto country = validateCountryCode(arguments.value(u"countryCode"_s).toString());
    const CallStart call = startCall(backend,
                                     responder,
                                     !vin           ? vin.error().toString()
                                         : !country ? country.error().toString()
                                                    : QString());
    if (!call) {
        return;
    }
    auto *job = call.client->decodeVin(vin.value(), country.value());
    respond(
        job,
        responder,
        [&backend, vin = vin.value(), country = country.value()](const QJsonObject &answer, const SharedResponder &r) {
            const QString id = answer.value(u"deviceDefinitionId"_s).toString();
            QJsonObject out{{u"vin"_s, vin}, {u"countryCode"_s, country}, {u"deviceDefinitionId"_s, id}};
            const QStringList parts = id.split(u'_');
            if (parts.size() == 3) {
                out.insert(u"make"_s, parts.at(0));
                out.insert(u"model"_s, parts.at(1));
                out.insert(u"year"_s, parts.at(2).toInt());
            }
            if (!answer.value(u"newTransactionHash"_s).toString().isEmpty()) {
                out.insert(u"note"_s,
                           u"DIMO created this definition just now; it may take a minute to appear in Identity."_s);
            }
            answerWithNames(backend, out, r);
        });
}

void searchVehicles(Backend &backend, const QJsonObject &arguments, const SharedResponder &responder)
{
    dimo::devicedefinitions::Search search;
    search.query = arguments.value(u"query"_s).toString().trimmed();
    const QString make = arguments.value(u"make"_s).toString().trimmed();
    const QString model = arguments.value(u"model"_s).toString().trimmed();
    search.makeSlug = make.isEmpty() ? QString() : dimo::devicedefinitions::slug(make);
    search.modelSlug = model.isEmpty() ? QString() : dimo::devicedefinitions::slug(model);
    search.year = arguments.value(u"year"_s).toInt(0);
    search.page = arguments.value(u"page"_s).toInt(0);
    search.pageSize = arguments.value(u"pageSize"_s).toInt(0);
    if (search.query.isEmpty()) {
        // DIMO's search wants free text: without `query`, search for the make and model given.
        search.query = QStringList{make, model}.join(u' ').trimmed();
    }
    if (search.query.isEmpty() && search.year == 0) {
        responder->resolve(mcp::ToolResult::error(
            u"search_vehicles needs at least one of query, make, model or year (e.g. {\"make\": \"Tesla\"})"_s));
        return;
    }
    if (search.query.isEmpty()) {
        search.query = QString::number(search.year);
    }
    const CallStart call = startCall(backend, responder);
    if (!call) {
        return;
    }
    auto *job = call.client->searchDeviceDefinitions(search);
    respond(job, responder, [](const QJsonObject &answer, const SharedResponder &r) {
        QJsonArray rows;
        for (const QJsonValue &d : answer.value(u"deviceDefinitions"_s).toArray()) {
            const QJsonObject o = d.toObject();
            rows.append(QJsonObject{{u"id"_s, o.value(u"id"_s)},
                                    {u"name"_s, o.value(u"name"_s)},
                                    {u"make"_s, o.value(u"make"_s)},
                                    {u"model"_s, o.value(u"model"_s)},
                                    {u"year"_s, o.value(u"year"_s)}});
        }
        r->resolve(mcp::ToolResult::structured(
            QJsonObject{{u"deviceDefinitions"_s, rows}, {u"pagination"_s, answer.value(u"pagination"_s)}}));
    });
}

} // namespace

QList<ToolSpec> utilityTools(Backend &backend)
{
    QList<ToolSpec> tools;
    tools << ToolSpec{mcp::Tool{u"vin_decode"_s,
                                u"Decode a VIN"_s,
                                u"Make, model and year of a VIN."_s,
                                schema::object({{u"vin"_s, schema::string({})},
                                                {u"countryCode"_s, schema::string(u"ISO alpha-3, default USA"_s)}},
                                               {u"vin"_s}),
                                {},
                                mcp::ToolAnnotations::readOnly(u"Decode a VIN"_s),
                                {},
                                [&backend](const QJsonObject &arguments, mcp::Responder r) {
                                    decodeVin(backend, arguments, share(std::move(r)));
                                }},
                      ToolSpec::Essential};
    tools << ToolSpec{mcp::Tool{u"search_vehicles"_s,
                                u"Search vehicle models"_s,
                                u"Search DIMO's vehicle definitions (models)."_s,
                                schema::object({{u"query"_s, schema::string({})},
                                                {u"make"_s, schema::string({})},
                                                {u"model"_s, schema::string({})},
                                                {u"year"_s, schema::integer({}, 1900, 2100)},
                                                {u"page"_s, schema::integer({}, 1)},
                                                {u"pageSize"_s, schema::integer({}, 1, 100)}}),
                                {},
                                mcp::ToolAnnotations::readOnly(u"Search vehicle models"_s),
                                {},
                                [&backend](const QJsonObject &arguments, mcp::Responder r) {
                                    searchVehicles(backend, arguments, share(std::move(r)));
                                }},
                      0};
    return tools;
}

} // namespace app::tools
