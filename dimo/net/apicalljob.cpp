// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/net/apicalljob.h"

#include "dimo/logging.h"
#include "dimo/net/httpjob.h"
#include "dimo/net/replyerror.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace dimo {

ApiCallJob::ApiCallJob(QNetworkAccessManager *nam,
                       const TransportOptions &options,
                       HttpRequest request,
                       std::optional<TokenSource> token,
                       QObject *parent)
    : Job(parent)
    , m_nam(nam)
    , m_options(options)
    , m_request(std::move(request))
    , m_token(std::move(token))
{}

ApiCallJob::~ApiCallJob()
{
    doAbort();
}

void ApiCallJob::doStart()
{
    if (m_token)
        fetchToken();
    else
        send({});
}

void ApiCallJob::doAbort()
{
    if (m_tokenJob) {
        m_tokenJob->disconnect(this);
        m_tokenJob->cancel();
    }
    if (m_httpJob) {
        m_httpJob->disconnect(this);
        m_httpJob->cancel();
    }
}

void ApiCallJob::fetchToken()
{
    m_tokenJob = m_token->fetch();
    connect(m_tokenJob, &TokenJob::finished, this, [this](const Result<QString> &token) {
        m_tokenJob = nullptr;
        if (!token) {
            finish(token.error());
            return;
        }
        send(token.value());
    });
    m_tokenJob->start();
}

void ApiCallJob::send(const QString &bearer)
{
    HttpRequest r = m_request;
    r.bearer = bearer;
    m_httpJob = new HttpJob(m_nam, m_options, std::move(r), this);
    connect(m_httpJob, &HttpJob::finished, this, [this, bearer](const Result<HttpResponse> &response) {
        m_httpJob = nullptr;
        if (!response && response.error().httpStatus == 401 && m_token) {
            m_token->invalidate(bearer);
            if (m_token->retryOn401 && !m_refreshed) {
                m_refreshed = true;
                qCInfo(lcDimoApi) << "401 from" << m_request.service << "- refreshing the token and retrying once";
                fetchToken();
                return;
            }
        }
        handleResponse(response);
    });
    m_httpJob->start();
}

void ApiCallJob::handleResponse(const Result<HttpResponse> &response)
{
    if (!response) {
        finish(response.error());
        return;
    }
    const QByteArray body = response.value().body.trimmed();
    if (body.isEmpty()) {
        finish(QJsonObject());
        return;
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (!doc.isObject()) {
        Error e = Error::make(
            Error::Kind::Parse,
            u"the %1 sent a response that is not a JSON object"_s.arg(ReplyError::serviceLabel(m_request.service)),
            u"This is likely a temporary problem on DIMO's side; try again later."_s,
            pe.error != QJsonParseError::NoError ? pe.errorString() : ReplyError::upstreamMessage(body));
        e.httpStatus = response.value().status;
        e.requestId = response.value().requestId;
        finish(e);
        return;
    }
    finish(doc.object());
}

void ApiCallJob::finish(const Result<QJsonObject> &result)
{
    if (!claimFinish())
        return;
    Q_EMIT finished(result);
}

} // namespace dimo
