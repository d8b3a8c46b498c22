// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace mcp {
class Responder;
class Server;
struct ToolResult;
} // namespace mcp

namespace app::tools {

class Backend;

// MCP Apps (SEP-1865, extension io.modelcontextprotocol/ui): the vehicle card, trip map and time-series views, served
// only to clients that declare the extension with the MIME type text/html;profile=mcp-app. Others see no `_meta.ui`, no
// ui:// resource and no app-only tool (mcp::Extension, mcp::Tool::extension).
namespace views {

inline constexpr auto ExtensionId = u"io.modelcontextprotocol/ui";
inline constexpr auto MimeType = u"text/html;profile=mcp-app";
inline constexpr auto VehicleCardUri = u"ui://dimo-tray/vehicle-card";
inline constexpr auto TripMapUri = u"ui://dimo-tray/trip-map";
inline constexpr auto TimeSeriesUri = u"ui://dimo-tray/time-series";
inline constexpr auto VehicleCardTool = u"vehicle_card"; // app-only: the card's refresh button
inline constexpr auto VehicleMetaKey = u"dimo-tray/vehicle"; // result `_meta`: which vehicle

// The `_meta` members of a tool shown with a view: {"ui": {"resourceUri": uri}}.
QJsonObject toolMeta(const QString &uri);

inline QJsonObject cardToolMeta()
{
    return toolMeta(QString::fromUtf16(VehicleCardUri));
}

// A view's HTML (compiled in from resources/views); empty if `uri` names no view.
QString viewHtml(const QString &uri);

// Offers the extension, the ui://dimo-tray/… resources and the app-only vehicle_card tool.
void registerViews(mcp::Server &server, Backend &backend);

// For a client that declared the extension: `result._meta["dimo-tray/vehicle"]` = the vehicle's
// name, make, model, year and privileges as the tray knows them (for the view, not the model;
// the text and structuredContent stay as they are). A no-op for other clients or unknown vehicles.
void addVehicleMeta(mcp::ToolResult &result, const Backend &backend, qint64 tokenId, const mcp::Responder &responder);

} // namespace views

} // namespace app::tools
