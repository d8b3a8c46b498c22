// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/developerjwtcache.h"

#include "dimo/auth/developerjwtjob.h"
#include "dimo/auth/jwt.h"
#include "dimo/auth/securezero.h"
#include "dimo/logging.h"

using namespace Qt::StringLiterals;

namespace dimo {

DeveloperJwtCache::DeveloperJwtCache(QNetworkAccessManager *nam,
                                     const TransportOptions &options,
                                     const Environment &env,
                                     const Credentials &credentials,
                                     Clock clock,
                                     QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_options(options)
    , m_env(env)
    , m_credentials(credentials)
    , m_clock(std::move(clock))
{}

DeveloperJwtCache::~DeveloperJwtCache()
{
    if (m_inflight)
        m_inflight->disconnect(this);
    for (const auto &w : std::as_const(m_waiters))
        if (w)
            w->complete(Error::make(Error::Kind::Cancelled, u"the DIMO client was shut down"_s));
    secureZero(m_credentials.apiKey);
    secureZero(m_token);
}

bool DeveloperJwtCache::hasValidToken() const
{
    return !m_token.isEmpty() && m_clock() < m_refreshAt;
}

TokenJob *DeveloperJwtCache::token()
{
    QPointer<DeveloperJwtCache> self(this);
    return new TokenJob([self](TokenJob *job) {
        if (!self) {
            job->complete(Error::make(Error::Kind::Cancelled, u"the DIMO client was shut down"_s));
            return;
        }
        self->serve(job);
    });
}

TokenSource DeveloperJwtCache::source()
{
    QPointer<DeveloperJwtCache> self(this);
    TokenSource s;
    s.fetch = [self]() -> TokenJob * {
        if (self)
            return self->token();
        return new TokenJob([](TokenJob *j) {
            j->complete(Error::make(Error::Kind::Cancelled, u"shut down"_s));
        });
    };
    s.invalidate = [self](const QString &t) {
        if (self)
            self->invalidate(t);
    };
    s.retryOn401 = true;
    return s;
}

void DeveloperJwtCache::invalidate(const QString &token)
{
    if (token.isEmpty() || token == m_token) {
        m_token.clear();
        m_refreshAt = 0;
    }
}

void DeveloperJwtCache::serve(TokenJob *job)
{
    if (hasValidToken()) {
        job->complete(m_token);
        return;
    }
    m_waiters << job;
    if (m_inflight)
        return;
    ++m_refreshes;
    m_inflight = new DeveloperJwtJob(m_nam, m_options, m_env, m_credentials, this);
    connect(m_inflight, &DeveloperJwtJob::finished, this, &DeveloperJwtCache::handleRefreshed);
    m_inflight->start();
}

void DeveloperJwtCache::handleRefreshed(const Result<QString> &result)
{
    m_inflight = nullptr;
    Result<QString> out = result;
    if (result) {
        const auto jwt = Jwt::decode(result.value());
        const qint64 now = m_clock();
        if (!jwt || jwt.value().expiry() <= 0) {
            out = Error::make(
                Error::Kind::Parse, u"the developer JWT from DIMO has no readable expiry"_s, u"Try again later."_s);
        } else {
            m_token = result.value();
            m_refreshAt = refreshAt(jwt.value().issuedAt(), jwt.value().expiry(), now);
            qCInfo(lcDimoAuth) << "developer JWT cached for" << (m_refreshAt - now) << "s";
        }
    }
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &w : waiters)
        if (w)
            w->complete(out);
}

} // namespace dimo
