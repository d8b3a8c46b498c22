// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/net/tokenjob.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace dimo {

class VehicleJwtJob;

// Vehicle JWTs cached per (token id, privilege set) until shortly before `exp`. A cached token
// whose privileges are a superset of the request is reused; one exchange in flight per key.
// A token is only ever obtained after the access check (VehicleJwtJob), so a cached token is also
// the cached outcome of that check; clear() drops both when the session, mode or license changes.
class VehicleJwtCache : public QObject
{
    Q_OBJECT
public:
    explicit VehicleJwtCache(ContextPtr context, QObject *parent = nullptr);
    ~VehicleJwtCache() override;

    TokenJob *token(qint64 tokenId, const QList<int> &privileges);
    void invalidate(const QString &token);
    void clear(); // every token and every check; exchanges in flight are not stored
    // fetch/invalidate for one vehicle and privilege set; retryOn401 as given (false for commands).
    TokenSource source(qint64 tokenId, const QList<int> &privileges, bool retryOn401);

private:
    struct Entry
    {
        QList<int> privileges;
        QString token;
        qint64 refreshAt = 0;
    };

    struct Pending
    {
        QPointer<VehicleJwtJob> job;
        QList<QPointer<TokenJob>> waiters;
    };

    void serve(TokenJob *job, qint64 tokenId, const QList<int> &privileges);
    void handleFetched(const QString &key, qint64 tokenId, const QList<int> &privileges, const Result<QString> &r);

    ContextPtr m_context;
    QHash<qint64, QList<Entry>> m_entries;
    QHash<QString, Pending> m_pending;
};

} // namespace dimo
