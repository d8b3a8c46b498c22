// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

/// DNS-rebinding protection for the loopback endpoint: only loopback names may appear in
/// `Host` and `Origin`.
namespace mcp::http::originpolicy {

/// True for `localhost`, `127.0.0.1` or `[::1]`, with or without a port.
bool isLoopbackHost(const QByteArray &host);
/// True for an absent Origin or an http(s) origin whose host is loopback.
bool isAllowedOrigin(const QByteArray &origin);
/// Constant-time comparison of `Authorization` against `Bearer <token>`.
bool bearerMatches(const QByteArray &authorization, const QByteArray &token);

} // namespace mcp::http::originpolicy
