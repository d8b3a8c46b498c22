// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/jwks.h"
#include "dimo/auth/tokenexpiry.h"
#include "dimo/core/result.h"
#include "dimo/environment.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"

#include <QDateTime>
#include <QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace dimo {

class HttpJob;
class UserJwtVerifyJob;

// A verified Login-with-DIMO user session.
struct UserSession
{
    QString token; // the user JWT (secret)
    QString walletAddress;
    QString email;
    QDateTime expiresAt;
};

// Holds the auth service's JWKS (fetched on first use, refetched when a token names an unknown
// `kid`; one fetch in flight) and verifies user JWTs: RS256 signature, `iss` = auth base URL,
// `aud` = our client ID, `exp` in the future (30 s leeway), `ethereum_address` = the wallet the
// redirect carried.
class UserJwtVerifier : public QObject
{
    Q_OBJECT
public:
    UserJwtVerifier(QNetworkAccessManager *nam,
                    const TransportOptions &options,
                    const Environment &env,
                    const QString &clientId,
                    Clock clock = systemClock(),
                    QObject *parent = nullptr);
    ~UserJwtVerifier() override;

    UserJwtVerifyJob *verify(const QString &token, const QString &walletAddress, const QString &email = {});

    // Claim checks only (signature checked separately); exposed for tests.
    Status checkClaims(const QJsonObject &payload, const QString &walletAddress) const;

    int keyFetchCount() const { return m_fetches; }

private:
    friend class UserJwtVerifyJob;
    void refreshKeys(QObject *context, std::function<void(const Status &)> done);
    void handleKeys(const Result<HttpResponse> &response);

    QNetworkAccessManager *m_nam;
    TransportOptions m_options;
    Environment m_env;
    QString m_clientId;
    Clock m_clock;
    std::optional<Jwks> m_keys;
    QPointer<HttpJob> m_fetch;
    QList<QPair<QPointer<QObject>, std::function<void(const Status &)>>> m_waiters;
    int m_fetches = 0;
};

class UserJwtVerifyJob : public Job
{
    Q_OBJECT
public:
    UserJwtVerifyJob(UserJwtVerifier *verifier, const QString &token, const QString &wallet, const QString &email);

Q_SIGNALS:
    void finished(const dimo::Result<dimo::UserSession> &session);

protected:
    void doStart() override;

    void fail(const Error &error) override { finish(error); }

private:
    void check(bool keysRefreshed);
    void finish(const Result<UserSession> &result);

    QPointer<UserJwtVerifier> m_verifier;
    QString m_token;
    QString m_wallet;
    QString m_email;
};

} // namespace dimo
