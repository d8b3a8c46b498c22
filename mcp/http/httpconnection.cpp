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

HttpConnection::HttpConnection(QTcpSocket *socket, Gate gate, int headerTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_gate(std::move(gate))
    , m_headerTimeoutMs(headerTimeoutMs)
    , m_timer(new QTimer(this))
{
    socket->setParent(this);
    socket->setReadBufferSize(ReadBufferBytes); // the rest waits in the kernel while we are busy
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_busy || m_drainLeft > 0) {
            qCDebug(lcMcpHttp) << "closing a connection: no complete request headers (or body) in time";
            close();
        }
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::handleReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    m_timer->start(m_headerTimeoutMs);
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
    m_timer->stop();
    if (m_socket) {
        m_socket->disconnectFromHost();
    }
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::abort()
{
    if (!m_closed && m_socket) {
        m_socket->abort();
    }
    close();
}

void HttpConnection::handleReadyRead()
{
    if (m_closed || !m_socket) {
        return;
    }
    if (m_closing) {
        drain(); // what a refused request still sends is dropped, nothing more is parsed
        return;
    }
    if (m_busy) {
        return; // read once the response is complete; the socket buffers at most ReadBufferBytes
    }
    const QByteArray bytes = m_socket->readAll();
    if (m_inBody && !bytes.isEmpty()) {
        m_timer->start(BodyTimeoutMs);
    }
    m_parser.feed(bytes);
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
    if (m_busy || m_closing || m_closed || dropIfNotReading()) {
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
    case HttpRequestParser::State::HeadReady:
        passHead(request);
        return;
    case HttpRequestParser::State::Ready:
        break;
    }
    m_inBody = false;
    m_busy = true;
    m_keepAlive = request.keepAlive();
    m_timer->stop();
    Q_EMIT requestReady(request);
}

void HttpConnection::passHead(const HttpRequest &head)
{
    m_timer->stop();
    m_busy = true;
    m_keepAlive = false;
    // Should the gate refuse it, the body is not read: only what the client already sent is
    // dropped (up to MaxDrainBytes), so that closing the socket does not reset the answer.
    m_drainLeft = qMax<qsizetype>(0, qMin(head.contentLength(), MaxDrainBytes) - m_parser.buffered());
    if (m_gate && !m_gate(this, head)) {
        return; // answered by the gate; finishResponse() drains and closes
    }
    m_drainLeft = 0;
    m_busy = false;
    m_keepAlive = true;
    m_passedGate = true;
    m_inBody = true;
    m_timer->start(BodyTimeoutMs);
    processNext();
}

void HttpConnection::drain()
{
    if (!m_socket) {
        return;
    }
    if (m_drainLeft <= 0) {
        m_socket->readAll(); // closing anyway
        return;
    }
    m_drainLeft -= m_socket->read(m_drainLeft).size();
    if (m_drainLeft <= 0) {
        m_timer->stop();
        m_socket->disconnectFromHost();
    }
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
    if (m_keepAlive) {
        // Clients that honour it (undici) stop reusing the connection before the header timeout.
        head += "Connection: keep-alive\r\nKeep-Alive: timeout=" + QByteArray::number(qMax(1, m_headerTimeoutMs / 1000))
            + "\r\n\r\n";
    } else {
        head += "Connection: close\r\n\r\n";
    }
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
        m_closing = true;
        if (m_drainLeft > 0) {
            m_timer->start(DrainTimeoutMs);
            drain();
        } else {
            m_socket->disconnectFromHost();
        }
        return;
    }
    m_timer->start(m_headerTimeoutMs);
    QTimer::singleShot(0, this, &HttpConnection::handleReadyRead);
}

} // namespace mcp::http
