// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/httpconnection.h"

#include "mcp/logging.h"

#include <QTcpSocket>
#include <QTimer>

namespace mcp::http {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

HttpConnection::HttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_idle(new QTimer(this))
{
    socket->setParent(this);
    m_idle->setSingleShot(true);
    m_idle->setInterval(IdleTimeoutMs);
    connect(m_idle, &QTimer::timeout, this, [this] {
        if (!m_busy) {
            close();
        }
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::handleReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    m_idle->start();
    QTimer::singleShot(0, this, &HttpConnection::handleReadyRead);
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isOpen() const
{
    return !m_closed && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::close()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    m_idle->stop();
    if (m_socket) {
        m_socket->disconnectFromHost();
    }
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::handleReadyRead()
{
    if (m_closed || !m_socket) {
        return;
    }
    m_parser.feed(m_socket->readAll());
    processNext();
}

bool HttpConnection::dropIfNotReading()
{
    if (!m_socket || m_socket->bytesToWrite() <= MaxUnsentBytes) {
        return false;
    }
    qCWarning(lcMcp) << "dropping an HTTP client that does not read:" << m_socket->bytesToWrite() << "bytes unsent";
    m_socket->abort(); // disconnectFromHost() would wait for the unsent bytes
    close();
    return true;
}

void HttpConnection::processNext()
{
    if (m_busy || m_closed || dropIfNotReading()) {
        return;
    }
    HttpRequest request;
    switch (m_parser.next(&request)) {
    case HttpRequestParser::State::NeedMore:
        return;
    case HttpRequestParser::State::Error:
        m_busy = true;
        m_keepAlive = false;
        respond(m_parser.errorStatus(), {}, m_parser.errorText() + '\n', "text/plain");
        return;
    case HttpRequestParser::State::Ready:
        break;
    }
    m_busy = true;
    m_keepAlive = request.keepAlive();
    m_idle->stop();
    Q_EMIT requestReady(request);
}

void HttpConnection::writeHead(int status, const HeaderList &headers, const QByteArray &contentType, qsizetype length)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers) {
        head += name + ": " + value + "\r\n";
    }
    if (!contentType.isEmpty()) {
        head += "Content-Type: " + contentType + "\r\n";
    }
    if (length >= 0) {
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    } else {
        head += "Transfer-Encoding: chunked\r\n";
    }
    head += m_keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    m_socket->write(head);
}

void HttpConnection::respond(int status,
                             const HeaderList &headers,
                             const QByteArray &body,
                             const QByteArray &contentType)
{
    if (!isOpen() || m_streaming) {
        return;
    }
    writeHead(status, headers, contentType, body.size());
    m_socket->write(body);
    finishResponse();
}

void HttpConnection::startStream(int status, const HeaderList &headers, const QByteArray &contentType)
{
    if (!isOpen() || m_streaming) {
        return;
    }
    m_streaming = true;
    writeHead(status, headers, contentType, -1);
    m_socket->flush();
}

void HttpConnection::write(const QByteArray &chunk)
{
    if (!isOpen() || !m_streaming || chunk.isEmpty() || dropIfNotReading()) {
        return;
    }
    m_socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    m_socket->flush();
}

void HttpConnection::endStream()
{
    if (!isOpen() || !m_streaming) {
        return;
    }
    m_socket->write("0\r\n\r\n");
    m_streaming = false;
    finishResponse();
}

void HttpConnection::finishResponse()
{
    m_socket->flush();
    m_busy = false;
    if (!m_keepAlive) {
        m_socket->disconnectFromHost();
        return;
    }
    m_idle->start();
    QTimer::singleShot(0, this, &HttpConnection::processNext);
}

} // namespace mcp::http
