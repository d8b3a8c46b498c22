// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/vehicles/vehiclejwtcache.h"

#include "dimo/auth/jwt.h"
#include "dimo/core/privileges.h"
#include "dimo/logging.h"
#include "dimo/vehicles/vehiclejwtjob.h"

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

QString keyOf(qint64 tokenId, const QList<int> &privileges)
{
    QStringList p;
    for (int id : privileges) {
        p << QString::number(id);
    }
    return QString::number(tokenId) + u':' + p.join(u',');
}

Error shutDown()
{
    return Error::make(Error::Kind::Cancelled, u"the DIMO client was shut down"_s);
}

} // namespace

VehicleJwtCache::VehicleJwtCache(ContextPtr context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{}

VehicleJwtCache::~VehicleJwtCache()
{
    for (auto &it : m_pending) {
        if (it.job) {
            it.job->disconnect(this);
        }
        for (const auto &w : std::as_const(it.waiters)) {
            if (w) {
                w->complete(shutDown());
            }
        }
    }
}

TokenJob *VehicleJwtCache::token(qint64 tokenId, const QList<int> &privilegesIn)
{
    const QList<int> privileges = privilege::normalized(privilegesIn);
    QPointer<VehicleJwtCache> self(this);
    return new TokenJob([self, tokenId, privileges](TokenJob *job) {
        if (!self) {
            job->complete(shutDown());
            return;
        }
        self->serve(job, tokenId, privileges);
    });
}

TokenSource VehicleJwtCache::source(qint64 tokenId, const QList<int> &privileges, bool retryOn401)
{
    QPointer<VehicleJwtCache> self(this);
    TokenSource s;
    s.fetch = [self, tokenId, privileges]() -> TokenJob * {
        if (self) {
            return self->token(tokenId, privileges);
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
    s.retryOn401 = retryOn401;
    return s;
}

void VehicleJwtCache::invalidate(const QString &token)
{
    for (auto &m_entrie : m_entries) {
        m_entrie.removeIf([&](const Entry &e) {
            return e.token == token;
        });
    }
}

void VehicleJwtCache::clear()
{
    m_entries.clear();
    // Exchanges in flight were checked against a session, mode or license that is gone.
    const auto pending = std::exchange(m_pending, {});
    for (const auto &it : pending) {
        if (it.job) {
            it.job->disconnect(this);
            it.job->cancel();
        }
        for (const auto &w : std::as_const(it.waiters)) {
            if (w) {
                w->complete(Error::make(Error::Kind::Cancelled,
                                        u"the sign-in or license changed while the vehicle access was checked"_s,
                                        u"Try again."_s));
            }
        }
    }
}

void VehicleJwtCache::serve(TokenJob *job, qint64 tokenId, const QList<int> &privileges)
{
    const qint64 now = m_context->now();
    QList<Entry> &entries = m_entries[tokenId];
    entries.removeIf([now](const Entry &e) {
        return now >= e.refreshAt;
    });
    for (const Entry &e : std::as_const(entries)) {
        if (privilege::covers(e.privileges, privileges)) {
            job->complete(e.token);
            return;
        }
    }
    const QString key = keyOf(tokenId, privileges);
    Pending &pending = m_pending[key];
    pending.waiters << job;
    if (pending.job) {
        return;
    }
    qCInfo(lcDimoAuth).noquote() << "fetching a vehicle JWT for" << key;
    pending.job = new VehicleJwtJob(m_context, tokenId, privileges, this);
    connect(pending.job, &VehicleJwtJob::finished, this, [this, key, tokenId, privileges](const Result<QString> &r) {
        handleFetched(key, tokenId, privileges, r);
    });
    pending.job->start();
}

void VehicleJwtCache::handleFetched(const QString &key,
                                    qint64 tokenId,
                                    const QList<int> &privileges,
                                    const Result<QString> &r)
{
    const Pending pending = m_pending.take(key);
    if (r) {
        const auto jwt = Jwt::decode(r.value());
        const qint64 now = m_context->now();
        if (jwt && jwt.value().expiry() > 0) {
            m_entries[tokenId].append(
                Entry{privileges, r.value(), refreshAt(jwt.value().issuedAt(), jwt.value().expiry(), now)});
        }
    }
    for (const auto &w : pending.waiters) {
        if (w) {
            w->complete(r);
        }
    }
}

} // namespace dimo
