// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// SessionCore: what the server sends on its own — progress, log messages, server→client requests.
#include "mcp/logging.h"
#include "mcp/methods.h"
#include "mcp/sessioncore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace mcp {

namespace {

/// The client capability a server→client request needs.
QString capabilityFor(const QString &method)
{
    if (method == "elicitation/create"_L1) {
        return u"elicitation"_s;
    }
    if (method == "sampling/createMessage"_L1) {
        return u"sampling"_s;
    }
    if (method == "roots/list"_L1) {
        return u"roots"_s;
    }
    return {};
}

} // namespace

void SessionCore::progress(RequestContext &ctx, double value, std::optional<double> total, const QString &message)
{
    if (ctx.progressToken.isEmpty() || ctx.finished || ctx.cancelled
        || (ctx.sentProgress && value <= ctx.lastProgress)) {
        return; // no token, already answered, or not increasing (the spec requires increasing values)
    }
    ctx.sentProgress = true;
    ctx.lastProgress = value;
    QJsonObject params{{u"progress"_s, value}};
    if (total) {
        params.insert(u"total"_s, *total);
    }
    if (!message.isEmpty() && protocol::has2025_03_26(ctx.revision)) {
        params.insert(u"message"_s, message);
    }
    emitOut(Outgoing::Kind::Notification,
            jsonrpc::encodeNotificationWithRaw(u"notifications/progress"_s, "progressToken", ctx.progressToken, params),
            ctx.key);
}

void SessionCore::closeStream(RequestContext &ctx)
{
    if (!ctx.finished && !ctx.cancelled) {
        emitOut(Outgoing::Kind::CloseStream, {}, ctx.key);
    }
}

void SessionCore::log(LogLevel level, const QJsonValue &data, const QString &logger, const RequestContext &ctx)
{
    // Legacy: the session's logging/setLevel. Modern (2026-07-28): only when the request opted in.
    const std::optional<LogLevel> threshold = ctx.modern ? ctx.logLevel : std::optional(m_state.logLevel);
    if (!threshold || level < *threshold) {
        return;
    }
    const QByteArray &relatedTo = ctx.key;
    QJsonObject params{{u"level"_s, toString(level)}, {u"data"_s, data}};
    if (!logger.isEmpty()) {
        params.insert(u"logger"_s, logger);
    }
    notify(u"notifications/message"_s, params, relatedTo);
}

void SessionCore::request(
    Responder responder, const QString &method, const QJsonObject &params, ReplyCallback callback, int timeoutMs)
{
    RequestContext *ctx = responder.m_ctx.get();
    if (isClosed() || !m_owner || (ctx && (ctx->finished || ctx->cancelled))) {
        return; // nobody is waiting for the answer any more
    }
    if (ctx && ctx->modern && ctx->method == "tools/call"_L1 && !capabilityFor(method).isEmpty()
        && ctx->clientCapabilities.contains(capabilityFor(method))) {
        requestInput(*ctx, method, params, std::move(callback), timeoutMs);
        return; // the Responder goes out of scope answered; the retry gets a new one
    }
    const QByteArray raw = QByteArray::number(m_nextOutgoingId++);
    const QByteArray key = jsonrpc::idKey(raw);
    const QString capability = capabilityFor(method);
    // Elicitation only exists from 2025-06-18: a client on an older revision cannot answer it.
    const bool revisionOk = capability != "elicitation"_L1 || protocol::has2025_06_18(m_state.revision);
    // The 2026-07-28 era has no server→client requests on the wire (MRTR is not implemented here).
    const bool modern = ctx && ctx->modern;
    const bool allowed =
        !modern && (capability.isEmpty() || (revisionOk && m_state.clientCapabilities.contains(capability)));

    auto *timer = new QTimer(m_owner);
    timer->setSingleShot(true);
    ClientReply refusal;
    refusal.error = allowed
        ? RpcError{errc::RequestTimeout, u"Request timed out: the client did not answer "_s + method, {}}
        : RpcError{errc::MethodNotFound,
                   modern ? u"%1 is not available to 2026-07-28 (stateless) requests"_s.arg(method)
                          : u"The client did not declare the '%1' capability needed for %2"_s.arg(capability, method),
                   {}};
    QObject::connect(timer, &QTimer::timeout, m_owner, [weak = weak_from_this(), key, refusal, allowed] {
        if (const auto core = weak.lock()) {
            core->finishPending(key, refusal, allowed);
        }
    });
    const QByteArray origin = ctx ? ctx->key : QByteArray();
    m_pending.emplace(key, Pending{std::move(callback), std::move(responder), timer, origin, allowed});
    if (ctx) {
        ctx->outgoing.append(key);
    }
    timer->start(allowed ? qMax(timeoutMs, 0) : 0);
    if (allowed) {
        emitOut(Outgoing::Kind::Request, jsonrpc::encodeRequest(raw, method, params), origin);
    }
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

void SessionCore::finishPending(const QByteArray &key, const ClientReply &reply, bool notifyClient, bool invokeCallback)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end()) {
        return;
    }
    Pending p = std::move(it->second);
    m_pending.erase(it);
    if (p.timer) {
        p.timer->stop();
        p.timer->deleteLater();
    }
    if (const auto origin = m_inFlight.value(p.originKey)) {
        origin->outgoing.removeAll(key);
    }
    if (notifyClient && p.sent) {
        notify(u"notifications/cancelled"_s,
               {{u"requestId"_s, key.mid(2).toLongLong()},
                {u"reason"_s, reply.error.message.isEmpty() ? u"no longer needed"_s : reply.error.message}});
    }
    if (invokeCallback && p.callback) {
        p.callback(std::move(p.responder), reply);
    }
}

} // namespace mcp
