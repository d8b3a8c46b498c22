// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/jsonrpc.h"
#include "mcp/responder.h"

namespace mcp {

class Registry;
class SessionCore;

/// The MCP request handlers, one per method (internal). Each resolves its Responder once.
namespace methods {

/// The key of the single embedded input request of an MRTR `input_required` result.
inline constexpr QStringView MrtrInputKey = u"input";

using Handler = void (*)(SessionCore &core, const jsonrpc::Message &message, Responder responder);

/// The handler of \a method, or nullptr.
Handler find(const QString &method);
/// Methods allowed before `initialize`.
bool allowedBeforeInitialize(const QString &method);
/// The server capabilities \a registry offers under \a revision.
QJsonObject serverCapabilities(const Registry &registry, Revision revision);

// lifecycle.cpp
void initialize(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void ping(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void discover(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void setLogLevel(SessionCore &core, const jsonrpc::Message &message, Responder responder);
// toolmethods.cpp
void toolsList(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void toolsCall(SessionCore &core, const jsonrpc::Message &message, Responder responder);
/// Revision stripping, outputSchema check, text mirror and size cap of a tool result.
QJsonObject finalizeToolResult(SessionCore &core, const QString &toolName, Revision revision, ToolResult result);
// resourcemethods.cpp
void resourcesList(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void resourceTemplatesList(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void resourcesRead(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void resourcesSubscribe(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void resourcesUnsubscribe(SessionCore &core, const jsonrpc::Message &message, Responder responder);
// promptmethods.cpp
void promptsList(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void promptsGet(SessionCore &core, const jsonrpc::Message &message, Responder responder);
void complete(SessionCore &core, const jsonrpc::Message &message, Responder responder);

/// -32602 "Invalid cursor" when \a params carries a cursor (every list is one page); true if rejected.
bool rejectCursor(const QJsonObject &params, Responder &responder);

} // namespace methods
} // namespace mcp
