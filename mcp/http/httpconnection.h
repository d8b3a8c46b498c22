// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/http/httprequest.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>

class QTcpSocket;
class QTimer;

namespace mcp::http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// One keep-alive HTTP/1.1 connection. Requests are handled one at a time: after
/// requestReady, the next request is parsed only once a response was completed
/// (respond(), or startStream() … endStream()).
///
/// Every request first passes the gate with its headers only, before any of its body is kept:
/// a refused request is answered by the gate and the connection closes without reading the body
/// (beyond a short drain, so that the client reads the answer before the socket goes). Complete
/// headers are due within the header timeout, from the connection's start and after each response
/// (the keep-alive idle time); a connection that has not sent them by then is closed.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultHeaderTimeoutMs = 5 * 1000;
    static constexpr int BodyTimeoutMs = 60 * 1000; ///< an accepted request's body, between reads
    static constexpr qsizetype ReadBufferBytes = 64 * 1024; ///< what the socket reads ahead of us
    static constexpr qsizetype MaxDrainBytes = 64 * 1024; ///< body bytes read and dropped after a refusal
    static constexpr int DrainTimeoutMs = 1000;
    /// A peer that leaves more than this unread (pipelined requests, an SSE stream it does not
    /// read) is dropped instead of buffering without bound (issue 15).
    static constexpr qint64 MaxUnsentBytes = qint64{16} * 1024 * 1024;

    /// Sees each request's headers (body empty): true lets it on; false refuses it, and the gate
    /// must have answered it (respond()); the connection then closes.
    using Gate = std::function<bool(HttpConnection *connection, const HttpRequest &head)>;

    HttpConnection(QTcpSocket *socket, Gate gate, int headerTimeoutMs, QObject *parent = nullptr);
    ~HttpConnection() override;

    /// A complete response with Content-Length.
    void
    respond(int status, const HeaderList &headers, const QByteArray &body = {}, const QByteArray &contentType = {});
    /// Starts a chunked streaming response (SSE); write() chunks, then endStream().
    void startStream(int status, const HeaderList &headers, const QByteArray &contentType);
    void write(const QByteArray &chunk);
    void endStream();

    bool isStreaming() const { return m_streaming; }

    bool isOpen() const;
    void close();
    /// Closes at once (RST), e.g. to make room for another connection.
    void abort();

    /// Whether a request on this connection has passed the gate (an authenticated client).
    bool hasPassedGate() const { return m_passedGate; }

    /// Waiting for a request's headers: neither serving a request nor receiving an accepted body.
    bool isIdle() const { return !m_busy && !m_inBody && !m_closed; }

Q_SIGNALS:
    void requestReady(const mcp::http::HttpRequest &request);
    /// The peer went away or the connection was closed; the object deletes itself later.
    void closed();

private:
    void handleReadyRead();
    void processNext();
    void passHead(const HttpRequest &head);
    bool dropIfNotReading();
    void finishResponse();
    void drain();
    void writeHead(int status, const HeaderList &headers, const QByteArray &contentType, qsizetype length);

    QPointer<QTcpSocket> m_socket;
    Gate m_gate;
    int m_headerTimeoutMs;
    QTimer *m_timer = nullptr; ///< header timeout, body timeout or drain timeout
    HttpRequestParser m_parser;
    bool m_busy = false; ///< a request (or a refusal) is being answered
    bool m_inBody = false; ///< an accepted request's body is being received
    bool m_passedGate = false;
    bool m_streaming = false;
    bool m_keepAlive = true;
    bool m_closing = false; ///< the last response is out (Connection: close): no more requests
    bool m_closed = false;
    qsizetype m_drainLeft = 0; ///< refused body bytes still to drop before closing
};

QByteArray reasonPhrase(int status);

} // namespace mcp::http
