// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// DIMO's hosted Identity tools: identity_get_vehicle, identity_list_vehicles,
// identity_get_aftermarket_device (public data, no vehicle token).
#include "app/tools/backend.h"
#include "app/tools/jobadapter.h"
#include "app/tools/toolkit.h"
#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"
#include "mcp/schema.h"

#include <QPointer>

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

// What was asked for, in DIMO's words: "tokenId 24566", "serial \"x\"".
QString describe(const QJsonObject &by)
{
    QStringList parts;
    for (auto it = by.begin(); it != by.end(); ++it) {
        const QJsonValue v = it.value();
        parts << it.key() + u' '
                + (v.isString()       ? u'"' + v.toString() + u'"'
                       : v.isDouble() ? QString::number(v.toInteger())
                                      : u"?"_s);
    }
    return parts.join(u", "_s);
}

// One Identity root query. A root that is `null` (the item does not exist) and identity-api's
// not-found error for that root give the same tool error, naming what was asked for.
void identityCall(Backend &backend,
                  const QString &operation, // dimo/graphql/identity/<operation>.graphql
                  const QJsonObject &variables,
                  const QString &field,
                  const QString &identifier,
                  const SharedResponder &responder)
{
    const CallStart call = startCall(backend, responder);
    if (!call) {
        return;
    }
    respond(
        call.client->identityQuery(dimo::graphql::shipped(u"identity"_s, operation).text, variables),
        responder,
        [field, identifier](const QJsonObject &data, const SharedResponder &r) {
            if (data.value(field).isNull()) {
                r->resolve(errorResult(dimo::GraphQlJob::notFound(field, identifier)));
                return;
            }
            r->resolve(mcp::ToolResult::structured(QJsonObject{{field, data.value(field)}}));
        },
        [field, identifier](const dimo::Error &e, const SharedResponder &r) {
            r->resolve(errorResult(!identifier.isEmpty() && dimo::GraphQlJob::isNotFoundFor(e, field)
                                       ? dimo::GraphQlJob::notFound(field, identifier, e.detail)
                                       : e));
        });
}

} // namespace

QList<ToolSpec> identityTools(Backend &backend)
{
    QList<ToolSpec> tools;
    tools << ToolSpec{
        mcp::Tool{u"identity_get_vehicle"_s,
                  u"Vehicle identity"_s,
                  u"Public facts of a vehicle (tokenId or tokenDID): make, model, year, owner, devices."_s,
                  schema::object({{u"tokenId"_s, args::tokenIdSchema()}, {u"tokenDID"_s, schema::string({})}}),
                  {},
                  mcp::ToolAnnotations::readOnly(u"Vehicle identity"_s),
                  {},
                  [&backend](const QJsonObject &arguments, mcp::Responder r) {
                      auto responder = share(std::move(r));
                      QJsonObject variables;
                      if (arguments.contains(u"tokenDID"_s)) {
                          variables.insert(u"tokenDID"_s, arguments.value(u"tokenDID"_s));
                      } else if (arguments.contains(u"tokenId"_s)) {
                          QString error;
                          const qint64 tokenId = args::tokenId(arguments, &error);
                          if (tokenId == 0) {
                              responder->resolve(mcp::ToolResult::error(error));
                              return;
                          }
                          variables.insert(u"tokenId"_s, tokenId);
                      } else {
                          responder->resolve(mcp::ToolResult::error(u"give the vehicle's tokenId or tokenDID"_s));
                          return;
                      }
                      identityCall(backend, u"GetVehicle"_s, variables, u"vehicle"_s, describe(variables), responder);
                  }},
        0};
    tools << ToolSpec{
        mcp::Tool{u"identity_list_vehicles"_s,
                  u"List vehicles"_s,
                  u"Vehicles on DIMO by filterBy (privileged: a client ID, owner, make, model, year), paged."_s,
                  schema::object({{u"first"_s, schema::integer({}, 1, 100)},
                                  {u"after"_s, schema::string(u"pageInfo.endCursor"_s)},
                                  {u"last"_s, schema::integer({}, 1, 100)},
                                  {u"before"_s, schema::string({})},
                                  {u"filterBy"_s,
                                   QJsonObject{{u"type"_s, u"object"_s}, {u"description"_s, u"VehiclesFilter"_s}}}}),
                  {},
                  mcp::ToolAnnotations::readOnly(u"List vehicles"_s),
                  {},
                  [&backend](const QJsonObject &arguments, mcp::Responder r) {
                      QJsonObject variables = arguments;
                      if (!variables.contains(u"first"_s) && !variables.contains(u"last"_s)) {
                          variables.insert(u"first"_s, 20);
                      }
                      identityCall(backend, u"ListVehicles"_s, variables, u"vehicles"_s, {}, share(std::move(r)));
                  }},
        0};
    tools << ToolSpec{
        mcp::Tool{
            u"identity_get_aftermarket_device"_s,
            u"Aftermarket device"_s,
            u"An aftermarket device by tokenId, serial, address, imei or devEUI."_s,
            schema::object(
                {{u"by"_s, QJsonObject{{u"type"_s, u"object"_s}, {u"description"_s, u"e.g. {\"serial\": \"x\"}"_s}}}},
                {u"by"_s}),
            {},
            mcp::ToolAnnotations::readOnly(u"Aftermarket device"_s),
            {},
            [&backend](const QJsonObject &arguments, mcp::Responder r) {
                identityCall(backend,
                             u"GetAftermarketDevice"_s,
                             QJsonObject{{u"by"_s, arguments.value(u"by"_s)}},
                             u"aftermarketDevice"_s,
                             describe(arguments.value(u"by"_s).toObject()),
                             share(std::move(r)));
            }},
        0};
    return tools;
}

} // namespace app::tools
