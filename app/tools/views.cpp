// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// MCP Apps: the extension, the view resources (vehicle card, trip map, time series) and the
// card's app-only refresh tool.
#include "app/tools/views.h"

#include "app/tools/backend.h"
#include "app/tools/telemetrycall.h"
#include "app/tools/toolkit.h"
#include "dimo/core/privileges.h"
#include "mcp/registry.h"
#include "mcp/schema.h"
#include "mcp/server.h"
#include "mcp/toolresult.h"

#include <QFile>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace app::tools::views {

namespace {

// The view loads nothing: no fetch, no external script, style, image or frame (the host builds
// the iframe's CSP from this; empty lists = nothing beyond the document itself).
QJsonObject viewResourceMeta()
{
    return QJsonObject{{u"ui"_s,
                        QJsonObject{{u"csp"_s,
                                     QJsonObject{{u"connectDomains"_s, QJsonArray()},
                                                 {u"resourceDomains"_s, QJsonArray()},
                                                 {u"frameDomains"_s, QJsonArray()},
                                                 {u"baseUriDomains"_s, QJsonArray()}}},
                                    {u"prefersBorder"_s, true}}}};
}

// The views, each resources/views/<name>.html.
struct View
{
    QString uri;
    QString name;
    QString title;
    QString description;
};

const QList<View> &allViews()
{
    static const QList<View> views{
        {QString::fromUtf16(VehicleCardUri),
         u"vehicle-card"_s,
         u"Vehicle card"_s,
         u"Interactive card of one vehicle (MCP Apps view)."_s},
        {QString::fromUtf16(TripMapUri),
         u"trip-map"_s,
         u"Trip map"_s,
         u"Trip segments drawn from their start to their end position (MCP Apps view)."_s},
        {QString::fromUtf16(TimeSeriesUri),
         u"time-series"_s,
         u"Signals over time"_s,
         u"Each numeric series of a signal time series as a line chart (MCP Apps view)."_s},
    };
    return views;
}

// What the card shows: charge or fuel, range, odometer, doors, and the location as far as shared
// (privilege 4 exact, 8 approximate), like the tray's vehicles window.
QStringList cardSignals(const Backend &backend, qint64 tokenId)
{
    QStringList names{u"powertrainTractionBatteryStateOfChargeCurrent"_s,
                      u"powertrainFuelSystemRelativeLevel"_s,
                      u"powertrainRange"_s,
                      u"powertrainTransmissionTravelledDistance"_s,
                      u"bodyLockIsLocked"_s};
    const dimo::Vehicle *v = backend.vehicles().find(tokenId);
    if (!v || v->privileges.contains(4)) {
        names << u"currentLocationCoordinates"_s;
    } else if (v->privileges.contains(8)) {
        names << u"currentLocationApproximateCoordinates"_s;
    }
    return names;
}

ToolSpec cardTool(Backend &backend)
{
    // The signals depend on the vehicle's privileges (cardSignals), so the call is built per call.
    ToolSpec spec =
        telemetryTool(QString::fromUtf16(VehicleCardTool),
                      {},
                      u"The vehicle card's data (its refresh button; not for the model)."_s,
                      {},
                      {},
                      backend,
                      [&backend](const QJsonObject &arguments) -> dimo::Result<TelemetryCall> {
                          backend.vehicles().refreshIfUnknown(); // the name and privileges for the next refresh
                          const qint64 tokenId = arguments.value(u"tokenId"_s).toInteger();
                          return latestSignalsCall(QJsonObject{
                              {u"signalNames"_s, QJsonArray::fromStringList(cardSignals(backend, tokenId))}});
                      });
    spec.tool.extension = QString::fromUtf16(ExtensionId);
    spec.tool.extensionMeta.insert(QString::fromUtf16(ExtensionId),
                                   QJsonObject{{u"ui"_s,
                                                QJsonObject{{u"resourceUri"_s, QString::fromUtf16(VehicleCardUri)},
                                                            {u"visibility"_s, QJsonArray{u"app"_s}}}}});
    return spec;
}

} // namespace

namespace {

QString resourceText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

QJsonObject toolMeta(const QString &uri)
{
    return QJsonObject{{u"ui"_s, QJsonObject{{u"resourceUri"_s, uri}}}};
}

QString viewHtml(const QString &uri)
{
    for (const View &v : allViews()) {
        if (v.uri == uri) {
            return resourceText(u":/views/"_s + v.name + u".html"_s)
                .replace(u"/*@bridge*/"_s, resourceText(u":/views/bridge.js"_s));
        }
    }
    return {};
}

void registerViews(mcp::Server &server, Backend &backend)
{
    server.addExtension(
        mcp::Extension{QString::fromUtf16(ExtensionId),
                       QJsonObject{{u"mimeTypes"_s, QJsonArray{QString::fromUtf16(MimeType)}}},
                       [](const QJsonObject &client) {
                           return client.value(u"mimeTypes"_s).toArray().contains(QString::fromUtf16(MimeType));
                       }});
    for (const View &v : allViews()) {
        const QString uri = v.uri;
        mcp::Resource view{uri,
                           v.name,
                           v.title,
                           v.description,
                           QString::fromUtf16(MimeType),
                           [uri](const QString &, const QHash<QString, QString> &) -> mcp::ResourceReadResult {
                               const QString html = viewHtml(uri);
                               if (html.isEmpty()) {
                                   return mcp::ResourceReadResult::notFound(uri);
                               }
                               mcp::ResourceContents contents{uri, QString::fromUtf16(MimeType), html, {}, false};
                               contents.meta = viewResourceMeta();
                               return {{contents}, std::nullopt};
                           }};
        view.extension = QString::fromUtf16(ExtensionId);
        view.meta = viewResourceMeta();
        server.registry().addResource(std::move(view));
    }
    server.registry().addTool(cardTool(backend).tool);
}

void addVehicleMeta(mcp::ToolResult &result, const Backend &backend, qint64 tokenId, const mcp::Responder &responder)
{
    if (result.isError || !responder.clientDeclaresExtension(QString::fromUtf16(ExtensionId))) {
        return;
    }
    const dimo::Vehicle *v = backend.vehicles().find(tokenId);
    if (!v) {
        return;
    }
    QJsonArray privileges;
    for (const int id : v->privileges) {
        privileges.append(QJsonObject{{u"id"_s, id}, {u"name"_s, dimo::privilege::displayName(id)}});
    }
    QJsonObject vehicle{{u"tokenId"_s, v->tokenId},
                        {u"displayName"_s, v->displayName()},
                        {u"name"_s, v->name},
                        {u"make"_s, v->make},
                        {u"model"_s, v->model},
                        {u"shared"_s, v->shared},
                        {u"privileges"_s, privileges}};
    if (v->year > 0) {
        vehicle.insert(u"year"_s, v->year);
    }
    result.meta.insert(QString::fromUtf16(VehicleMetaKey), vehicle);
}

} // namespace app::tools::views
