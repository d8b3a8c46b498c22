// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/net/apicalljob.h"

#include "dimo/logging.h"
#include "dimo/net/httpjob.h"
#include "dimo/net/replyerror.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace dimo {

ApiCallJob::ApiCallJob(ContextPtr context, HttpRequest request, std::optional<TokenSource> token, QObject *parent)
    : TypedJob(parent)
    , m_context(std::move(context))
    , m_request(std::move(request))
    , m_token(std::move(token))
{}

void ApiCallJob::doStart()
{
    if (m_token) {
        fetchToken();
    } else {
        send({});
    }
}

void ApiCallJob::fetchToken()
{
    startChild(m_token->fetch(), [this](const Result<QString> &token) {
        if (!token) {
            finish(token.error());
            return;
        }
        send(token.value());
    });
}

void ApiCallJob::send(const QString &bearer)
{
    HttpRequest r = m_request;
    r.bearer = bearer;
    startChild(new HttpJob(m_context, std::move(r)), [this, bearer](const Result<HttpResponse> &response) {
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
            u"the %1 sent a response that is not a JSON object"_s.arg(replyerror::serviceLabel(m_request.service)),
            u"This is likely a temporary problem on DIMO's side; try again later."_s,
            pe.error != QJsonParseError::NoError ? pe.errorString() : replyerror::upstreamMessage(body));
        e.httpStatus = response.value().status;
        e.requestId = response.value().requestId;
        finish(e);
        return;
    }
    finish(doc.object());
}

} // namespace dimo
