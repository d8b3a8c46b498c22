// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// tools/list and tools/call.
#include "mcp/era.h"
#include "mcp/logging.h"
#include "mcp/methods.h"
#include "mcp/schemavalidator.h"
#include "mcp/server.h"
#include "mcp/sessioncore.h"

#include <QJsonArray>

#include <exception>

using namespace Qt::StringLiterals;

namespace mcp::methods {

void toolsList(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    if (rejectCursor(message.params, responder)) {
        return;
    }
    QJsonArray tools;
    for (const Tool &tool : core.server().registry().tools()) {
        if (!tool.extension.isEmpty() && !responder.clientDeclaresExtension(tool.extension)) {
            continue;
        }
        QJsonObject entry = tool.toJson(SessionCore::contextOf(responder)->revision);
        QJsonObject meta;
        for (auto it = tool.extensionMeta.cbegin(); it != tool.extensionMeta.cend(); ++it) {
            if (responder.clientDeclaresExtension(it.key())) {
                for (auto m = it.value().constBegin(); m != it.value().constEnd(); ++m) {
                    meta.insert(m.key(), m.value());
                }
            }
        }
        if (!meta.isEmpty()) {
            entry.insert(u"_meta"_s, meta);
        }
        tools.append(entry);
    }
    responder.resolve(QJsonObject{{u"tools"_s, tools}});
}

namespace {

/// An MRTR retry (2026-07-28): hands the client's input response to the stored continuation.
void resumeWithInput(SessionCore &core, const jsonrpc::Message &message, const QString &toolName, Responder responder)
{
    auto entry =
        core.server().continuations().take(message.params.value("requestState"_L1).toString().toLatin1(), toolName);
    if (!entry) {
        responder.fail(u"This request state expired or was already used; call the tool again."_s);
        return;
    }
    const QJsonValue input = message.params.value("inputResponses"_L1).toObject().value(MrtrInputKey);
    ClientReply reply;
    reply.ok = input.isObject();
    reply.result = input.toObject();
    if (!reply.ok) {
        reply.error = {errc::InvalidParams, u"The retry carried no input response"_s, {}};
    }
    entry->callback(std::move(responder), reply);
}

} // namespace

void toolsCall(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    const QJsonValue name = message.params.value("name"_L1);
    if (!name.isString()) {
        responder.reject({errc::InvalidParams, u"Invalid params: name (string) is required"_s, {}});
        return;
    }
    const Tool *tool = core.server().registry().tool(name.toString());
    if (tool && !tool->extension.isEmpty() && !responder.clientDeclaresExtension(tool->extension)) {
        tool = nullptr; // the client did not declare the extension the tool belongs to
    }
    if (!tool) {
        responder.reject({errc::InvalidParams, u"Unknown tool: "_s + name.toString(), {}});
        return;
    }
    const QJsonValue args = message.params.value("arguments"_L1);
    if (!args.isUndefined() && !args.isNull() && !args.isObject()) {
        responder.reject({errc::InvalidParams, u"Invalid params: arguments must be an object"_s, {}});
        return;
    }
    RequestContext *ctx = SessionCore::contextOf(responder);
    ctx->toolName = tool->name;
    ctx->toolCallId = core.server().nextToolCallId();
    // A string over the server's cap is refused before any work, whatever the schema declares;
    // the activity log then gets no copy of the megabytes either.
    const auto oversize = SchemaValidator::oversizeString(args, core.server().maxArgumentLength());
    Q_EMIT core.server().toolCallStarted(
        ctx->toolCallId, tool->name, oversize ? QJsonObject() : args.toObject(), responder.clientInfo());
    if (oversize) {
        responder.resolve(ToolResult::error(oversize->toString() + u". Send a shorter value."_s));
        return;
    }
    // Input validation failures are tool errors the model can fix (MCP 2025-11-25), not protocol errors.
    if (const auto violation = SchemaValidator::validate(args.toObject(), tool->effectiveInputSchema())) {
        responder.resolve(ToolResult::error(violation->toString()));
        return;
    }
    if (ctx->era->isInputRetry(message.params)) {
        resumeWithInput(core, message, tool->name, std::move(responder));
        return;
    }
    const ToolHandler handler = tool->handler; // a copy: the handler may outlive registry changes
    try {
        handler(args.toObject(), std::move(responder));
    } catch (const std::exception &e) {
        qCWarning(lcMcp) << "tool" << name.toString() << "threw:" << e.what();
    }
}

QJsonObject finalizeToolResult(SessionCore &core, const QString &toolName, Revision revision, ToolResult result)
{
    const Tool *tool = toolName.isEmpty() ? nullptr : core.server().registry().tool(toolName);
    if (tool && !tool->outputSchema.isEmpty() && !result.isError) {
        if (!result.hasStructuredContent) {
            qCWarning(lcMcp) << "tool" << toolName << "declares an outputSchema but returned no structuredContent";
        } else if (const auto v = SchemaValidator::validate(result.structuredContent, tool->outputSchema)) {
            qCWarning(lcMcp) << "tool" << toolName << "structuredContent violates its outputSchema:" << v->message;
        }
    }
    if (result.hasStructuredContent && result.content.isEmpty()) {
        result.content.append(content::text(QString::fromUtf8(jsonrpc::compact(result.structuredContent))));
    }
    return capToolResult(std::move(result), core.server().maxResultBytes()).toJson(revision);
}

} // namespace mcp::methods
