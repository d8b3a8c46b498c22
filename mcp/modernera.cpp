// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// SessionCore: the stateless 2026-07-28 era ("modern"), served per request next to the legacy
// initialize handshake (dual-era) when Server::setModernEraEnabled(true). Each modern request
// carries its own `_meta` envelope (protocol version, client capabilities, optional log level);
// results get `resultType`, the server info `_meta` and, where cacheable, `ttlMs`/`cacheScope`.
// Server→client requests of a modern tools/call become MRTR `input_required` results
// (sessionoutbound.cpp, toolmethods.cpp). Not implemented: subscriptions/listen, the HTTP flavour.
#include "mcp/logging.h"
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

} // namespace

std::optional<RpcError> SessionCore::readEnvelope(const jsonrpc::Message &message, RequestContext &ctx) const
{
    const QJsonObject meta = message.params.value("_meta"_L1).toObject();
    if (!m_server->modernEraEnabled() || !meta.contains(VersionKey)) {
        return std::nullopt; // legacy traffic
    }
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
    ctx.modern = true;
    ctx.revision = Revision::V2025_11_25; // field projection: everything we model exists in 2026-07-28
    ctx.clientCapabilities = meta.value(CapabilitiesKey).toObject();
    ctx.logLevel = level;
    return std::nullopt;
}

QJsonObject SessionCore::decorateModern(const RequestContext &ctx, QJsonObject result) const
{
    if (!result.contains("resultType"_L1)) {
        result.insert(u"resultType"_s, u"complete"_s);
    }
    QJsonObject meta = result.value("_meta"_L1).toObject();
    const ServerInfo &info = m_server->info();
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

} // namespace mcp
