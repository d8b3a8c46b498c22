// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// resources/list, resources/templates/list, resources/read, resources/subscribe|unsubscribe.
#include "mcp/methods.h"
#include "mcp/server.h"
#include "mcp/sessioncore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcp::methods {

namespace {

/// The uri param, or rejects the request and returns a null string.
QString requireUri(const jsonrpc::Message &message, Responder &responder)
{
    const QJsonValue uri = message.params.value("uri"_L1);
    if (!uri.isString() || uri.toString().isEmpty()) {
        responder.reject({errc::InvalidParams, u"Invalid params: uri (string) is required"_s, {}});
        return {};
    }
    return uri.toString();
}

RpcError notFound(const QString &uri)
{
    return *ResourceReadResult::notFound(uri).error;
}

} // namespace

void resourcesList(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    if (rejectCursor(message.params, responder)) {
        return;
    }
    QJsonArray list;
    for (const Resource &r : core.server().registry().resources()) {
        if (!r.extension.isEmpty() && !responder.clientDeclaresExtension(r.extension)) {
            continue;
        }
        list.append(r.toJson(SessionCore::contextOf(responder)->revision));
    }
    responder.resolve(QJsonObject{{u"resources"_s, list}});
}

void resourceTemplatesList(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    if (rejectCursor(message.params, responder)) {
        return;
    }
    QJsonArray list;
    for (const ResourceTemplate &t : core.server().registry().resourceTemplates()) {
        list.append(t.toJson(SessionCore::contextOf(responder)->revision));
    }
    responder.resolve(QJsonObject{{u"resourceTemplates"_s, list}});
}

void resourcesRead(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    const QString uri = requireUri(message, responder);
    if (uri.isNull()) {
        return;
    }
    const Registry &registry = core.server().registry();
    ResourceReadResult result;
    const Resource *r = registry.resource(uri);
    if (r && !r->extension.isEmpty() && !responder.clientDeclaresExtension(r->extension)) {
        r = nullptr; // the client did not declare the extension the resource belongs to
    }
    if (r) {
        result = r->read(uri, {});
    } else {
        result = ResourceReadResult::notFound(uri);
        for (const ResourceTemplate &t : registry.resourceTemplates()) {
            if (const auto vars = t.match(uri)) {
                result = t.read(uri, *vars);
                break;
            }
        }
    }
    if (result.error) {
        responder.reject(*result.error);
        return;
    }
    QJsonArray contents;
    for (const ResourceContents &c : std::as_const(result.contents)) {
        contents.append(c.toJson());
    }
    responder.resolve(QJsonObject{{u"contents"_s, contents}});
}

void resourcesSubscribe(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    const QString uri = requireUri(message, responder);
    if (uri.isNull()) {
        return;
    }
    if (!core.server().registry().hasResource(uri)) {
        responder.reject(notFound(uri));
        return;
    }
    core.state().subscriptions.insert(uri);
    responder.resolve(QJsonObject());
}

void resourcesUnsubscribe(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    const QString uri = requireUri(message, responder);
    if (uri.isNull()) {
        return;
    }
    core.state().subscriptions.remove(uri);
    responder.resolve(QJsonObject());
}

} // namespace mcp::methods
