// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/tokenexpiry.h"
#include "dimo/auth/tokenjob.h"
#include "dimo/credentials.h"
#include "dimo/environment.h"
#include "dimo/net/httptypes.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace dimo {

class DeveloperJwtJob;

// Caches the developer JWT until shortly before its `exp` (decoded, never assumed). However many
// callers ask at once, at most one challenge/submit round trip is in flight; every waiting
// TokenJob gets its result.
class DeveloperJwtCache : public QObject
{
    Q_OBJECT
public:
    DeveloperJwtCache(QNetworkAccessManager *nam,
                      const TransportOptions &options,
                      const Environment &env,
                      const Credentials &credentials,
                      Clock clock = systemClock(),
                      QObject *parent = nullptr);
    ~DeveloperJwtCache() override;

    TokenJob *token();
    // Drops the cached token if it is `token` (e.g. after a 401). Empty = drop whatever is cached.
    void invalidate(const QString &token = {});
    TokenSource source(); // fetch/invalidate bound to this cache, retry on 401
    bool hasValidToken() const;

    int refreshCount() const { return m_refreshes; }

private:
    void serve(TokenJob *job);
    void handleRefreshed(const Result<QString> &result);

    QNetworkAccessManager *m_nam;
    TransportOptions m_options;
    Environment m_env;
    Credentials m_credentials;
    Clock m_clock;
    QString m_token;
    qint64 m_refreshAt = 0;
    QPointer<DeveloperJwtJob> m_inflight;
    QList<QPointer<TokenJob>> m_waiters;
    int m_refreshes = 0;
};

} // namespace dimo
