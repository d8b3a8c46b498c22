// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// MCP Apps: the extension, the vehicle card resource and its app-only refresh tool.
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
QJsonObject cardResourceMeta()
{
    return QJsonObject{{u"ui"_s,
                        QJsonObject{{u"csp"_s,
                                     QJsonObject{{u"connectDomains"_s, QJsonArray()},
                                                 {u"resourceDomains"_s, QJsonArray()},
                                                 {u"frameDomains"_s, QJsonArray()},
                                                 {u"baseUriDomains"_s, QJsonArray()}}},
                                    {u"prefersBorder"_s, true}}}};
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
    ToolSpec spec;
    spec.tool.name = QString::fromUtf16(VehicleCardTool);
    spec.tool.description = u"The vehicle card's data (its refresh button; not for the model)."_s;
    spec.tool.inputSchema = mcp::schema::object({{u"tokenId"_s, args::tokenIdSchema()}}, {u"tokenId"_s});
    spec.tool.outputSchema = telemetryOutputSchema();
    spec.tool.annotations = mcp::ToolAnnotations::readOnly({});
    // The signals depend on the vehicle's privileges (cardSignals), so the call is built per call.
    spec.tool.handler = [&backend](const QJsonObject &arguments, mcp::Responder r) {
        auto responder = share(std::move(r));
        QString error;
        const qint64 tokenId = args::tokenId(arguments, &error);
        if (tokenId == 0) {
            responder->resolve(mcp::ToolResult::error(error));
            return;
        }
        backend.vehicles().refreshIfUnknown(); // the name and privileges for the next refresh
        auto call = latestSignalsCall(
            QJsonObject{{u"signalNames"_s, QJsonArray::fromStringList(cardSignals(backend, tokenId))}});
        if (!call) {
            responder->resolve(errorResult(call.error()));
            return;
        }
        call.value().tokenId = tokenId;
        runTelemetry(backend, call.value(), responder);
    };
    spec.tool.extension = QString::fromUtf16(ExtensionId);
    spec.tool.extensionMeta.insert(QString::fromUtf16(ExtensionId),
                                   QJsonObject{{u"ui"_s,
                                                QJsonObject{{u"resourceUri"_s, QString::fromUtf16(VehicleCardUri)},
                                                            {u"visibility"_s, QJsonArray{u"app"_s}}}}});
    return spec;
}

} // namespace

QJsonObject cardToolMeta()
{
    return QJsonObject{{u"ui"_s, QJsonObject{{u"resourceUri"_s, QString::fromUtf16(VehicleCardUri)}}}};
}

QString vehicleCardHtml()
{
    QFile file(u":/views/vehicle-card.html"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void registerViews(mcp::Server &server, Backend &backend)
{
    server.addExtension(
        mcp::Extension{QString::fromUtf16(ExtensionId),
                       QJsonObject{{u"mimeTypes"_s, QJsonArray{QString::fromUtf16(MimeType)}}},
                       [](const QJsonObject &client) {
                           return client.value(u"mimeTypes"_s).toArray().contains(QString::fromUtf16(MimeType));
                       }});
    const QString uri = QString::fromUtf16(VehicleCardUri);
    mcp::Resource card{uri,
                       u"vehicle-card"_s,
                       u"Vehicle card"_s,
                       u"Interactive card of one vehicle (MCP Apps view)."_s,
                       QString::fromUtf16(MimeType),
                       [uri](const QString &, const QHash<QString, QString> &) -> mcp::ResourceReadResult {
                           const QString html = vehicleCardHtml();
                           if (html.isEmpty()) {
                               return mcp::ResourceReadResult::notFound(uri);
                           }
                           mcp::ResourceContents contents{uri, QString::fromUtf16(MimeType), html, {}, false};
                           contents.meta = cardResourceMeta();
                           return {{contents}, std::nullopt};
                       }};
    card.extension = QString::fromUtf16(ExtensionId);
    card.meta = cardResourceMeta();
    server.registry().addResource(std::move(card));
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
