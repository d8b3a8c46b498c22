// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/httpsession.h"

#include "mcp/http/sse.h"
#include "mcp/jsonrpc.h"
#include "mcp/logging.h"
#include "mcp/server.h"
#include "mcp/session.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcp::http {

HttpSession::HttpSession(Server *server, QByteArray id, QObject *parent)
    : QObject(parent)
    , m_id(std::move(id))
    , m_session(server->createSession(this))
    , m_lastActivity(QDateTime::currentDateTimeUtc())
{
    connect(m_session, &Session::routed, this, &HttpSession::handleRouted);
    m_keepAlive = new QTimer(this);
    m_keepAlive->setInterval(KeepAliveMs);
    connect(m_keepAlive, &QTimer::timeout, this, &HttpSession::sendKeepAlive);
    m_keepAlive->start();
}

HttpSession::~HttpSession()
{
    terminate();
}

HeaderList HttpSession::baseHeaders() const
{
    HeaderList headers{{"Cache-Control", "no-cache, no-store"}};
    if (!m_id.isEmpty()) {
        headers.append(qMakePair(QByteArray("Mcp-Session-Id"), m_id));
    }
    return headers;
}

/*!
    Feeds one POST body to the session. Responses produced synchronously are answered as one
    JSON body (202 when there is nothing to answer); anything still pending turns the response
    into an SSE stream (when the client accepts one) that carries related notifications and
    server→client requests, then the response, and ends.
*/
void HttpSession::handlePost(HttpConnection *connection, const HttpRequest &request)
{
    m_lastActivity = QDateTime::currentDateTimeUtc();
    auto stream = std::make_shared<Stream>();
    stream->connection = connection;
    stream->sse = request.header("accept").contains("text/event-stream");
    for (const jsonrpc::Message &m : jsonrpc::decode(request.body).messages) {
        if ((m.kind == jsonrpc::Kind::Request || m.kind == jsonrpc::Kind::Invalid) && !m.rawId.isEmpty()) {
            stream->expected.insert(jsonrpc::idKey(m.rawId));
        }
    }
    const bool hasRequests = !stream->expected.isEmpty();
    m_streams.append(stream);
    stream->number = ++m_nextStream;
    attach(stream, connection);
    m_capturing = stream;
    m_session->receive(request.body);
    m_capturing.reset();
    if (!m_streams.contains(stream) || !connection->isOpen() || stream->started) {
        return;
    }
    if (!stream->expected.isEmpty()) {
        if (stream->sse) {
            startSse(*stream);
        }
        return; // JSON-only client: answered when the response arrives
    }
    removeStream(stream);
    if (stream->buffered.isEmpty()) {
        connection->respond(202, baseHeaders());
    } else if (!stream->hasNonResponse || !stream->sse) {
        connection->respond(hasRequests ? statusFor(stream->buffered.last()) : 400,
                            baseHeaders(),
                            stream->buffered.last(),
                            "application/json");
    } else {
        startSse(*stream);
        connection->endStream();
    }
}

/*!
    The HTTP status of a synchronous answer: stateless (2026-07-28) requests map protocol
    errors onto HTTP (unknown method 404, envelope and header problems 400); sessions use 200.
*/
int HttpSession::statusFor(const QByteArray &response) const
{
    if (!isStateless()) {
        return 200;
    }
    const int code = QJsonDocument::fromJson(response).object().value("error"_L1).toObject().value("code"_L1).toInt();
    if (code == errc::MethodNotFound) {
        return 404;
    }
    return code == errc::HeaderMismatch || code == errc::UnsupportedProtocolVersion ? 400 : 200;
}

void HttpSession::handleGet(HttpConnection *connection, const HttpRequest &request)
{
    m_lastActivity = QDateTime::currentDateTimeUtc();
    if (!request.header("accept").contains("text/event-stream")) {
        connection->respond(406, baseHeaders(), "Not Acceptable: GET needs Accept: text/event-stream\n", "text/plain");
        return;
    }
    if (resume(connection, request.header("last-event-id"))) {
        return;
    }
    if (m_getStream && m_getStream->isOpen()) {
        connection->respond(409, baseHeaders(), "Conflict: this session already has a GET stream\n", "text/plain");
        return;
    }
    m_getStream = connection;
    HeaderList headers = baseHeaders();
    headers.append(qMakePair(QByteArray("X-Accel-Buffering"), QByteArray("no")));
    connection->startStream(200, headers, "text/event-stream");
    connection->write(sse::comment("stream open"));
    for (const QByteArray &json : std::exchange(m_queue, {})) {
        connection->write(sse::event(json));
    }
}

bool HttpSession::hasCallsInFlight() const
{
    return std::any_of(m_streams.cbegin(), m_streams.cend(), [](const std::shared_ptr<Stream> &stream) {
        return !stream->expected.isEmpty();
    });
}

void HttpSession::terminate()
{
    if (m_session) {
        m_session->close();
    }
    for (const auto &stream : std::exchange(m_streams, {})) {
        if (stream->connection) {
            stream->connection->close();
        }
    }
    if (m_getStream) {
        m_getStream->endStream();
        m_getStream = nullptr;
    }
}

void HttpSession::handleRouted(const Outgoing &message)
{
    if (message.kind == Outgoing::Kind::Dropped) {
        for (const auto &stream : QList(m_streams)) {
            for (const QByteArray &key : message.respondsTo) {
                stream->expected.remove(key);
            }
            finishIfDone(stream);
        }
        return;
    }
    if (message.kind == Outgoing::Kind::CloseStream && isStateless()) {
        return; // a stateless request has no stream to resume
    }
    if (message.kind == Outgoing::Kind::CloseStream) {
        Stream *stream = streamFor(message);
        const auto owner = ownerOf(stream);
        if (owner && owner->started && owner->connection) {
            HttpConnection *connection = owner->connection;
            detach(owner);
            connection->endStream(); // the client resumes with GET + Last-Event-ID
        }
        return;
    }
    if (Stream *stream = streamFor(message)) {
        deliver(*stream, message);
    } else if (message.kind != Outgoing::Kind::Response) {
        sendUnsolicited(message.json);
    }
}

HttpSession::Stream *HttpSession::streamFor(const Outgoing &message)
{
    if (message.kind == Outgoing::Kind::Response && message.respondsTo.isEmpty()) {
        return m_capturing.get();
    }
    for (const auto &stream : std::as_const(m_streams)) {
        if (message.kind == Outgoing::Kind::Response) {
            for (const QByteArray &key : message.respondsTo) {
                if (stream->expected.contains(key)) {
                    return stream.get();
                }
            }
        } else if (!message.relatedTo.isEmpty() && stream->expected.contains(message.relatedTo)) {
            return stream.get();
        }
    }
    return nullptr;
}

void HttpSession::deliver(Stream &stream, const Outgoing &message)
{
    const bool isResponse = message.kind == Outgoing::Kind::Response;
    for (const QByteArray &key : message.respondsTo) {
        stream.expected.remove(key);
    }
    const std::shared_ptr<Stream> owner = ownerOf(&stream);
    if (!stream.started) {
        if (!isResponse && !stream.sse) {
            sendUnsolicited(message.json); // a JSON-only POST cannot carry it
            return;
        }
        stream.hasNonResponse = stream.hasNonResponse || !isResponse;
        stream.buffered.append(message.json);
        if (owner && m_capturing != owner && stream.expected.isEmpty() && stream.connection) {
            removeStream(owner); // the asynchronous answer of a JSON-only POST
            stream.connection->respond(200, baseHeaders(), stream.buffered.last(), "application/json");
        }
        return;
    }
    writeEvent(stream, message.json);
    if (owner) {
        finishIfDone(owner);
    }
}

void HttpSession::finishIfDone(const std::shared_ptr<Stream> &stream)
{
    if (!stream->expected.isEmpty() || m_capturing == stream) {
        return;
    }
    if (stream->started && !stream->connection) {
        return; // detached and complete: kept until the client resumes it (or it ages out)
    }
    removeStream(stream);
    if (!stream->connection) {
        return;
    }
    if (stream->started) {
        stream->connection->endStream();
    } else {
        stream->connection->respond(202, baseHeaders()); // every request of the POST was cancelled
    }
}

void HttpSession::sendKeepAlive()
{
    const QByteArray comment = sse::comment("keep-alive");
    if (m_getStream && m_getStream->isOpen() && m_getStream->isStreaming()) {
        m_getStream->write(comment);
    }
    for (const auto &stream : std::as_const(m_streams)) {
        if (stream->started && stream->connection) {
            stream->connection->write(comment);
        }
    }
}

void HttpSession::removeStream(const std::shared_ptr<Stream> &stream)
{
    disconnect(stream->closedConnection); // keep-alive connections carry many POSTs
    m_streams.removeAll(stream);
    if (isStateless() && m_streams.isEmpty() && !m_capturing) {
        Q_EMIT drained();
    }
}

void HttpSession::startSse(Stream &stream)
{
    HeaderList headers = baseHeaders();
    headers.append(qMakePair(QByteArray("X-Accel-Buffering"), QByteArray("no")));
    stream.connection->startStream(200, headers, "text/event-stream");
    stream.started = true;
    stream.connection->write(sse::priming(QByteArray::number(stream.number) + "-0", RetryMs));
    for (const QByteArray &json : std::exchange(stream.buffered, {})) {
        writeEvent(stream, json);
    }
}

void HttpSession::writeEvent(Stream &stream, const QByteArray &json)
{
    stream.history.append({++stream.seq, json});
    if (stream.history.size() > MaxHistory) {
        stream.history.removeFirst();
    }
    if (stream.connection) {
        stream.connection->write(
            sse::event(json, QByteArray::number(stream.number) + '-' + QByteArray::number(stream.seq)));
    }
}

std::shared_ptr<HttpSession::Stream> HttpSession::ownerOf(const Stream *stream) const
{
    for (const auto &s : m_streams) {
        if (s.get() == stream) {
            return s;
        }
    }
    return nullptr;
}

void HttpSession::attach(const std::shared_ptr<Stream> &stream, HttpConnection *connection)
{
    stream->connection = connection;
    stream->closedConnection = connect(connection, &HttpConnection::closed, this, [this, weak = std::weak_ptr(stream)] {
        const auto s = weak.lock();
        if (!s) {
            return;
        }
        if (isStateless()) {
            removeStream(s);
            m_session->close(); // 2026-07-28: closing the response stream cancels the request
            return;
        }
        // Disconnection is not cancellation: a started SSE stream stays resumable.
        if (s->started && !s->expected.isEmpty()) {
            detach(s);
        } else {
            removeStream(s);
        }
    });
}

void HttpSession::detach(const std::shared_ptr<Stream> &stream)
{
    disconnect(stream->closedConnection);
    stream->connection = nullptr;
    qsizetype detached = 0;
    for (const auto &s : std::as_const(m_streams)) {
        detached += s->started && !s->connection ? 1 : 0;
    }
    for (qsizetype i = 0; i < m_streams.size() && detached > MaxDetachedStreams; ++i) {
        if (m_streams.at(i)->started && !m_streams.at(i)->connection) {
            m_streams.removeAt(i--); // the oldest detached streams age out
            --detached;
        }
    }
}

/*!
    GET with `Last-Event-ID: <stream>-<seq>` resumes a POST stream that was closed (by the server
    for SSE polling, or by a network drop): replays the events after \a lastEventId on
    \a connection, then carries the rest of the stream.
*/
bool HttpSession::resume(HttpConnection *connection, const QByteArray &lastEventId)
{
    const qsizetype dash = lastEventId.indexOf('-');
    if (dash <= 0) {
        return false;
    }
    const int number = lastEventId.left(dash).toInt();
    const int seq = lastEventId.mid(dash + 1).toInt();
    for (const auto &stream : std::as_const(m_streams)) {
        if (stream->number != number || !stream->started || stream->connection) {
            continue;
        }
        HeaderList headers = baseHeaders();
        headers.append(qMakePair(QByteArray("X-Accel-Buffering"), QByteArray("no")));
        connection->startStream(200, headers, "text/event-stream");
        attach(stream, connection);
        for (const auto &[eventSeq, json] : std::as_const(stream->history)) {
            if (eventSeq > seq) {
                connection->write(sse::event(json, QByteArray::number(number) + '-' + QByteArray::number(eventSeq)));
            }
        }
        if (stream->expected.isEmpty()) {
            removeStream(stream);
            connection->endStream();
        }
        return true;
    }
    return false;
}

void HttpSession::sendUnsolicited(const QByteArray &json)
{
    if (m_getStream && m_getStream->isOpen() && m_getStream->isStreaming()) {
        m_getStream->write(sse::event(json));
        return;
    }
    m_queue.append(json);
    if (m_queue.size() > MaxQueuedMessages) {
        m_queue.removeFirst();
    }
}

} // namespace mcp::http
