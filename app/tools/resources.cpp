// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Resources dimo://vehicles, dimo://vehicles/{tokenId}, dimo://schema/identity,
// dimo://schema/telemetry, and the prompts vehicle_assistant and fleet_assistant.
//
// Resource reads are synchronous in the engine, so they serve what the tray knows (the vehicle
// list and latest values it fetched last, the cached schemas) and start a refresh when that is
// missing, saying so in the answer instead of returning nothing.
#include "app/tools/backend.h"
#include "app/tools/toolkit.h"
#include "mcp/prompt.h"
#include "mcp/registry.h"
#include "mcp/resource.h"
#include "mcp/toolresult.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace app::tools {

namespace {

mcp::ResourceReadResult json(const QString &uri, const QJsonObject &object)
{
    return {{mcp::ResourceContents{uri,
                                   u"application/json"_s,
                                   QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)),
                                   {},
                                   false}},
            std::nullopt};
}

mcp::Resource schemaResource(Backend &backend, const QString &service)
{
    const QString uri = u"dimo://schema/"_s + service;
    return mcp::Resource{
        uri,
        service + u"-schema"_s,
        u"DIMO %1 schema"_s.arg(service),
        u"The %1 GraphQL schema as compact SDL (same as %1_introspect)."_s.arg(service),
        u"text/plain"_s,
        [&backend, service, uri](const QString &, const QHash<QString, QString> &) -> mcp::ResourceReadResult {
            if (const SchemaPtr schema = backend.schemas().cached(service)) {
                const auto text = schema->render();
                return {{mcp::ResourceContents{uri, u"text/plain"_s, text.value(), {}, false}}, std::nullopt};
            }
            const QUrl endpoint =
                service == u"telemetry"_s ? backend.environment().telemetry : backend.environment().identity;
            backend.schemas().get(service, endpoint, [](const auto &) {});
            return {{mcp::ResourceContents{uri,
                                           u"text/plain"_s,
                                           u"# The %1 schema is being fetched; read this resource again in a "
                                           "few seconds, or call %1_introspect."_s.arg(service),
                                           {},
                                           false}},
                    std::nullopt};
        }};
}

} // namespace

void registerResources(mcp::Registry &registry, Backend &backend)
{
    registry.addResource(mcp::Resource{
        u"dimo://vehicles"_s,
        u"vehicles"_s,
        u"Accessible vehicles"_s,
        u"The vehicles this app can reach, as of the last check_vehicle_access_status or refresh."_s,
        u"application/json"_s,
        [&backend](const QString &uri, const QHash<QString, QString> &) {
            const VehicleSnapshot &known = backend.vehicles().snapshot();
            if (!known.updatedAt.isValid()) {
                backend.vehicles().refresh();
                return json(uri,
                            {{u"status"_s, u"loading"_s},
                             {u"note"_s,
                              u"The vehicle list is being fetched; read again in a few seconds or call "
                              "check_vehicle_access_status."_s}});
            }
            QJsonArray list;
            for (const dimo::Vehicle &v : known.list) {
                list.append(v.toJson());
            }
            return json(uri, {{u"updatedAt"_s, known.updatedAt.toString(Qt::ISODate)}, {u"vehicles"_s, list}});
        }});
    registry.addResourceTemplate(
        mcp::ResourceTemplate{u"dimo://vehicles/{tokenId}"_s,
                              u"vehicle"_s,
                              u"One vehicle"_s,
                              u"Identity facts and the latest signals the app has read for one vehicle."_s,
                              u"application/json"_s,
                              [&backend](const QString &uri, const QHash<QString, QString> &variables) {
                                  const qint64 tokenId = variables.value(u"tokenId"_s).toLongLong();
                                  VehicleState &known = backend.vehicles();
                                  if (const dimo::Vehicle *v = known.find(tokenId)) {
                                      QJsonObject out = v->toJson();
                                      out.insert(u"latest"_s, known.snapshot().latest.value(tokenId));
                                      return json(uri, out);
                                  }
                                  known.refreshIfUnknown();
                                  return mcp::ResourceReadResult::notFound(uri);
                              },
                              [&backend](const QString &, const QString &value, const QHash<QString, QString> &) {
                                  QStringList ids;
                                  for (const dimo::Vehicle &v : backend.vehicles().list()) {
                                      const QString id = QString::number(v.tokenId);
                                      if (id.startsWith(value)) {
                                          ids << id;
                                      }
                                  }
                                  return ids;
                              }});
    registry.addResource(schemaResource(backend, u"identity"_s));
    registry.addResource(schemaResource(backend, u"telemetry"_s));

    registry.addPrompt(mcp::Prompt{
        u"vehicle_assistant"_s,
        u"Vehicle assistant"_s,
        u"Answer questions about one of the user's vehicles."_s,
        {mcp::PromptArgument{u"tokenId"_s, u"Vehicle"_s, u"Vehicle token id"_s, true}},
        [](const QHash<QString, QString> &a) {
            const QString text =
                u"You help the user with their vehicle %1 through DIMO. First call "
                "check_vehicle_access_status to see what is shared. Read data with "
                "telemetry_get_latest_signals (always say how old values are; lastSeen over an hour "
                "means it is not the current state) and telemetry_get_signals_time_series. Commands "
                "(lock_doors, ...) need the user's approval and report \"accepted\" until telemetry "
                "confirms them: never claim a command happened before that."_s.arg(a.value(u"tokenId"_s));
            return mcp::PromptResult{
                u"Vehicle assistant"_s, {mcp::PromptMessage{u"user"_s, mcp::content::text(text)}}, std::nullopt};
        },
        {}});
    registry.addPrompt(mcp::Prompt{
        u"fleet_assistant"_s,
        u"Fleet assistant"_s,
        u"Summarise a fleet's activity over a time range."_s,
        {mcp::PromptArgument{u"from"_s, u"From"_s, u"Start (RFC 3339)"_s, true},
         mcp::PromptArgument{u"to"_s, u"To"_s, u"End (RFC 3339, at most 31 days later)"_s, true}},
        [](const QHash<QString, QString> &a) {
            const QString text = u"Summarise the fleet's activity from %1 to %2. Call check_vehicle_access_status for "
                                 "the vehicles, then batch_vehicle_data_summary (≤ 50 vehicles per call) and, per "
                                 "vehicle of interest, telemetry_get_trip_segments with mechanism ignitionDetection. "
                                 "Report vehicles without recent data separately and say how old their data is."_s.arg(
                                     a.value(u"from"_s), a.value(u"to"_s));
            return mcp::PromptResult{
                u"Fleet assistant"_s, {mcp::PromptMessage{u"user"_s, mcp::content::text(text)}}, std::nullopt};
        },
        {}});
}

} // namespace app::tools
