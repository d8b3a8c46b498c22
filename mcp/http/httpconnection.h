// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/http/httprequest.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

class QTcpSocket;
class QTimer;

namespace mcp::http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// One keep-alive HTTP/1.1 connection. Requests are handled one at a time: after
/// requestReady, the next request is parsed only once a response was completed
/// (respond(), or startStream() … endStream()).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr int IdleTimeoutMs = 60 * 1000;
    /// A peer that leaves more than this unread (pipelined requests, an SSE stream it does not
    /// read) is dropped instead of buffering without bound (issue 15).
    static constexpr qint64 MaxUnsentBytes = qint64{16} * 1024 * 1024;

    explicit HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);
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

Q_SIGNALS:
    void requestReady(const mcp::http::HttpRequest &request);
    /// The peer went away or the connection was closed; the object deletes itself later.
    void closed();

private:
    void handleReadyRead();
    void processNext();
    bool dropIfNotReading();
    void finishResponse();
    void writeHead(int status, const HeaderList &headers, const QByteArray &contentType, qsizetype length);

    QPointer<QTcpSocket> m_socket;
    QTimer *m_idle = nullptr;
    HttpRequestParser m_parser;
    bool m_busy = false;
    bool m_streaming = false;
    bool m_keepAlive = true;
    bool m_closed = false;
};

QByteArray reasonPhrase(int status);

} // namespace mcp::http
