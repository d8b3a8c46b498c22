// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

/// Every JSON-RPC error code the engine, a transport or the mcp-dimo shim sends, named once.
namespace mcp::errc {

// JSON-RPC 2.0.
inline constexpr int ParseError = -32700; ///< not JSON; answered with `id: null`
inline constexpr int InvalidRequest = -32600; ///< not a request; also oversize lines, requests before initialize
inline constexpr int MethodNotFound = -32601;
inline constexpr int InvalidParams = -32602;
inline constexpr int InternalError = -32603; ///< also: a request lost to a tray restart or a dropped answer

// Implementation-defined server errors (-32000…-32099), as MCP and its SDKs use them.
/// Streamable HTTP rejections (missing or unknown session, bad headers, authorization).
inline constexpr int TransportError = -32000;
/// Not sent by us: what server→client request callbacks get when the client does not answer.
inline constexpr int RequestTimeout = -32001;
inline constexpr int ResourceNotFound = -32002;
/// A session already has its limit of requests in flight (`data.limit`); sending again later works.
inline constexpr int TooManyRequests = -32005;
/// 2026-07-28 era over HTTP: `MCP-Protocol-Version`, `Mcp-Method` or `Mcp-Name` disagree with the body.
inline constexpr int HeaderMismatch = -32020;
/// 2026-07-28 era: the `_meta` envelope names a protocol version we do not speak (`data.supported`).
inline constexpr int UnsupportedProtocolVersion = -32022;

} // namespace mcp::errc
