// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/jsonrpc.h"
#include "mcp/loglevel.h"
#include "mcp/outgoing.h"
#include "mcp/protocolversion.h"
#include "mcp/requestcontext.h"
#include "mcp/requesthost.h"
#include "mcp/responder.h"
#include "mcp/server.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <map>
#include <memory>

class QTimer;

namespace mcp {

/// Per-connection protocol state (internal; Session is the public face).
struct SessionState
{
    enum class Phase { New, Initialized, Ready, Closed };
    Phase phase = Phase::New;
    Revision revision = protocol::latest();
    QJsonObject clientCapabilities;
    QJsonObject clientInfo;
    LogLevel logLevel = LogLevel::Info;
    QSet<QString> subscriptions;
};

/// The JSON-RPC session engine behind mcp::Session: decoding, dispatch, in-flight requests,
/// cancellation, progress, logging and server→client requests.
class SessionCore
    : public RequestHost
    , public std::enable_shared_from_this<SessionCore>
{
public:
    using Emitter = std::function<void(const Outgoing &)>;

    SessionCore(Server *server, QObject *owner, Emitter emitter);
    ~SessionCore() override;

    void receive(const QByteArray &bytes);
    void close();

    Server &server() const { return *m_server; }

    SessionState &state() { return m_state; }

    bool isClosed() const override { return m_state.phase == SessionState::Phase::Closed; }

    /// Unique for the process's life (never reused, unlike an address); never 0.
    quint64 id() const override { return m_id; }

    // RequestHost: used by Responder.
    QJsonObject clientInfo() const override { return m_state.clientInfo; }

    bool clientSupports(const RequestContext &ctx, const QString &name) const override;
    bool clientDeclaresExtension(const RequestContext &ctx, const QString &id) const override;
    void resolve(RequestContext &ctx, const QJsonObject &result) override;
    void resolveTool(RequestContext &ctx, const ToolResult &result) override;
    void reject(RequestContext &ctx, const RpcError &error) override;
    void progress(RequestContext &ctx, double value, std::optional<double> total, const QString &message) override;
    void closeStream(RequestContext &ctx) override;
    void log(LogLevel level, const QJsonValue &data, const QString &logger, const RequestContext &ctx) override;
    void request(Responder responder,
                 const QString &method,
                 const QJsonObject &params,
                 ReplyCallback callback,
                 int timeoutMs) override;

    void finish(RequestContext &ctx, const QByteArray &json);
    // Server::toolCallFinished for a tools/call context, once.
    void reportToolCall(RequestContext &ctx, ToolCallOutcome outcome, const QString &detail);

    static RequestContext *contextOf(Responder &responder) { return responder.m_ctx.get(); }

    /// Sends an unsolicited notification (e.g. resources/updated).
    void notify(const QString &method, const QJsonObject &params, const QByteArray &relatedTo = {});

private:
    struct Pending
    {
        ReplyCallback callback;
        Responder responder;
        QTimer *timer = nullptr;
        QByteArray originKey;
        bool sent = true; ///< false: refused locally (capability missing), answered by the timer
    };

    void handleMessage(const jsonrpc::Message &message, const std::shared_ptr<BatchState> &batch, int slot);
    void handleRequest(const jsonrpc::Message &message, const std::shared_ptr<BatchState> &batch, int slot);
    void handleNotification(const jsonrpc::Message &message);
    void handleResponse(const jsonrpc::Message &message);
    void handleBatch(const jsonrpc::Decoded &decoded);
    void
    answerDirect(const QByteArray &rawId, const RpcError &error, const std::shared_ptr<BatchState> &batch, int slot);
    void completeBatchSlot(const std::shared_ptr<BatchState> &batch, int slot, const QByteArray &json);
    void cancelRequest(const QByteArray &key, bool fromClient);
    /// MRTR (modern era, modernera.cpp): answers \a ctx with `input_required` instead.
    void requestInput(
        RequestContext &ctx, const QString &method, const QJsonObject &params, ReplyCallback callback, int timeoutMs);
    void finishPending(const QByteArray &key, const ClientReply &reply, bool notifyClient, bool invokeCallback = true);
    void emitOut(Outgoing::Kind kind,
                 const QByteArray &json,
                 const QByteArray &relatedTo,
                 const QList<QByteArray> &respondsTo = {});

    QPointer<Server> m_server;
    QPointer<QObject> m_owner;
    Emitter m_emit;
    SessionState m_state;
    QHash<QByteArray, std::shared_ptr<RequestContext>> m_inFlight;
    std::map<QByteArray, Pending> m_pending;
    qint64 m_nextOutgoingId = 1;
    quint64 m_id;
};

} // namespace mcp
