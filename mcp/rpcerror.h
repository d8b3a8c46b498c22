// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QString>

namespace mcp {

/// JSON-RPC 2.0 and MCP error codes.
namespace ErrorCode {
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;
constexpr int InternalError = -32603;
constexpr int ResourceNotFound = -32002;
/// Not on the wire from us: reported to server→client request callbacks on timeout / close.
constexpr int RequestTimeout = -32001;
constexpr int ConnectionClosed = -32000;
} // namespace ErrorCode

/// A JSON-RPC error object.
struct RpcError
{
    int code = ErrorCode::InternalError;
    QString message;
    QJsonValue data = QJsonValue::Undefined;
};

} // namespace mcp
