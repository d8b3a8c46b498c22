// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Lifecycle methods: initialize (version negotiation), ping, server/discover, logging/setLevel,
// and the method table.
#include "mcp/era.h"
#include "mcp/logging.h"
#include "mcp/methods.h"
#include "mcp/server.h"
#include "mcp/sessioncore.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcp::methods {

Handler find(const QString &method)
{
    static const QHash<QString, Handler> table{
        {u"initialize"_s, initialize},
        {u"ping"_s, ping},
        {u"server/discover"_s, discover},
        {u"logging/setLevel"_s, setLogLevel},
        {u"tools/list"_s, toolsList},
        {u"tools/call"_s, toolsCall},
        {u"resources/list"_s, resourcesList},
        {u"resources/templates/list"_s, resourceTemplatesList},
        {u"resources/read"_s, resourcesRead},
        {u"resources/subscribe"_s, resourcesSubscribe},
        {u"resources/unsubscribe"_s, resourcesUnsubscribe},
        {u"prompts/list"_s, promptsList},
        {u"prompts/get"_s, promptsGet},
        {u"completion/complete"_s, complete},
    };
    return table.value(method, nullptr);
}

bool allowedBeforeInitialize(const QString &method)
{
    return method == "initialize"_L1 || method == "ping"_L1 || method == "server/discover"_L1;
}

bool rejectCursor(const QJsonObject &params, Responder &responder)
{
    if (!params.contains("cursor"_L1)) {
        return false;
    }
    responder.reject({errc::InvalidParams, u"Invalid params: invalid cursor (every list is a single page)"_s, {}});
    return true;
}

QJsonObject serverCapabilities(const Registry &registry, Revision revision)
{
    QJsonObject caps{{u"logging"_s, QJsonObject()}, {u"tools"_s, QJsonObject{{u"listChanged"_s, false}}}};
    const bool hasResources = !registry.resources().isEmpty() || !registry.resourceTemplates().isEmpty();
    if (hasResources) {
        caps.insert(u"resources"_s, QJsonObject{{u"subscribe"_s, true}, {u"listChanged"_s, false}});
    }
    if (!registry.prompts().isEmpty()) {
        caps.insert(u"prompts"_s, QJsonObject{{u"listChanged"_s, false}});
    }
    if (protocol::has2025_03_26(revision) && (hasResources || !registry.prompts().isEmpty())) {
        caps.insert(u"completions"_s, QJsonObject());
    }
    return caps;
}

void initialize(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    SessionState &state = core.state();
    if (state.phase != SessionState::Phase::New) {
        responder.reject({errc::InvalidRequest, u"Invalid Request: the session is already initialized"_s, {}});
        return;
    }
    const QJsonValue requested = message.params.value("protocolVersion"_L1);
    if (!requested.isString()) {
        responder.reject({errc::InvalidParams,
                          u"Invalid params: protocolVersion (string) is required"_s,
                          QJsonObject{{u"supported"_s, QJsonArray::fromStringList(protocol::supportedVersions())}}});
        return;
    }
    state.revision = protocol::negotiate(requested.toString());
    state.clientCapabilities = message.params.value("capabilities"_L1).toObject();
    state.clientInfo = message.params.value("clientInfo"_L1).toObject();
    state.phase = SessionState::Phase::Initialized;

    const ServerInfo &info = core.server().info();
    QJsonObject serverInfo{{u"name"_s, info.name}, {u"version"_s, info.version}};
    if (protocol::has2025_06_18(state.revision) && !info.title.isEmpty()) {
        serverInfo.insert(u"title"_s, info.title);
    }
    QJsonObject capabilities = serverCapabilities(core.server().registry(), state.revision);
    QJsonObject extensions; // only those the client declared (SEP-1724)
    for (const Extension &e : core.server().extensions()) {
        if (e.declaredBy(state.clientCapabilities)) {
            extensions.insert(e.id, e.settings);
        }
    }
    if (!extensions.isEmpty()) {
        capabilities.insert(u"extensions"_s, extensions);
    }
    QJsonObject result{{u"protocolVersion"_s, protocol::toString(state.revision)},
                       {u"capabilities"_s, capabilities},
                       {u"serverInfo"_s, serverInfo}};
    if (!info.instructions.isEmpty()) {
        result.insert(u"instructions"_s, info.instructions);
    }
    qCInfo(lcMcp) << "session initialized: client" << state.clientInfo.value("name"_L1).toString() << "requested"
                  << requested.toString() << "negotiated" << protocol::toString(state.revision);
    responder.resolve(result);
    Q_EMIT core.server().clientConnected(quintptr(core.id()), state.clientInfo);
}

void ping(SessionCore &, const jsonrpc::Message &, Responder responder)
{
    responder.resolve(QJsonObject());
}

void discover(SessionCore &core, const jsonrpc::Message &, Responder responder)
{
    // The legacy era answers -32601 at once, the modern era a DiscoverResult (mcp/era.h).
    SessionCore::contextOf(responder)->era->discover(core, std::move(responder));
}

void setLogLevel(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    const auto level = parseLogLevel(message.params.value("level"_L1).toString());
    if (!level) {
        responder.reject({errc::InvalidParams,
                          u"Invalid params: level must be one of debug, info, notice, warning, error, critical, "
                          "alert, emergency"_s,
                          {}});
        return;
    }
    core.state().logLevel = *level;
    responder.resolve(QJsonObject());
}

} // namespace mcp::methods
