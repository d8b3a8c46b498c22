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
};

/// Incremental HTTP/1.1 request parser with size caps. Feed bytes; take complete requests.
class HttpRequestParser
{
public:
    static constexpr qsizetype MaxHeaderBytes = 16 * 1024;
    static constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024;

    enum class State { NeedMore, Ready, Error };

    void feed(const QByteArray &bytes) { m_buffer += bytes; }

    /// Ready: \a out holds the next request. Error: errorStatus()/errorText() say why (then close).
    State next(HttpRequest *out);

    int errorStatus() const { return m_errorStatus; }

    QByteArray errorText() const { return m_errorText; }

    qsizetype buffered() const { return m_buffer.size(); }

private:
    State fail(int status, const QByteArray &text);

    QByteArray m_buffer;
    int m_errorStatus = 0;
    QByteArray m_errorText;
};

} // namespace mcp::http
