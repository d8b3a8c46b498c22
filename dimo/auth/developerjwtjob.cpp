// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/developerjwtjob.h"

#include "dimo/auth/securezero.h"
#include "dimo/auth/signer.h"
#include "dimo/logging.h"
#include "dimo/net/httpjob.h"
#include "dimo/net/requests.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dimo {

DeveloperJwtJob::DeveloperJwtJob(ContextPtr context, QObject *parent)
    : TypedJob(parent)
    , m_context(std::move(context))
{}

DeveloperJwtJob::~DeveloperJwtJob()
{
    secureZero(m_credentials.apiKey);
}

void DeveloperJwtJob::doStart()
{
    m_credentials = m_context->credentials;
    if (!m_credentials.isComplete()) {
        finish(Error::make(Error::Kind::NotSignedIn,
                           u"no developer license credentials are configured"_s,
                           u"Enter the client ID, redirect URI and API key of a DIMO developer license."_s));
        return;
    }
    qCInfo(lcDimoAuth) << "requesting a developer JWT for" << m_credentials.clientId;
    const requests::Form form{{u"client_id"_s, m_credentials.clientId},
                              {u"domain"_s, m_credentials.redirectUri},
                              {u"scope"_s, u"openid email"_s},
                              {u"response_type"_s, u"code"_s},
                              {u"address"_s, m_credentials.clientId}};
    startChild(new HttpJob(m_context, requests::generateChallenge(m_context->env, form)),
               [this](const Result<HttpResponse> &r) {
                   handleChallenge(r);
               });
}

void DeveloperJwtJob::handleChallenge(const Result<HttpResponse> &response)
{
    if (!response) {
        finish(response.error());
        return;
    }
    // The server may label the JSON text/plain; parse it regardless (README §2.1).
    const QJsonObject o = QJsonDocument::fromJson(response.value().body).object();
    const QString state = o.value(u"state"_s).toString();
    const QString challenge = o.value(u"challenge"_s).toString();
    if (state.isEmpty() || challenge.isEmpty()) {
        finish(Error::make(Error::Kind::Parse,
                           u"the DIMO auth service sent a challenge without state or text"_s,
                           u"Try again later."_s));
        return;
    }
    QString signature;
    {
        auto signer = Signer::fromHex(m_credentials.apiKey);
        if (!signer) {
            finish(signer.error());
            return;
        }
        auto signed_ = signer.value().personalSign(challenge.toUtf8()); // the exact text received
        if (!signed_) {
            finish(signed_.error());
            return;
        }
        signature = signed_.value();
    } // signer (the key copy) wiped here
    secureZero(m_credentials.apiKey);
    const requests::Form form{{u"client_id"_s, m_credentials.clientId},
                              {u"domain"_s, m_credentials.redirectUri},
                              {u"grant_type"_s, u"authorization_code"_s},
                              {u"state"_s, state},
                              {u"signature"_s, signature}};
    startChild(new HttpJob(m_context, requests::submitChallenge(m_context->env, form)),
               [this](const Result<HttpResponse> &r) {
                   handleSubmit(r);
               });
}

void DeveloperJwtJob::handleSubmit(const Result<HttpResponse> &response)
{
    if (!response) {
        finish(response.error());
        return;
    }
    const QJsonObject o = QJsonDocument::fromJson(response.value().body).object();
    const QString token = o.value(u"access_token"_s).toString();
    if (token.isEmpty()) {
        finish(Error::make(
            Error::Kind::Parse, u"the DIMO auth service answered without an access_token"_s, u"Try again later."_s));
        return;
    }
    qCInfo(lcDimoAuth) << "developer JWT obtained";
    finish(token);
}

} // namespace dimo
