// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/sessioncore.h"

#include "mcp/era.h"
#include "mcp/logging.h"
#include "mcp/methods.h"
#include "mcp/server.h"

#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace mcp {

namespace {

quint64 nextSessionId()
{
    static quint64 last = 0; // main thread only, like every session
    return ++last;
}

} // namespace

SessionCore::SessionCore(Server *server, QObject *owner, Emitter emitter)
    : m_server(server)
    , m_owner(owner)
    , m_emit(std::move(emitter))
    , m_id(nextSessionId())
{}

SessionCore::~SessionCore()
{
    close();
}

void SessionCore::receive(const QByteArray &bytes)
{
    if (isClosed() || bytes.trimmed().isEmpty()) {
        return;
    }
    const jsonrpc::Decoded decoded = jsonrpc::decode(bytes);
    if (decoded.parseError) {
        emitOut(Outgoing::Kind::Response, jsonrpc::encodeError({}, {errc::ParseError, u"Parse error"_s, {}}), {});
        return;
    }
    if (decoded.isBatch) {
        handleBatch(decoded);
        return;
    }
    handleMessage(decoded.messages.front(), nullptr, -1);
}

void SessionCore::handleBatch(const jsonrpc::Decoded &decoded)
{
    QList<QByteArray> keys;
    int slots = 0;
    for (const jsonrpc::Message &m : decoded.messages) {
        if (!m.rawId.isEmpty() && m.kind != jsonrpc::Kind::Response) {
            keys.append(jsonrpc::idKey(m.rawId));
        }
        slots += (m.kind == jsonrpc::Kind::Request || m.kind == jsonrpc::Kind::Invalid) ? 1 : 0;
    }
    if (decoded.isEmptyBatch || m_state.phase == SessionState::Phase::New
        || !protocol::allowsBatches(m_state.revision)) {
        const RpcError error{errc::InvalidRequest,
                             u"Invalid Request: JSON-RPC batches are accepted only under protocol version "
                             "2025-03-26, after initialize"_s,
                             {}};
        emitOut(Outgoing::Kind::Response, jsonrpc::encodeError({}, error), {}, keys);
        return;
    }
    auto batch = std::make_shared<BatchState>();
    batch->keys = keys;
    batch->responses.resize(slots);
    batch->pending = slots + 1; // +1 until every element has been dispatched
    int slot = 0;
    for (const jsonrpc::Message &m : decoded.messages) {
        const bool answered = m.kind == jsonrpc::Kind::Request || m.kind == jsonrpc::Kind::Invalid;
        handleMessage(m, batch, answered ? slot++ : -1);
    }
    completeBatchSlot(batch, -1, {});
}

void SessionCore::completeBatchSlot(const std::shared_ptr<BatchState> &batch, int slot, const QByteArray &json)
{
    if (slot >= 0 && slot < batch->responses.size()) {
        batch->responses[slot] = json;
    }
    if (--batch->pending > 0) {
        return;
    }
    QList<QByteArray> parts;
    for (const QByteArray &r : std::as_const(batch->responses)) {
        if (!r.isEmpty()) {
            parts.append(r);
        }
    }
    if (parts.isEmpty()) {
        if (!batch->keys.isEmpty()) {
            emitOut(Outgoing::Kind::Dropped, {}, {}, batch->keys);
        }
        return;
    }
    emitOut(Outgoing::Kind::Response, '[' + parts.join(',') + ']', {}, batch->keys);
}

void SessionCore::handleMessage(const jsonrpc::Message &message, const std::shared_ptr<BatchState> &batch, int slot)
{
    switch (message.kind) {
    case jsonrpc::Kind::Invalid:
        answerDirect(message.rawId, message.error, batch, slot);
        break;
    case jsonrpc::Kind::Request:
        handleRequest(message, batch, slot);
        break;
    case jsonrpc::Kind::Notification:
        handleNotification(message);
        break;
    case jsonrpc::Kind::Response:
        handleResponse(message);
        break;
    }
}

void SessionCore::answerDirect(const QByteArray &rawId,
                               const RpcError &error,
                               const std::shared_ptr<BatchState> &batch,
                               int slot)
{
    const QByteArray json = jsonrpc::encodeError(rawId, error);
    if (batch) {
        completeBatchSlot(batch, slot, json);
        return;
    }
    emitOut(Outgoing::Kind::Response, json, {}, rawId.isEmpty() ? QList<QByteArray>{} : QList{jsonrpc::idKey(rawId)});
}

void SessionCore::handleRequest(const jsonrpc::Message &message, const std::shared_ptr<BatchState> &batch, int slot)
{
    const QByteArray key = jsonrpc::idKey(message.rawId);
    const methods::Handler handler = methods::find(message.method);
    if (m_inFlight.contains(key)) {
        answerDirect(message.rawId,
                     {errc::InvalidRequest, u"Invalid Request: id is already used by a request in flight"_s, {}},
                     batch,
                     slot);
        return;
    }
    if (!handler) {
        answerDirect(message.rawId, {errc::MethodNotFound, u"Method not found: "_s + message.method, {}}, batch, slot);
        return;
    }
    // ping is answered at once and never stays in flight: it keeps working at the limit.
    if (m_server && message.method != "ping"_L1 && m_inFlight.size() >= m_server->maxRequestsInFlight()) {
        const int limit = m_server->maxRequestsInFlight();
        qCInfo(lcMcp) << "refused a request: already" << m_inFlight.size() << "in flight in this session";
        answerDirect(message.rawId,
                     {errc::TooManyRequests,
                      u"Too many requests in flight: this session already has %1 unanswered requests (the limit); "
                      "wait for some answers or cancel some, then send it again"_s.arg(limit),
                      QJsonObject{{u"limit"_s, limit}}},
                     batch,
                     slot);
        return;
    }
    auto ctx = std::make_shared<RequestContext>();
    ctx->method = message.method;
    ctx->revision = m_state.revision;
    if (const std::optional<RpcError> error = Era::select(*m_server, message, *ctx)) {
        answerDirect(message.rawId, *error, batch, slot);
        return;
    }
    if (m_state.phase == SessionState::Phase::New && ctx->era->needsInitializedSession()
        && !methods::allowedBeforeInitialize(message.method)) {
        answerDirect(
            message.rawId,
            {errc::InvalidRequest, u"Invalid Request: the session is not initialized; send initialize first"_s, {}},
            batch,
            slot);
        return;
    }
    ctx->core = weak_from_this();
    ctx->rawId = message.rawId;
    ctx->key = key;
    ctx->batch = batch;
    ctx->batchSlot = slot;
    ctx->started.start();
    const QByteArray token = jsonrpc::rawPath(message.raw, {"params", "_meta", "progressToken"});
    if (jsonrpc::isValidIdToken(token)) {
        ctx->progressToken = token;
    }
    m_inFlight.insert(key, ctx);
    handler(*this, message, Responder(ctx));
}

void SessionCore::handleNotification(const jsonrpc::Message &message)
{
    if (message.method == "notifications/initialized"_L1) {
        if (m_state.phase == SessionState::Phase::Initialized) {
            m_state.phase = SessionState::Phase::Ready;
        }
    } else if (message.method == "notifications/cancelled"_L1) {
        const QByteArray raw = jsonrpc::rawPath(message.raw, {"params", "requestId"});
        if (jsonrpc::isValidIdToken(raw)) {
            cancelRequest(jsonrpc::idKey(raw), true);
        }
    }
    // Every other notification (roots/list_changed, unknown ones) is ignored: never answered.
}

void SessionCore::handleResponse(const jsonrpc::Message &message)
{
    ClientReply reply;
    reply.ok = !message.isError;
    reply.result = message.result;
    reply.error = message.error;
    const QByteArray key = jsonrpc::idKey(message.rawId);
    if (!m_pending.contains(key)) {
        qCDebug(lcMcp) << "response to an unknown or finished request" << message.rawId;
        return;
    }
    finishPending(key, reply, false);
}

void SessionCore::cancelRequest(const QByteArray &key, bool fromClient)
{
    const std::shared_ptr<RequestContext> ctx = m_inFlight.take(key);
    if (!ctx) {
        return; // unknown or already answered: the race the spec allows
    }
    ctx->cancelled = true;
    for (const QByteArray &out : std::as_const(ctx->outgoing)) {
        finishPending(out, {}, true, false);
    }
    qCInfo(lcMcp) << "request" << ctx->rawId << (ctx->toolName.isEmpty() ? QString() : ctx->toolName) << "cancelled"
                  << (fromClient ? "by the client" : "on close") << "after" << ctx->started.elapsed() << "ms";
    if (ctx->batch) {
        completeBatchSlot(ctx->batch, ctx->batchSlot, {});
    } else if (fromClient) {
        emitOut(Outgoing::Kind::Dropped, {}, {}, {key});
    }
    reportToolCall(*ctx, ToolCallOutcome::Cancelled, {});
    if (ctx->onCancel) {
        const auto onCancel = std::move(ctx->onCancel);
        onCancel();
    }
}

void SessionCore::close()
{
    if (isClosed()) {
        return;
    }
    const bool wasInitialized = m_state.phase != SessionState::Phase::New;
    m_state.phase = SessionState::Phase::Closed;
    const auto inFlight = std::exchange(m_inFlight, {});
    for (const std::shared_ptr<RequestContext> &ctx : inFlight) {
        reportToolCall(*ctx, ToolCallOutcome::Cancelled, {});
        ctx->cancelled = true;
        if (ctx->onCancel) {
            const auto onCancel = std::move(ctx->onCancel);
            onCancel();
        }
    }
    auto pending = std::exchange(m_pending, {});
    for (auto &entry : pending) {
        delete entry.second.timer;
    }
    pending.clear(); // drops callbacks (and the Responders they own) without calling them
    if (wasInitialized && m_server) {
        Q_EMIT m_server->clientDisconnected(quintptr(m_id));
    }
}

void SessionCore::finish(RequestContext &ctx, const QByteArray &json)
{
    if (ctx.finished || ctx.cancelled) {
        return;
    }
    ctx.finished = true;
    if (const auto it = m_inFlight.constFind(ctx.key); it != m_inFlight.constEnd() && it->get() == &ctx) {
        m_inFlight.erase(it);
    }
    for (const QByteArray &out : std::as_const(ctx.outgoing)) {
        finishPending(out, {}, true, false);
    }
    if (isClosed()) {
        return;
    }
    if (ctx.batch) {
        completeBatchSlot(ctx.batch, ctx.batchSlot, json);
    } else {
        emitOut(Outgoing::Kind::Response, json, {}, {ctx.key});
    }
}

void SessionCore::resolve(RequestContext &ctx, const QJsonObject &result)
{
    finish(ctx, jsonrpc::encodeResult(ctx.rawId, ctx.era->result(*m_server, ctx, result)));
}

void SessionCore::resolveTool(RequestContext &ctx, const ToolResult &result)
{
    if (ctx.finished || ctx.cancelled) {
        return;
    }
    qCInfo(lcMcp).nospace() << "tool " << ctx.toolName << " answered in " << ctx.started.elapsed() << " ms"
                            << (result.isError ? " (isError)" : "");
    QString detail;
    if (result.isError && !result.content.isEmpty()) {
        detail = result.content.first().toObject().value("text"_L1).toString();
    }
    reportToolCall(ctx, result.isError ? ToolCallOutcome::Error : ToolCallOutcome::Ok, detail);
    resolve(ctx, methods::finalizeToolResult(*this, ctx.toolName, ctx.revision, result));
}

void SessionCore::reject(RequestContext &ctx, const RpcError &error)
{
    if (!ctx.finished && !ctx.cancelled) {
        reportToolCall(ctx, ToolCallOutcome::Error, error.message);
    }
    finish(ctx, jsonrpc::encodeError(ctx.rawId, ctx.era->error(error)));
}

void SessionCore::reportToolCall(RequestContext &ctx, ToolCallOutcome outcome, const QString &detail)
{
    if (ctx.toolCallId == 0) {
        return;
    }
    const quint64 id = std::exchange(ctx.toolCallId, 0); // once per call
    if (!m_server) {
        return;
    }
    Q_EMIT m_server->toolCallFinished(id, outcome, detail, ctx.started.elapsed());
}

void SessionCore::emitOut(Outgoing::Kind kind,
                          const QByteArray &json,
                          const QByteArray &relatedTo,
                          const QList<QByteArray> &respondsTo)
{
    if (isClosed() || !m_emit) {
        return;
    }
    m_emit(Outgoing{kind, json, respondsTo, relatedTo});
}

void SessionCore::notify(const QString &method, const QJsonObject &params, const QByteArray &relatedTo)
{
    emitOut(Outgoing::Kind::Notification, jsonrpc::encodeNotification(method, params), relatedTo);
}

} // namespace mcp
