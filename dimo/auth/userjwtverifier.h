// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/jwks.h"
#include "dimo/auth/usersession.h"
#include "dimo/context.h"
#include "dimo/core/result.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"

#include <QPointer>

#include <functional>
#include <optional>

namespace dimo {

class HttpJob;
class UserJwtVerifyJob;

// Holds the auth service's JWKS (fetched on first use, refetched when a token names an unknown
// `kid`; one fetch in flight) and verifies user JWTs: RS256 signature, `iss` = auth base URL,
// `aud` = our client ID, `exp` in the future (30 s leeway), `ethereum_address` = the wallet the
// redirect carried.
class UserJwtVerifier : public QObject
{
    Q_OBJECT
public:
    explicit UserJwtVerifier(ContextPtr context, QObject *parent = nullptr);
    ~UserJwtVerifier() override;

    UserJwtVerifyJob *verify(const QString &token, const QString &walletAddress, const QString &email = {});

    // Claim checks only (signature checked separately); exposed for tests.
    Status checkClaims(const QJsonObject &payload, const QString &walletAddress) const;

    int keyFetchCount() const { return m_fetches; }

private:
    friend class UserJwtVerifyJob;
    void refreshKeys(QObject *context, std::function<void(const Status &)> done);
    void handleKeys(const Result<HttpResponse> &response);

    ContextPtr m_context;
    std::optional<Jwks> m_keys;
    QPointer<HttpJob> m_fetch;
    QList<QPair<QPointer<QObject>, std::function<void(const Status &)>>> m_waiters;
    int m_fetches = 0;
};

class UserJwtVerifyJob : public TypedJob<UserJwtVerifyJob, UserSession>
{
    Q_OBJECT
public:
    UserJwtVerifyJob(UserJwtVerifier *verifier, const QString &token, const QString &wallet, const QString &email);

Q_SIGNALS:
    void finished(const dimo::Result<dimo::UserSession> &session);

protected:
    void doStart() override;

private:
    void check(bool keysRefreshed);

    QPointer<UserJwtVerifier> m_verifier;
    QString m_token;
    QString m_wallet;
    QString m_email;
};

} // namespace dimo
