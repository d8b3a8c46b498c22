// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/loglevel.h"
#include "mcp/rpcerror.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mcp {

class Responder;
class Server;
class SessionCore;
struct RequestContext;
struct SessionState;

namespace jsonrpc {
struct Message;
}

/// The protocol era of one request (internal): everything the engine does differently for the
/// stateless MCP 2026-07-28 era ("modern") is asked of this object, so the legacy path (the
/// initialize handshake and its session state, 2024-11-05 … 2025-11-25) reads without it.
/// SessionCore picks the era of every request with Era::select(); the legacy implementation is in
/// era.cpp, the modern one in modernera.cpp.
class Era
{
public:
    /// How a server→client request (elicitation, sampling, roots) started while serving a
    /// request reaches the client.
    enum class Outbound {
        Wire, ///< a JSON-RPC request on the session's wire
        InputRequired, ///< an MRTR `input_required` result; the client's retry resumes the callback
        Refused, ///< not at all: the callback gets -32601 with refusal()
    };

    virtual ~Era() = default;

    static const Era &legacy();
    static const Era &modern();

    /// Sets ctx.era for \a message: modern only when \a server enables it and the request carries
    /// a `_meta` protocol version (whose envelope is read into \a ctx) or is `server/discover`.
    /// Returns the error to answer when the envelope is invalid.
    static std::optional<RpcError> select(const Server &server, const jsonrpc::Message &message, RequestContext &ctx);

    /// Whether the request needs an initialized session (methods::allowedBeforeInitialize aside).
    virtual bool needsInitializedSession() const = 0;
    /// The capabilities the client declared, for this request.
    virtual const QJsonObject &clientCapabilities(const RequestContext &ctx, const SessionState &session) const = 0;
    /// The least level of the log messages the client wants for this request; none: no messages.
    virtual std::optional<LogLevel> logThreshold(const RequestContext &ctx, const SessionState &session) const = 0;
    /// A successful result as this era sends it.
    virtual QJsonObject result(const Server &server, const RequestContext &ctx, QJsonObject result) const = 0;
    /// An error as this era sends it.
    virtual RpcError error(RpcError error) const = 0;
    /// How a server→client request \a method that needs the client \a capability (empty: none)
    /// reaches the client; \a ctx is null for a request started outside any client request.
    virtual Outbound outbound(const RequestContext *ctx,
                              const QString &method,
                              const QString &capability,
                              const SessionState &session) const = 0;
    /// Why outbound() refused \a method.
    virtual QString refusal(const QString &method, const QString &capability) const = 0;
    /// Whether tools/call \a params is a retry that resumes a stored continuation (MRTR).
    virtual bool isInputRetry(const QJsonObject &params) const = 0;
    /// Answers `server/discover`.
    virtual void discover(SessionCore &core, Responder responder) const = 0;
};

} // namespace mcp
