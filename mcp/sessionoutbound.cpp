// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// SessionCore: what the server sends on its own — progress, log messages, server→client requests.
#include "mcp/era.h"
#include "mcp/logging.h"
#include "mcp/methods.h"
#include "mcp/server.h"
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

bool SessionCore::clientSupports(const RequestContext &ctx, const QString &name) const
{
    return ctx.era->clientCapabilities(ctx, m_state).contains(name);
}

bool SessionCore::clientDeclaresExtension(const RequestContext &ctx, const QString &id) const
{
    return m_server && m_server->clientDeclares(ctx.era->clientCapabilities(ctx, m_state), id);
}

void SessionCore::closeStream(RequestContext &ctx)
{
    if (!ctx.finished && !ctx.cancelled) {
        emitOut(Outgoing::Kind::CloseStream, {}, ctx.key);
    }
}

void SessionCore::log(LogLevel level, const QJsonValue &data, const QString &logger, const RequestContext &ctx)
{
    const std::optional<LogLevel> threshold = ctx.era->logThreshold(ctx, m_state);
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
    const QString capability = capabilityFor(method);
    const Era &era = ctx ? *ctx->era : Era::legacy();
    const Era::Outbound route = era.outbound(ctx, method, capability, m_state);
    if (route == Era::Outbound::InputRequired) {
        requestInput(*ctx, method, params, std::move(callback), timeoutMs);
        return; // the Responder goes out of scope answered; the retry gets a new one
    }
    const QByteArray raw = QByteArray::number(m_nextOutgoingId++);
    const QByteArray key = jsonrpc::idKey(raw);
    const bool allowed = route == Era::Outbound::Wire;

    auto *timer = new QTimer(m_owner);
    timer->setSingleShot(true);
    ClientReply refusal;
    refusal.error = allowed
        ? RpcError{errc::RequestTimeout, u"Request timed out: the client did not answer "_s + method, {}}
        : RpcError{errc::MethodNotFound, era.refusal(method, capability), {}};
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
