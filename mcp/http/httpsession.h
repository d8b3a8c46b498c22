// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/http/httpconnection.h"
#include "mcp/outgoing.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>

class QTimer;

namespace mcp {

class Server;
class Session;

namespace http {

/// One Streamable HTTP session (`Mcp-Session-Id`): an mcp::Session plus the streams its
/// messages go to — each POST's response (JSON or SSE) and the optional GET stream.
class HttpSession : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxQueuedMessages = 256;
    static constexpr qsizetype MaxHistory = 256; ///< events kept per stream for Last-Event-ID resumption
    static constexpr qsizetype MaxDetachedStreams = 16;
    static constexpr int RetryMs = 500; ///< the SSE `retry` the client waits before resuming
    static constexpr int KeepAliveMs = 20 * 1000; ///< `:` comments on idle streams (proxies, client body timeouts)

    /// An empty \a id makes a stateless (2026-07-28) session: one POST, no Mcp-Session-Id, and
    /// closing its stream cancels the request; it emits drained() when done.
    HttpSession(Server *server, QByteArray id, QObject *parent = nullptr);
    ~HttpSession() override;

    QByteArray id() const { return m_id; }

    Session *session() const { return m_session; }

    QDateTime lastActivity() const { return m_lastActivity; }

    void handlePost(HttpConnection *connection, const HttpRequest &request);
    void handleGet(HttpConnection *connection, const HttpRequest &request);
    /// Ends the session (DELETE or eviction): cancels in-flight work, closes its streams.
    void terminate();

    bool isStateless() const { return m_id.isEmpty(); }

    /// Whether a request of this session still awaits its response (the session must not be
    /// evicted then).
    bool hasCallsInFlight() const;

Q_SIGNALS:
    /// A stateless session answered its request (or lost its client): delete it.
    void drained();

private:
    struct Stream
    {
        QPointer<HttpConnection> connection;
        QSet<QByteArray> expected; ///< idKeys still to be answered on this stream
        QList<QByteArray> buffered; ///< messages captured before the response started
        bool sse = false;
        bool started = false;
        bool hasNonResponse = false;
        QMetaObject::Connection closedConnection;
        int number = 0; ///< event ids are "<number>-<seq>"
        int seq = 0;
        QList<QPair<int, QByteArray>> history; ///< sent events, replayed on resumption
    };

    void handleRouted(const Outgoing &message);
    Stream *streamFor(const Outgoing &message);
    void deliver(Stream &stream, const Outgoing &message);
    void sendUnsolicited(const QByteArray &json);
    void startSse(Stream &stream);
    void removeStream(const std::shared_ptr<Stream> &stream);
    void sendKeepAlive();
    void writeEvent(Stream &stream, const QByteArray &json);
    void attach(const std::shared_ptr<Stream> &stream, HttpConnection *connection);
    void detach(const std::shared_ptr<Stream> &stream);
    bool resume(HttpConnection *connection, const QByteArray &lastEventId);
    std::shared_ptr<Stream> ownerOf(const Stream *stream) const;
    void finishIfDone(const std::shared_ptr<Stream> &stream);
    HeaderList baseHeaders() const;
    int statusFor(const QByteArray &response) const;

    QByteArray m_id;
    Session *m_session = nullptr;
    QList<std::shared_ptr<Stream>> m_streams;
    std::shared_ptr<Stream> m_capturing;
    QPointer<HttpConnection> m_getStream;
    QList<QByteArray> m_queue;
    int m_nextStream = 0;
    QTimer *m_keepAlive = nullptr;
    QDateTime m_lastActivity;
};

} // namespace http
} // namespace mcp
