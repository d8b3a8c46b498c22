// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

/// Server-Sent Events framing (text/event-stream).
namespace mcp::http::sse {

/// One `message` event carrying \a json (a compact JSON-RPC message: never contains newlines).
QByteArray event(const QByteArray &json, const QByteArray &id = {});
/// The priming event of a resumable stream: an id, no data, and the client's reconnect delay.
QByteArray priming(const QByteArray &id, int retryMs);
/// A comment line, used as keep-alive.
QByteArray comment(const QByteArray &text);

} // namespace mcp::http::sse
