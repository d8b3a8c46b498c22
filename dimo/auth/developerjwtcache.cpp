// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/developerjwtcache.h"

#include "dimo/auth/developerjwtjob.h"
#include "dimo/auth/jwt.h"
#include "dimo/auth/keccak.h"
#include "dimo/auth/securezero.h"
#include "dimo/auth/tokenstore.h"
#include "dimo/logging.h"

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

Error shutDown()
{
    return Error::make(Error::Kind::Cancelled, u"the DIMO client was shut down"_s);
}

} // namespace

DeveloperJwtCache::DeveloperJwtCache(ContextPtr context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{}

DeveloperJwtCache::~DeveloperJwtCache()
{
    if (m_inflight) {
        m_inflight->disconnect(this);
    }
    for (const auto &w : std::as_const(m_waiters)) {
        if (w) {
            w->complete(shutDown());
        }
    }
    secureZero(m_token);
}

bool DeveloperJwtCache::hasValidToken() const
{
    return !m_token.isEmpty() && m_context->now() < m_refreshAt;
}

TokenJob *DeveloperJwtCache::token()
{
    QPointer<DeveloperJwtCache> self(this);
    return new TokenJob([self](TokenJob *job) {
        if (!self) {
            job->complete(shutDown());
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
        if (self) {
            return self->token();
        }
        return new TokenJob([](TokenJob *j) {
            j->complete(shutDown());
        });
    };
    s.invalidate = [self](const QString &t) {
        if (self) {
            self->invalidate(t);
        }
    };
    s.retryOn401 = true;
    return s;
}

void DeveloperJwtCache::invalidate(const QString &token)
{
    if (token.isEmpty() || token == m_token) {
        m_token.clear();
        m_refreshAt = 0;
        store({});
    }
}

Status DeveloperJwtCache::restore(const QString &jwt)
{
    const auto decoded = Jwt::decode(jwt);
    if (!decoded) {
        return decoded.error();
    }
    const QString license = decoded.value().stringClaim(u"ethereum_address"_s);
    if (!eth::sameAddress(license, m_context->credentials.clientId)) {
        return Error::make(Error::Kind::InvalidInput, u"the stored developer JWT belongs to another license"_s);
    }
    const qint64 now = m_context->now();
    const qint64 until = refreshAt(0, decoded.value().expiry(), now);
    if (decoded.value().expiry() <= 0 || until <= now) {
        return Error::make(Error::Kind::InvalidInput, u"the stored developer JWT has expired"_s);
    }
    m_token = jwt;
    m_refreshAt = until;
    qCInfo(lcDimoAuth) << "developer JWT restored, valid for" << (until - now) << "s";
    return success();
}

void DeveloperJwtCache::clear()
{
    m_token.clear();
    m_refreshAt = 0;
    store({});
    if (m_inflight) {
        m_inflight->disconnect(this);
        m_inflight->cancel();
        m_inflight = nullptr;
        fetch(); // the waiters get a token of the new license
    }
}

void DeveloperJwtCache::serve(TokenJob *job)
{
    if (hasValidToken()) {
        job->complete(m_token);
        return;
    }
    m_waiters << job;
    if (!m_inflight) {
        fetch();
    }
}

void DeveloperJwtCache::fetch()
{
    m_inflight = new DeveloperJwtJob(m_context, this);
    connect(m_inflight, &DeveloperJwtJob::finished, this, &DeveloperJwtCache::handleRefreshed);
    m_inflight->start();
}

void DeveloperJwtCache::handleRefreshed(const Result<QString> &result)
{
    m_inflight = nullptr;
    Result<QString> out = result;
    if (result) {
        const auto jwt = Jwt::decode(result.value());
        const qint64 now = m_context->now();
        if (!jwt || jwt.value().expiry() <= 0) {
            out = Error::make(
                Error::Kind::Parse, u"the developer JWT from DIMO has no readable expiry"_s, u"Try again later."_s);
        } else {
            m_token = result.value();
            m_refreshAt = refreshAt(jwt.value().issuedAt(), jwt.value().expiry(), now);
            store(m_token);
            qCInfo(lcDimoAuth) << "developer JWT cached for" << (m_refreshAt - now) << "s";
        }
    }
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &w : waiters) {
        if (w) {
            w->complete(out);
        }
    }
}

void DeveloperJwtCache::store(const QString &token)
{
    if (m_context->tokenStore) {
        m_context->tokenStore->save(TokenStore::Token::DeveloperJwt, token);
    }
}

} // namespace dimo
