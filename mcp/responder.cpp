// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/responder.h"

#include "mcp/logging.h"
#include "mcp/requestcontext.h"
#include "mcp/requesthost.h"

using namespace Qt::StringLiterals;

namespace mcp {

Responder::Responder(std::shared_ptr<RequestContext> context)
    : m_ctx(std::move(context))
{}

Responder &Responder::operator=(Responder &&other) noexcept
{
    if (this != &other) {
        Responder abandoned(std::move(*this)); // answers if it was still pending
        m_ctx = std::move(other.m_ctx);
    }
    return *this;
}

/*!
    A Responder destroyed while its request is still pending answers a JSON-RPC internal error,
    so the client is never left waiting because a handler forgot to resolve.
*/
Responder::~Responder()
{
    if (!m_ctx || m_ctx->finished || m_ctx->cancelled) {
        return;
    }
    if (const auto c = core()) {
        qCWarning(lcMcp) << "request handler dropped its Responder unresolved; answering an internal error";
        c->reject(*m_ctx,
                  {errc::InternalError, u"Internal error: the request handler finished without a result"_s, {}});
    }
}

std::shared_ptr<RequestHost> Responder::core() const
{
    return m_ctx ? m_ctx->core.lock() : nullptr;
}

void Responder::resolve(const ToolResult &result)
{
    if (const auto c = core()) {
        c->resolveTool(*m_ctx, result);
    }
}

void Responder::resolve(const QJsonObject &result)
{
    if (const auto c = core()) {
        c->resolve(*m_ctx, result);
    }
}

void Responder::fail(const QString &message)
{
    resolve(ToolResult::error(message));
}

void Responder::reject(const RpcError &error)
{
    if (const auto c = core()) {
        c->reject(*m_ctx, error);
    }
}

bool Responder::isPending() const
{
    const auto c = core();
    return c && !c->isClosed() && !m_ctx->finished && !m_ctx->cancelled;
}

bool Responder::isCancelled() const
{
    return m_ctx && m_ctx->cancelled;
}

void Responder::onCancelled(std::function<void()> handler)
{
    if (!m_ctx || m_ctx->finished) {
        return;
    }
    if (m_ctx->cancelled) {
        handler();
        return;
    }
    m_ctx->onCancel = std::move(handler);
}

bool Responder::hasProgressToken() const
{
    return m_ctx && !m_ctx->progressToken.isEmpty();
}

void Responder::progress(double progress, std::optional<double> total, const QString &message)
{
    if (const auto c = core()) {
        c->progress(*m_ctx, progress, total, message);
    }
}

void Responder::log(LogLevel level, const QJsonValue &data, const QString &logger)
{
    if (const auto c = core(); c && !m_ctx->finished && !m_ctx->cancelled) {
        c->log(level, data, logger, *m_ctx);
    }
}

void Responder::closeStream()
{
    if (const auto c = core()) {
        c->closeStream(*m_ctx);
    }
}

Revision Responder::revision() const
{
    const auto c = core();
    return m_ctx ? m_ctx->revision : protocol::latest();
}

QJsonObject Responder::clientInfo() const
{
    const auto c = core();
    return c ? c->clientInfo() : QJsonObject();
}

quint64 Responder::sessionId() const
{
    const auto c = core();
    return c ? c->id() : 0;
}

bool Responder::clientSupports(const QString &name) const
{
    const auto c = core();
    return c && c->clientSupports(*m_ctx, name);
}

bool Responder::clientDeclaresExtension(const QString &id) const
{
    const auto c = core();
    return c && c->clientDeclaresExtension(*m_ctx, id);
}

void Responder::request(const QString &method, const QJsonObject &params, ReplyCallback callback, int timeoutMs) &&
{
    if (const auto c = core()) {
        c->request(std::move(*this), method, params, std::move(callback), timeoutMs);
    }
}

void Responder::elicit(const QString &message,
                       const QJsonObject &requestedSchema,
                       ReplyCallback callback,
                       int timeoutMs) &&
{
    std::move(*this).request(u"elicitation/create"_s,
                             QJsonObject{{u"message"_s, message}, {u"requestedSchema"_s, requestedSchema}},
                             std::move(callback),
                             timeoutMs);
}

} // namespace mcp
