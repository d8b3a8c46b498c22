// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>

class QObject;

namespace mcp {

class Server;

namespace http {

class HttpConnection;
struct HttpRequest;

/// The transport's counterpart of mcp::Era: what Streamable HTTP does differently for the
/// stateless 2026-07-28 era, chosen by the same rule (modern only when the server enables it, and
/// then only for requests that carry the era's `_meta` envelope), so HttpServer's legacy path
/// (sessions, 2025-03-26 … 2025-11-25) reads without it. Legacy in httpera.cpp, modern in
/// modernhttp.cpp.
class HttpEra
{
public:
    virtual ~HttpEra() = default;

    /// The era rules of \a server's HTTP requests: modern() when it serves 2026-07-28, else legacy().
    static const HttpEra &of(const Server &server);
    static const HttpEra &legacy();
    static const HttpEra &modern();

    /// Whether an `MCP-Protocol-Version` header naming \a version may pass.
    virtual bool acceptsVersionHeader(QByteArrayView version) const = 0;
    /// Serves a POST without `Mcp-Session-Id` that belongs to this era (answering it, or refusing
    /// it with 400); false: it is legacy traffic for the session path. A served request gets a
    /// throwaway session owned by \a parent.
    virtual bool
    serveSessionless(Server *server, HttpConnection *connection, const HttpRequest &request, QObject *parent) const = 0;
};

} // namespace http
} // namespace mcp
