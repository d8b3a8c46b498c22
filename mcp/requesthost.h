// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Internal: what a Responder asks of the session that owns its request. SessionCore implements it,
// so responder.cpp never includes the session engine (the arrow points from the session down).
#pragma once

#include "mcp/loglevel.h"
#include "mcp/responder.h"
#include "mcp/rpcerror.h"
#include "mcp/toolresult.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mcp {

struct RequestContext;

class RequestHost
{
public:
    virtual ~RequestHost() = default;

    virtual quint64 id() const = 0;
    virtual bool isClosed() const = 0;
    virtual QJsonObject clientInfo() const = 0;
    /// True when the client declared capability \a name for \a ctx's era.
    virtual bool clientSupports(const RequestContext &ctx, const QString &name) const = 0;
    /// True when the client declared extension \a id (Server::clientDeclares) for \a ctx's era.
    virtual bool clientDeclaresExtension(const RequestContext &ctx, const QString &id) const = 0;

    virtual void resolve(RequestContext &ctx, const QJsonObject &result) = 0;
    virtual void resolveTool(RequestContext &ctx, const ToolResult &result) = 0;
    virtual void reject(RequestContext &ctx, const RpcError &error) = 0;
    virtual void progress(RequestContext &ctx, double value, std::optional<double> total, const QString &message) = 0;
    virtual void closeStream(RequestContext &ctx) = 0;
    virtual void log(LogLevel level, const QJsonValue &data, const QString &logger, const RequestContext &ctx) = 0;
    virtual void request(Responder responder,
                         const QString &method,
                         const QJsonObject &params,
                         ReplyCallback callback,
                         int timeoutMs) = 0;

protected:
    RequestHost() = default;
    RequestHost(const RequestHost &) = default;
    RequestHost &operator=(const RequestHost &) = default;
};

} // namespace mcp
