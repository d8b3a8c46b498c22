// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QtGlobal>

/// DNS-rebinding and cross-site protection for the loopback endpoint: only loopback names may
/// appear in `Host`, and only the endpoint's own origin in `Origin`.
namespace mcp::http::originpolicy {

/// True for `localhost`, `127.0.0.1` or `[::1]`, with or without a port.
bool isLoopbackHost(const QByteArray &host);
/// True for an absent Origin (a non-browser client) or exactly the endpoint's own origin,
/// `http://127.0.0.1:<port>` or `http://localhost:<port>` (any case). Pages served by other local
/// ports (another user's server, a dev server) are other origins.
bool isAllowedOrigin(const QByteArray &origin, quint16 port);
/// Constant-time comparison of `Authorization` against `Bearer <token>`.
bool bearerMatches(const QByteArray &authorization, const QByteArray &token);

} // namespace mcp::http::originpolicy
