// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/httprequest.h"

#include <QList>

#include <utility>

namespace mcp::http {

namespace {

bool isToken(const QByteArray &s)
{
    if (s.isEmpty()) {
        return false;
    }
    for (const char c : s) {
        if (c <= 0x20 || c >= 0x7F || c == ':' || c == '(' || c == ')' || c == '"' || c == '/') {
            return false;
        }
    }
    return true;
}

} // namespace

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0") {
        return connection.contains("keep-alive");
    }
    return !connection.contains("close");
}

qsizetype HttpRequest::contentLength() const
{
    return header("content-length").toLongLong();
}

bool isJsonContentType(const QByteArray &value)
{
    const QList<QByteArray> parts = value.split(';');
    if (parts.front().trimmed().toLower() != "application/json") {
        return false;
    }
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed().toLower();
        if (parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"") {
            return false;
        }
    }
    return true;
}

HttpRequestParser::State HttpRequestParser::fail(int status, const QByteArray &text)
{
    m_errorStatus = status;
    m_errorText = text;
    m_buffer.clear();
    return State::Error;
}

HttpRequestParser::State HttpRequestParser::next(HttpRequest *out)
{
    if (m_errorStatus != 0) {
        return State::Error;
    }
    if (!m_haveHead) {
        const State head = parseHead(out);
        if (head == State::HeadReady) {
            m_head = *out;
            m_haveHead = true;
        }
        return head;
    }
    const qsizetype length = m_head.contentLength();
    if (m_buffer.size() < length) {
        return State::NeedMore;
    }
    m_head.body = m_buffer.left(length);
    m_buffer.remove(0, length);
    *out = std::exchange(m_head, {});
    m_haveHead = false;
    return State::Ready;
}

HttpRequestParser::State HttpRequestParser::parseHead(HttpRequest *out)
{
    while (m_buffer.startsWith("\r\n")) {
        m_buffer.remove(0, 2); // tolerated empty lines between requests (RFC 9112 §2.2)
    }
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        return m_buffer.size() > MaxHeaderBytes ? fail(431, "Request Header Fields Too Large") : State::NeedMore;
    }
    if (headerEnd > MaxHeaderBytes) {
        return fail(431, "Request Header Fields Too Large");
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.front().trimmed().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || !requestLine.at(2).startsWith("HTTP/1.")) {
        return fail(400, "Bad Request: malformed request line");
    }
    HttpRequest request;
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    request.version = requestLine.at(2);
    const qsizetype q = request.target.indexOf('?');
    request.path = q < 0 ? request.target : request.target.left(q);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) {
            return fail(400, "Bad Request: malformed header");
        }
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        const auto it = request.headers.find(name);
        if (it == request.headers.end()) {
            request.headers.insert(name, value);
        } else {
            *it += ", " + value;
        }
    }
    if (request.headers.contains("transfer-encoding")) {
        return fail(501, "Not Implemented: chunked request bodies are not supported; send Content-Length");
    }
    if (request.headers.contains("content-length")) {
        bool ok = false;
        const qsizetype length = request.header("content-length").toLongLong(&ok);
        if (!ok || length < 0) {
            return fail(400, "Bad Request: invalid Content-Length");
        }
        if (length > MaxBodyBytes) {
            return fail(413, "Content Too Large");
        }
    }
    m_buffer.remove(0, headerEnd + 4);
    *out = std::move(request);
    return State::HeadReady;
}

} // namespace mcp::http
