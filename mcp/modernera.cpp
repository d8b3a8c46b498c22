// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// The stateless 2026-07-28 era ("modern", see mcp/era.h), served per request next to the legacy
// initialize handshake (dual-era) when Server::setModernEraEnabled(true). Each modern request
// carries its own `_meta` envelope (protocol version, client capabilities, optional log level);
// results get `resultType`, the server info `_meta` and, where cacheable, `ttlMs`/`cacheScope`.
// Server→client requests of a modern tools/call become MRTR `input_required` results
// (SessionCore::requestInput below; the retry is resumed in toolmethods.cpp). Not implemented:
// subscriptions/listen. The HTTP side (stateless POSTs) is HttpServer::handleModernPost.
#include "mcp/era.h"
#include "mcp/logging.h"
#include "mcp/methods.h"
#include "mcp/sessioncore.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace mcp {

namespace {

const QString VersionKey = u"io.modelcontextprotocol/protocolVersion"_s;
const QString CapabilitiesKey = u"io.modelcontextprotocol/clientCapabilities"_s;
const QString LogLevelKey = u"io.modelcontextprotocol/logLevel"_s;
const QString ServerInfoKey = u"io.modelcontextprotocol/serverInfo"_s;

bool isModernMethod(const QString &method)
{
    static const QSet<QString> methods{u"server/discover"_s,
                                       u"tools/list"_s,
                                       u"tools/call"_s,
                                       u"resources/list"_s,
                                       u"resources/templates/list"_s,
                                       u"resources/read"_s,
                                       u"prompts/list"_s,
                                       u"prompts/get"_s,
                                       u"completion/complete"_s};
    return methods.contains(method);
}

/// Cache hints of the cacheable results: lists are static per process, reads are not cached.
std::optional<std::pair<int, QString>> cacheHint(const QString &method)
{
    if (method == "tools/list"_L1 || method == "prompts/list"_L1 || method == "resources/list"_L1
        || method == "resources/templates/list"_L1 || method == "server/discover"_L1) {
        return std::pair{3600 * 1000, u"public"_s};
    }
    if (method == "resources/read"_L1) {
        return std::pair{0, u"private"_s};
    }
    return std::nullopt;
}

class ModernEra final : public Era
{
public:
    bool needsInitializedSession() const override { return false; }

    const QJsonObject &clientCapabilities(const RequestContext &ctx, const SessionState &) const override
    {
        return ctx.clientCapabilities; // from the envelope
    }

    std::optional<LogLevel> logThreshold(const RequestContext &ctx, const SessionState &) const override
    {
        return ctx.logLevel; // only when the request opted in
    }

    QJsonObject result(const Server &server, const RequestContext &ctx, QJsonObject result) const override
    {
        if (!result.contains("resultType"_L1)) {
            result.insert(u"resultType"_s, u"complete"_s);
        }
        QJsonObject meta = result.value("_meta"_L1).toObject();
        const ServerInfo &info = server.info();
        QJsonObject serverInfo{{u"name"_s, info.name}, {u"version"_s, info.version}};
        if (!info.title.isEmpty()) {
            serverInfo.insert(u"title"_s, info.title);
        }
        meta.insert(ServerInfoKey, serverInfo);
        result.insert(u"_meta"_s, meta);
        if (const auto hint = cacheHint(ctx.method); hint && !result.contains("ttlMs"_L1)) {
            result.insert(u"ttlMs"_s, hint->first);
            result.insert(u"cacheScope"_s, hint->second);
        }
        return result;
    }

    RpcError error(RpcError error) const override
    {
        if (error.code == errc::ResourceNotFound) {
            error.code = errc::InvalidParams; // 2026-07-28 MUST NOT emit -32002
        }
        return error;
    }

    Outbound
    outbound(const RequestContext *ctx, const QString &, const QString &capability, const SessionState &) const override
    {
        // No server→client requests on the wire: a tool call asks through MRTR when the client can answer.
        const bool mrtr = ctx && ctx->method == "tools/call"_L1 && !capability.isEmpty()
            && ctx->clientCapabilities.contains(capability);
        return mrtr ? Outbound::InputRequired : Outbound::Refused;
    }

    QString refusal(const QString &method, const QString &) const override
    {
        return u"%1 is not available to 2026-07-28 (stateless) requests"_s.arg(method);
    }

    bool isInputRetry(const QJsonObject &params) const override { return params.contains("requestState"_L1); }

    void discover(SessionCore &core, Responder responder) const override
    {
        QJsonObject caps = methods::serverCapabilities(core.server().registry(), Revision::V2025_11_25);
        caps.remove(u"logging"_s); // 2026-07-28: logging is per request (_meta logLevel)
        QJsonObject extensions; // every offered one: each request declares its own (the envelope)
        for (const Extension &e : core.server().extensions()) {
            extensions.insert(e.id, e.settings);
        }
        if (!extensions.isEmpty()) {
            caps.insert(u"extensions"_s, extensions);
        }
        QJsonArray versions{QString::fromUtf16(protocol::ModernVersion)};
        for (const QString &v : protocol::supportedVersions()) {
            versions.append(v);
        }
        QJsonObject result{{u"supportedVersions"_s, versions}, {u"capabilities"_s, caps}};
        if (!core.server().info().instructions.isEmpty()) {
            result.insert(u"instructions"_s, core.server().info().instructions);
        }
        responder.resolve(result);
    }
};

/// Reads the 2026-07-28 `_meta` envelope of \a message into \a ctx.
std::optional<RpcError> readEnvelope(const jsonrpc::Message &message, const QJsonObject &meta, RequestContext &ctx)
{
    const QString version = meta.value(VersionKey).toString();
    if (version != QStringView(protocol::ModernVersion)) {
        return RpcError{errc::UnsupportedProtocolVersion,
                        u"Unsupported protocol version: "_s + version,
                        QJsonObject{{u"supported"_s, QJsonArray{QString::fromUtf16(protocol::ModernVersion)}},
                                    {u"requested"_s, meta.value(VersionKey)}}};
    }
    if (!isModernMethod(message.method)) {
        return RpcError{
            errc::MethodNotFound,
            u"Method not found: %1 (not part of MCP %2)"_s.arg(message.method, QStringView(protocol::ModernVersion)),
            {}};
    }
    if (!meta.value(CapabilitiesKey).isObject()) {
        return RpcError{errc::InvalidParams, u"Invalid params: _meta is missing "_s + CapabilitiesKey, {}};
    }
    std::optional<LogLevel> level;
    if (meta.contains(LogLevelKey)) {
        level = parseLogLevel(meta.value(LogLevelKey).toString());
        if (!level) {
            return RpcError{errc::InvalidParams, u"Invalid params: invalid "_s + LogLevelKey, {}};
        }
    }
    ctx.revision = Revision::V2025_11_25; // field projection: everything we model exists in 2026-07-28
    ctx.clientCapabilities = meta.value(CapabilitiesKey).toObject();
    ctx.logLevel = level;
    return std::nullopt;
}

} // namespace

const Era &Era::modern()
{
    static const ModernEra era;
    return era;
}

std::optional<RpcError> Era::select(const Server &server, const jsonrpc::Message &message, RequestContext &ctx)
{
    ctx.era = &legacy();
    if (!server.modernEraEnabled()) {
        return std::nullopt;
    }
    const QJsonObject meta = message.params.value("_meta"_L1).toObject();
    if (meta.contains(VersionKey)) {
        if (auto error = readEnvelope(message, meta, ctx)) {
            return error;
        }
        ctx.era = &modern();
    } else if (message.method == "server/discover"_L1) {
        ctx.era = &modern(); // a DiscoverResult is always a modern result
    }
    return std::nullopt;
}

/*!
    MRTR (2026-07-28): instead of a server→client request, answers the tool call with
    `input_required`; the client fulfils it and retries with `inputResponses` + `requestState`,
    and toolmethods.cpp resumes \a callback with the retry's Responder.
*/
void SessionCore::requestInput(
    RequestContext &ctx, const QString &method, const QJsonObject &params, ReplyCallback callback, int timeoutMs)
{
    const QByteArray token = m_server->continuations().add(ctx.toolName, std::move(callback), timeoutMs);
    const QJsonObject input{{u"method"_s, method}, {u"params"_s, params}};
    resolve(ctx,
            QJsonObject{{u"resultType"_s, u"input_required"_s},
                        {u"inputRequests"_s, QJsonObject{{methods::MrtrInputKey.toString(), input}}},
                        {u"requestState"_s, QString::fromLatin1(token)}});
}

} // namespace mcp
