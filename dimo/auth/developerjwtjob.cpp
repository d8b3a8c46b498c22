// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/developerjwtjob.h"

#include "dimo/auth/securezero.h"
#include "dimo/auth/signer.h"
#include "dimo/logging.h"
#include "dimo/net/httpjob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace dimo {

DeveloperJwtJob::DeveloperJwtJob(QNetworkAccessManager *nam,
                                 const TransportOptions &options,
                                 const Environment &env,
                                 const Credentials &credentials,
                                 QObject *parent)
    : Job(parent)
    , m_nam(nam)
    , m_options(options)
    , m_env(env)
    , m_credentials(credentials)
{}

DeveloperJwtJob::~DeveloperJwtJob()
{
    doAbort();
    secureZero(m_credentials.apiKey);
}

HttpJob *DeveloperJwtJob::post(const QString &path, const QList<QPair<QString, QString>> &form, bool idempotent)
{
    QUrlQuery q;
    for (const auto &kv : form)
        q.addQueryItem(kv.first, QString::fromLatin1(QUrl::toPercentEncoding(kv.second)));
    HttpRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = Environment::endpoint(m_env.auth, path);
    r.body = q.toString(QUrl::FullyEncoded).toLatin1();
    r.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    r.service = u"auth"_s;
    r.idempotent = idempotent;
    return new HttpJob(m_nam, m_options, std::move(r), this);
}

void DeveloperJwtJob::doStart()
{
    if (!m_credentials.isComplete()) {
        finish(Error::make(Error::Kind::NotSignedIn,
                           u"no developer license credentials are configured"_s,
                           u"Enter the client ID, redirect URI and API key of a DIMO developer license."_s));
        return;
    }
    m_state = State::Challenge;
    qCInfo(lcDimoAuth) << "requesting a developer JWT for" << m_credentials.clientId;
    // A challenge has no side effect worth protecting, so it may be retried.
    m_http = post(u"/auth/web3/generate_challenge"_s,
                  {{u"client_id"_s, m_credentials.clientId},
                   {u"domain"_s, m_credentials.redirectUri},
                   {u"scope"_s, u"openid email"_s},
                   {u"response_type"_s, u"code"_s},
                   {u"address"_s, m_credentials.clientId}},
                  true);
    connect(m_http, &HttpJob::finished, this, &DeveloperJwtJob::handleChallenge);
    m_http->start();
}

void DeveloperJwtJob::handleChallenge(const Result<HttpResponse> &response)
{
    m_http = nullptr;
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
    m_state = State::Submit;
    // The state is single-use: never resend a submit automatically.
    m_http = post(u"/auth/web3/submit_challenge"_s,
                  {{u"client_id"_s, m_credentials.clientId},
                   {u"domain"_s, m_credentials.redirectUri},
                   {u"grant_type"_s, u"authorization_code"_s},
                   {u"state"_s, state},
                   {u"signature"_s, signature}},
                  false);
    connect(m_http, &HttpJob::finished, this, &DeveloperJwtJob::handleSubmit);
    m_http->start();
}

void DeveloperJwtJob::handleSubmit(const Result<HttpResponse> &response)
{
    m_http = nullptr;
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

void DeveloperJwtJob::doAbort()
{
    if (m_http) {
        m_http->disconnect(this);
        m_http->cancel();
    }
}

void DeveloperJwtJob::finish(const Result<QString> &result)
{
    if (!claimFinish())
        return;
    Q_EMIT finished(result);
}

} // namespace dimo
