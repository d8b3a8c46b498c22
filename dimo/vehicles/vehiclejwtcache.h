// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/tokenexpiry.h"
#include "dimo/auth/tokenjob.h"
#include "dimo/environment.h"
#include "dimo/net/httptypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace dimo {

class VehicleJwtJob;

// Vehicle JWTs cached per (token id, privilege set) until shortly before `exp`. A cached token
// whose privileges are a superset of the request is reused; one exchange in flight per key.
class VehicleJwtCache : public QObject
{
    Q_OBJECT
public:
    VehicleJwtCache(QNetworkAccessManager *nam,
                    const TransportOptions &options,
                    const Environment &env,
                    const QString &clientId,
                    TokenSource developerToken,
                    Clock clock = systemClock(),
                    QObject *parent = nullptr);
    ~VehicleJwtCache() override;

    TokenJob *token(qint64 tokenId, const QList<int> &privileges);
    void invalidate(const QString &token);
    void clear();
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

    QNetworkAccessManager *m_nam;
    TransportOptions m_options;
    Environment m_env;
    QString m_clientId;
    TokenSource m_developerToken;
    Clock m_clock;
    QHash<qint64, QList<Entry>> m_entries;
    QHash<QString, Pending> m_pending;
};

} // namespace dimo
