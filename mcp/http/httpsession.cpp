// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/httpsession.h"

#include "mcp/http/sse.h"
#include "mcp/jsonrpc.h"
#include "mcp/logging.h"
#include "mcp/server.h"
#include "mcp/session.h"

namespace mcp::http {

HttpSession::HttpSession(Server *server, QByteArray id, QObject *parent)
    : QObject(parent)
    , m_id(std::move(id))
    , m_session(server->createSession(this))
    , m_lastActivity(QDateTime::currentDateTimeUtc())
{
    connect(m_session, &Session::routed, this, &HttpSession::handleRouted);
}

HttpSession::~HttpSession()
{
    terminate();
}

HeaderList HttpSession::baseHeaders() const
{
    return {{"Mcp-Session-Id", m_id}, {"Cache-Control", "no-cache, no-store"}};
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
    stream->closedConnection = connect(connection, &HttpConnection::closed, this, [this, weak = std::weak_ptr(stream)] {
        if (const auto s = weak.lock()) {
            m_streams.removeAll(s); // disconnection is not cancellation: later messages are dropped
        }
    });
    m_capturing = stream;
    m_session->receive(request.body);
    m_capturing.reset();
    if (!m_streams.contains(stream) || !connection->isOpen()) {
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
        connection->respond(hasRequests ? 200 : 400, baseHeaders(), stream->buffered.last(), "application/json");
    } else {
        startSse(*stream);
        connection->endStream();
    }
}

void HttpSession::handleGet(HttpConnection *connection, const HttpRequest &request)
{
    m_lastActivity = QDateTime::currentDateTimeUtc();
    if (!request.header("accept").contains("text/event-stream")) {
        connection->respond(406, baseHeaders(), "Not Acceptable: GET needs Accept: text/event-stream\n", "text/plain");
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
    std::shared_ptr<Stream> owner;
    for (const auto &s : std::as_const(m_streams)) {
        if (s.get() == &stream) {
            owner = s;
        }
    }
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
    if (stream.connection) {
        stream.connection->write(sse::event(message.json));
    }
    if (owner) {
        finishIfDone(owner);
    }
}

void HttpSession::finishIfDone(const std::shared_ptr<Stream> &stream)
{
    if (!stream->expected.isEmpty() || m_capturing == stream) {
        return;
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

void HttpSession::removeStream(const std::shared_ptr<Stream> &stream)
{
    disconnect(stream->closedConnection); // keep-alive connections carry many POSTs
    m_streams.removeAll(stream);
}

void HttpSession::startSse(Stream &stream)
{
    HeaderList headers = baseHeaders();
    headers.append(qMakePair(QByteArray("X-Accel-Buffering"), QByteArray("no")));
    stream.connection->startStream(200, headers, "text/event-stream");
    stream.started = true;
    for (const QByteArray &json : std::exchange(stream.buffered, {})) {
        stream.connection->write(sse::event(json));
    }
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
