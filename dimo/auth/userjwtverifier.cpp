// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/userjwtverifier.h"

#include "dimo/auth/jwt.h"
#include "dimo/auth/keccak.h"
#include "dimo/logging.h"
#include "dimo/net/httpjob.h"
#include "dimo/net/requests.h"

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

constexpr qint64 LeewaySeconds = 30;

Error rejected(const QString &why)
{
    return Error::make(Error::Kind::Unauthorized,
                       u"the sign-in token was rejected: "_s + why,
                       u"Sign in again with Login with DIMO."_s);
}

} // namespace

UserJwtVerifier::UserJwtVerifier(ContextPtr context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{}

UserJwtVerifier::~UserJwtVerifier()
{
    if (m_fetch) {
        m_fetch->disconnect(this);
    }
    // Jobs waiting for the key set still finish exactly once.
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &w : waiters) {
        if (w.first) {
            w.second(Error::make(Error::Kind::Cancelled, u"the DIMO client was shut down"_s));
        }
    }
}

UserJwtVerifyJob *UserJwtVerifier::verify(const QString &token, const QString &wallet, const QString &email)
{
    return new UserJwtVerifyJob(this, token, wallet, email);
}

Status UserJwtVerifier::checkClaims(const QJsonObject &payload, const QString &walletAddress) const
{
    const Environment &env = m_context->env;
    const QString clientId = m_context->credentials.clientId;
    const QString iss = payload.value(u"iss"_s).toString();
    if (iss != env.authIssuer()) {
        return rejected(u"it was issued by \"%1\", not by %2"_s.arg(iss, env.authIssuer()));
    }
    Jwt j;
    j.payload = payload;
    const QStringList aud = j.audience();
    const bool ours = std::any_of(aud.cbegin(), aud.cend(), [&](const QString &a) {
        return eth::sameAddress(a, clientId);
    });
    if (!ours) {
        return rejected(u"it was issued for another app (audience %1, expected our client ID %2)"_s.arg(
            aud.join(u", "_s), clientId));
    }
    const qint64 exp = j.expiry();
    if (exp <= 0) {
        return rejected(u"it has no expiry"_s);
    }
    if (exp + LeewaySeconds <= m_context->now()) {
        return rejected(u"it expired at %1"_s.arg(QDateTime::fromSecsSinceEpoch(exp, Qt::UTC).toString(Qt::ISODate)));
    }
    const QString address = payload.value(u"ethereum_address"_s).toString();
    if (!eth::sameAddress(address, walletAddress)) {
        return rejected(u"it belongs to wallet %1, but the login redirect named %2"_s.arg(
            address.isEmpty() ? u"(none)"_s : address, walletAddress));
    }
    return success();
}

void UserJwtVerifier::refreshKeys(QObject *context, std::function<void(const Status &)> done)
{
    m_waiters.append({QPointer<QObject>(context), std::move(done)});
    if (m_fetch) {
        return;
    }
    ++m_fetches;
    m_fetch = new HttpJob(m_context, requests::jwks(m_context->env), this);
    connect(m_fetch, &HttpJob::finished, this, &UserJwtVerifier::handleKeys);
    m_fetch->start();
}

void UserJwtVerifier::handleKeys(const Result<HttpResponse> &response)
{
    m_fetch = nullptr;
    Status status = success();
    if (!response) {
        status = response.error();
    } else {
        auto keys = Jwks::parse(response.value().body);
        if (keys) {
            m_keys = keys.value();
        } else {
            status = keys.error();
        }
    }
    qCInfo(lcDimoAuth) << "JWKS fetched:"
                       << (status ? QString::number(m_keys->size()) + u" keys"_s : status.error().message);
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &w : waiters) {
        if (w.first) {
            w.second(status);
        }
    }
}

UserJwtVerifyJob::UserJwtVerifyJob(UserJwtVerifier *verifier,
                                   const QString &token,
                                   const QString &wallet,
                                   const QString &email)
    : TypedJob(nullptr)
    , m_verifier(verifier)
    , m_token(token)
    , m_wallet(wallet)
    , m_email(email)
{}

void UserJwtVerifyJob::doStart()
{
    check(false);
}

void UserJwtVerifyJob::check(bool keysRefreshed)
{
    if (!m_verifier) {
        finish(Error::make(Error::Kind::Cancelled, u"the DIMO client was shut down"_s));
        return;
    }
    const auto jwt = Jwt::decode(m_token);
    if (!jwt) {
        finish(rejected(jwt.error().message));
        return;
    }
    if (jwt.value().algorithm() != QLatin1String("RS256")) {
        finish(rejected(u"it uses the algorithm \"%1\"; DIMO signs with RS256"_s.arg(jwt.value().algorithm())));
        return;
    }
    const QString kid = jwt.value().kid();
    if (!m_verifier->m_keys || !m_verifier->m_keys->contains(kid)) {
        if (keysRefreshed) {
            finish(rejected(u"it is signed with a key DIMO does not publish (kid \"%1\")"_s.arg(kid)));
            return;
        }
        m_verifier->refreshKeys(this, [this](const Status &s) {
            if (!s) {
                finish(s.error());
            } else {
                check(true);
            }
        });
        return;
    }
    if (!m_verifier->m_keys->verifyRs256(kid, jwt.value().signingInput, jwt.value().signature)) {
        finish(rejected(u"its signature is not valid (it was not issued by DIMO or was altered)"_s));
        return;
    }
    const Status claims = m_verifier->checkClaims(jwt.value().payload, m_wallet);
    if (!claims) {
        finish(claims.error());
        return;
    }
    UserSession s;
    s.token = m_token;
    s.walletAddress = eth::checksumAddress(jwt.value().stringClaim(u"ethereum_address"_s));
    s.email = m_email.isEmpty() ? jwt.value().stringClaim(u"email"_s) : m_email;
    s.expiresAt = QDateTime::fromSecsSinceEpoch(jwt.value().expiry(), Qt::UTC);
    finish(s);
}

} // namespace dimo
