// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/loglevel.h"
#include "mcp/protocolversion.h"
#include "mcp/rpcerror.h"
#include "mcp/toolresult.h"
#include "mcp/uniquefunction.h"

#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

namespace mcp {

struct RequestContext;
class RequestHost;
class SessionCore;

/// The client's answer to a server→client request (elicitation, sampling, roots).
struct ClientReply
{
    bool ok = false;
    QJsonObject result;
    RpcError error; ///< when !ok: the client's error, or errc::RequestTimeout / errc::MethodNotFound
};

class Responder;
/// Gets the Responder back together with the client's reply.
using ReplyCallback = UniqueFunction<void(Responder responder, const ClientReply &reply)>;

/// Move-only handle to one in-flight request. Resolve it exactly once; destroyed unresolved it
/// answers an internal error. After cancellation (or when the connection closed) every call is a
/// no-op and nothing is sent. Main thread only.
class Responder
{
public:
    static constexpr int DefaultTimeoutMs = 60000;

    Responder() = default;
    Responder(Responder &&other) noexcept = default;
    Responder &operator=(Responder &&other) noexcept;
    Responder(const Responder &) = delete;
    Responder &operator=(const Responder &) = delete;
    ~Responder();

    void resolve(const ToolResult &result); ///< tools/call
    void resolve(const QJsonObject &result); ///< any other method
    void fail(const QString &message); ///< a tool execution error: isError result with \a message
    void reject(const RpcError &error); ///< a JSON-RPC error response

    bool isPending() const; ///< valid, unresolved and not cancelled
    bool isCancelled() const;
    /// Called once when the client cancels the request or the connection closes.
    void onCancelled(std::function<void()> handler);

    bool hasProgressToken() const;
    /// notifications/progress when the request carried a progressToken; values must increase.
    void progress(double progress, std::optional<double> total = std::nullopt, const QString &message = {});
    /// notifications/message when \a level reaches the session's logging level.
    void log(LogLevel level, const QJsonValue &data, const QString &logger = {});

    /// Streamable HTTP only (SSE polling, 2025-11-25): closes the stream that carries this
    /// request; the client reconnects with Last-Event-ID and still gets the result. No-op elsewhere.
    void closeStream();

    Revision revision() const;
    /// The client's `clientInfo` from `initialize` ({name, version, ...}); empty if unknown.
    QJsonObject clientInfo() const;
    /// The session (connection) this request came on: unique for the process's life, never
    /// reused; 0 when the session is gone. Server::clientConnected/clientDisconnected use it as key.
    quint64 sessionId() const;
    /// True when the client declared capability \a name ("elicitation", "sampling", "roots").
    bool clientSupports(const QString &name) const;
    /// True when the client declared protocol extension \a id (Server::addExtension), e.g.
    /// "io.modelcontextprotocol/ui".
    bool clientDeclaresExtension(const QString &id) const;
    /// Sends a server→client request and hands this Responder to \a callback with the reply (or
    /// RequestTimeout after \a timeoutMs, or MethodNotFound when the client lacks the capability).
    /// Consumes the Responder: `std::move(responder).request(...)`. If the request is cancelled
    /// or the connection closes first, the callback is dropped without being called.
    void request(const QString &method,
                 const QJsonObject &params,
                 ReplyCallback callback,
                 int timeoutMs = DefaultTimeoutMs) &&;
    /// elicitation/create (form mode) with a flat \a requestedSchema.
    void elicit(const QString &message,
                const QJsonObject &requestedSchema,
                ReplyCallback callback,
                int timeoutMs = DefaultTimeoutMs) &&;

private:
    friend class SessionCore;
    explicit Responder(std::shared_ptr<RequestContext> context);
    std::shared_ptr<RequestHost> core() const;

    std::shared_ptr<RequestContext> m_ctx;
};

} // namespace mcp
