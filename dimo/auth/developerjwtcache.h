// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/net/tokenjob.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace dimo {

class DeveloperJwtJob;

// Caches the developer JWT until shortly before its `exp` (decoded, never assumed). However many
// callers ask at once, at most one challenge/submit round trip is in flight; every waiting
// TokenJob gets its result. A new token is handed to the context's TokenStore, and restore()
// takes a stored one back after a restart.
class DeveloperJwtCache : public QObject
{
    Q_OBJECT
public:
    explicit DeveloperJwtCache(ContextPtr context, QObject *parent = nullptr);
    ~DeveloperJwtCache() override;

    TokenJob *token();
    // Drops the cached token if it is `token` (e.g. after a 401). Empty = drop whatever is cached.
    void invalidate(const QString &token = {});
    TokenSource source(); // fetch/invalidate bound to this cache, retry on 401
    // Takes a stored token if it belongs to the current license and is not about to expire.
    Status restore(const QString &jwt);
    // Forgets the token and restarts an in-flight sign-in with the current credentials (new license).
    void clear();

private:
    bool hasValidToken() const;
    void serve(TokenJob *job);
    void fetch();
    void handleRefreshed(const Result<QString> &result);
    void store(const QString &token);

    ContextPtr m_context;
    QString m_token;
    qint64 m_refreshAt = 0;
    QPointer<DeveloperJwtJob> m_inflight;
    QList<QPointer<TokenJob>> m_waiters;
};

} // namespace dimo
