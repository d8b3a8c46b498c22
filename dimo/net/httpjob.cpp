// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/net/httpjob.h"

#include "dimo/core/redact.h"
#include "dimo/logging.h"
#include "dimo/net/replyerror.h"
#include "dimo/net/requestfactory.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

// The body of a request that must reach the server at most once (commands, attestations,
// submit_challenge). Sequential and unbuffered, so Qt's HTTP stack cannot silently resend it
// when the server closes a kept-alive connection before answering: the reply then fails
// (ContentReSendError) and the outcome is reported as unknown instead of sending it twice.
class OneShotBody : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }

    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        if (m_pos >= m_data.size()) {
            return -1;
        }
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        std::copy_n(m_data.constData() + m_pos, n, out);
        m_pos += n;
        return n;
    }

    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

bool retryableNetworkError(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

// Retry-After: delta-seconds or an HTTP date. -1 if absent or unparsable.
qint64 retryAfterMs(const QByteArray &value, qint64 nowSecs)
{
    if (value.isEmpty()) {
        return -1;
    }
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok) {
        return std::max<qint64>(0, seconds) * 1000;
    }
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!when.isValid()) {
        return -1;
    }
    return std::max<qint64>(0, QDateTime::fromSecsSinceEpoch(nowSecs, Qt::UTC).msecsTo(when));
}

bool shorterThanDeclared(const QNetworkReply &reply, const QByteArray &body)
{
    const QByteArray encoding = reply.rawHeader(QByteArrayLiteral("Content-Encoding")).trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        return false; // Qt inflated it: the declared length is the compressed one
    }
    bool ok = false;
    const qint64 declared = reply.header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
    return ok && declared > body.size();
}
} // namespace

HttpJob::HttpJob(ContextPtr context, HttpRequest request, QObject *parent)
    : TypedJob(parent)
    , m_context(std::move(context))
    , m_request(std::move(request))
    , m_requestId(RequestFactory::newRequestId())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpJob::send);
}

HttpJob::~HttpJob()
{
    doAbort();
}

void HttpJob::doStart()
{
    send();
}

void HttpJob::doAbort()
{
    m_retryTimer.stop();
    if (m_reply) {
        m_aborting = true;
        QNetworkReply *r = m_reply;
        m_reply = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

void HttpJob::send()
{
    ++m_attempt;
    m_elapsed.start();
    QNetworkRequest req = RequestFactory::build(m_request, m_context->transport, m_requestId);
    qCDebug(lcDimoApi).noquote() << "->" << m_request.method << redact(m_request.url) << "id" << m_requestId
                                 << "attempt" << m_attempt;
    if (m_request.idempotent || m_request.body.isEmpty()) {
        m_reply = m_context->nam->sendCustomRequest(req, m_request.method, m_request.body);
    } else {
        req.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(m_request.body, nullptr);
        m_reply = m_context->nam->sendCustomRequest(req, m_request.method, body);
        body->setParent(m_reply);
    }
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::handleReply);
    const qint64 max = m_context->transport.maxResponseBytes;
    if (max > 0) {
        // Backpressure: Qt's HTTP thread stops reading once this much waits unread, so a burst
        // cannot overshoot the cap before readyRead reports it (one readyRead may cover a burst).
        // Qt 6.4 forwards the size to its HTTP thread only once the request was handed over to
        // it, and a request with a body is handed over from the event loop, after this call:
        // without the queued call below, a fast 400 MB body was all read before the headers'
        // call took effect (the tray peaked at 453 MB; scripts/security's 400 MB row).
        applyReadLimit();
        QMetaObject::invokeMethod(this, &HttpJob::applyReadLimit, Qt::QueuedConnection);
        connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpJob::applyReadLimit);
    }
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpJob::checkBodySize);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpJob::checkBodySize);
}

void HttpJob::applyReadLimit()
{
    // The reply current when this runs: a queued call may arrive after a retry replaced it.
    if (m_reply) {
        m_reply->setReadBufferSize(2 * m_context->transport.maxResponseBytes);
    }
}

void HttpJob::checkBodySize()
{
    QNetworkReply *reply = m_reply;
    if (!reply) {
        return;
    }
    const qint64 max = m_context->transport.maxResponseBytes;
    const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    const qint64 received = reply->bytesAvailable();
    if (max <= 0 || (declared <= max && received <= max)) {
        return;
    }
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    qCWarning(lcDimoApi).noquote() << "<- aborted" << m_request.method << redact(m_request.url) << "id" << m_requestId
                                   << "after" << received << "bytes: the body is larger than" << max << "bytes";
    const qint64 megabytes = std::max<qint64>(1, max / (1024 * 1024));
    Error e = Error::make(Error::Kind::Parse,
                          u"DIMO's answer was larger than %1 MB"_s.arg(megabytes),
                          u"Narrow the query (fewer signals, a shorter range)."_s);
    e.requestId = m_requestId;
    finish(e);
}

void HttpJob::handleReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply) {
        return;
    }
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    // Qt 6.4 does not always report a connection closed before the declared Content-Length (the
    // reply then finishes without error on a short body): that is a closed connection too.
    const auto netError = reply->error() == QNetworkReply::NoError && shorterThanDeclared(*reply, body)
        ? QNetworkReply::RemoteHostClosedError
        : reply->error();
    const QString upstreamId = QString::fromLatin1(reply->rawHeader(QByteArrayLiteral("X-Request-Id")));
    qCInfo(lcDimoApi).noquote() << "<-" << (status ? QString::number(status) : reply->errorString()) << m_request.method
                                << redact(m_request.url) << m_elapsed.elapsed() << "ms id" << m_requestId
                                << (upstreamId.isEmpty() ? QString() : u"server-id "_s + upstreamId);

    // No HTTP answer at all, or the connection failed (closed, timed out) after the headers: a
    // cut body is not an answer (Qt keeps the 200 of the headers; its body would read as empty).
    const bool transportFailed =
        netError > QNetworkReply::NoError && netError < QNetworkReply::ProxyConnectionRefusedError;
    if (status == 0 || transportFailed) {
        const bool timedOut = netError == QNetworkReply::OperationCanceledError && !m_aborting;
        if (!timedOut && retryableNetworkError(netError) && scheduleRetry(0, {})) {
            return;
        }
        Error e = replyerror::fromNetwork(
            netError,
            netError == reply->error() ? reply->errorString() : u"the connection closed before the whole answer"_s,
            timedOut,
            m_request.service,
            m_context->transport.transferTimeoutMs);
        e.requestId = m_requestId;
        finish(e);
        return;
    }
    if (status >= 400) {
        if ((status == 429 || (status >= 500 && status != 501))
            && scheduleRetry(status, reply->rawHeader(QByteArrayLiteral("Retry-After")))) {
            return;
        }
        Error e = replyerror::fromStatus(status, body, m_request.service);
        e.requestId = m_requestId;
        finish(e);
        return;
    }
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.requestId = m_requestId;
    response.headers = reply->rawHeaderPairs();
    response.attempts = m_attempt;
    finish(response);
}

bool HttpJob::scheduleRetry(int status, const QByteArray &retryAfter)
{
    if (!m_request.idempotent || m_attempt >= m_context->transport.maxAttempts) {
        return false;
    }
    qint64 delay = -1;
    if (status == 429 || status == 503) {
        delay = retryAfterMs(retryAfter, m_context->now());
    }
    if (delay >= 0) {
        delay = std::min<qint64>(delay, m_context->transport.maxRetryAfterMs);
    } else {
        const qint64 base = std::min<qint64>(qint64(m_context->transport.initialBackoffMs) << (m_attempt - 1),
                                             m_context->transport.maxBackoffMs);
        delay = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1); // "equal jitter"
    }
    qCInfo(lcDimoApi).noquote() << "retrying" << m_request.method << redact(m_request.url) << "in" << delay
                                << "ms (attempt" << m_attempt + 1 << "of" << m_context->transport.maxAttempts << ") id"
                                << m_requestId;
    m_retryTimer.start(static_cast<int>(delay));
    return true;
}

} // namespace dimo
