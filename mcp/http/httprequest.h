// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>

namespace mcp::http {

/// One parsed HTTP/1.1 request.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< request target as sent
    QByteArray path; ///< target without query
    QByteArray version; ///< "HTTP/1.1"
    QHash<QByteArray, QByteArray> headers; ///< lower-case names; repeated headers joined with ", "
    QByteArray body;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }

    bool keepAlive() const;
    /// The declared Content-Length (0 when absent; the parser has validated it).
    qsizetype contentLength() const;
};

/// True for a `Content-Type` whose media type is exactly `application/json` (any case), with no
/// parameter other than `charset=utf-8`: `text/plain; x=application/json` is not JSON.
bool isJsonContentType(const QByteArray &value);

/// Incremental HTTP/1.1 request parser with size caps. Feed bytes; take complete requests. Each
/// request is reported twice: HeadReady once its headers are complete (before any of its body is
/// kept, so that the caller can refuse it first), then Ready with the body.
class HttpRequestParser
{
public:
    static constexpr qsizetype MaxHeaderBytes = 16 * 1024;
    static constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024;

    enum class State { NeedMore, HeadReady, Ready, Error };

    void feed(const QByteArray &bytes) { m_buffer += bytes; }

    /// HeadReady: \a out holds the next request without its body. Ready: \a out holds the whole
    /// request. Error: errorStatus()/errorText() say why (then close).
    State next(HttpRequest *out);

    int errorStatus() const { return m_errorStatus; }

    QByteArray errorText() const { return m_errorText; }

    qsizetype buffered() const { return m_buffer.size(); }

private:
    State fail(int status, const QByteArray &text);
    State parseHead(HttpRequest *out);

    QByteArray m_buffer;
    HttpRequest m_head; ///< the request whose body is awaited (after HeadReady)
    bool m_haveHead = false;
    int m_errorStatus = 0;
    QByteArray m_errorText;
};

} // namespace mcp::http
