// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/tokenjob.h"
#include "dimo/core/result.h"
#include "dimo/environment.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"

#include <QJsonObject>
#include <QPointer>

class QNetworkAccessManager;

namespace dimo {

class ApiCallJob;
class GraphQlJob;

// Obtains a vehicle JWT for exactly `privileges`: reads OUR grant on the vehicle from Identity
// (`sacd(grantee: <client id>)`, never other grantees'), refuses with NotShared /
// MissingPrivilege if it does not cover the request, then exchanges the developer JWT
// (legacy body {nftContractAddress, privileges, tokenId}). A 401 from the exchange refreshes
// the developer JWT once.
class VehicleJwtJob : public Job
{
    Q_OBJECT
public:
    VehicleJwtJob(QNetworkAccessManager *nam,
                  const TransportOptions &options,
                  const Environment &env,
                  const QString &clientId,
                  qint64 tokenId,
                  const QList<int> &privileges,
                  TokenSource developerToken,
                  QObject *parent = nullptr);
    ~VehicleJwtJob() override;

    // NotShared / MissingPrivilege for the SACD node (null if not shared) against the request.
    static Error grantError(
        qint64 tokenId, const QString &clientId, const QList<int> &granted, const QList<int> &needed, bool shared);

Q_SIGNALS:
    void finished(const dimo::Result<QString> &vehicleJwt);

protected:
    void doStart() override;
    void doAbort() override;

    void fail(const Error &error) override { finish(error); }

private:
    void handleSacd(const Result<QJsonObject> &data);
    void handleExchange(const Result<QJsonObject> &body);
    void finish(const Result<QString> &result);

    QNetworkAccessManager *m_nam;
    TransportOptions m_options;
    Environment m_env;
    QString m_clientId;
    qint64 m_tokenId;
    QList<int> m_privileges;
    TokenSource m_developerToken;
    QPointer<GraphQlJob> m_sacdJob;
    QPointer<ApiCallJob> m_exchangeJob;
};

} // namespace dimo
