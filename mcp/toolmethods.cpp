// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// tools/list and tools/call.
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
        tools.append(tool.toJson(SessionCore::contextOf(responder)->revision));
    }
    responder.resolve(QJsonObject{{u"tools"_s, tools}});
}

void toolsCall(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    const QJsonValue name = message.params.value("name"_L1);
    if (!name.isString()) {
        responder.reject({ErrorCode::InvalidParams, u"Invalid params: name (string) is required"_s, {}});
        return;
    }
    const Tool *tool = core.server().registry().tool(name.toString());
    if (!tool) {
        responder.reject({ErrorCode::InvalidParams, u"Unknown tool: "_s + name.toString(), {}});
        return;
    }
    const QJsonValue args = message.params.value("arguments"_L1);
    if (!args.isUndefined() && !args.isNull() && !args.isObject()) {
        responder.reject({ErrorCode::InvalidParams, u"Invalid params: arguments must be an object"_s, {}});
        return;
    }
    // Input validation failures are tool errors the model can fix (MCP 2025-11-25), not protocol errors.
    if (const auto violation = SchemaValidator::validate(args.toObject(), tool->effectiveInputSchema())) {
        responder.resolve(ToolResult::error(violation->toString()));
        return;
    }
    SessionCore::contextOf(responder)->toolName = tool->name;
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
