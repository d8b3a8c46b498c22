// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"
#include "dimo/environment.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"
#include "dimo/vehicles/vehicle.h"

#include <QPointer>

class QNetworkAccessManager;

namespace dimo {

class GraphQlJob;

// Vehicle details from Identity, with this app's grant. With `requiredOwner` set it is the
// ownership check: NotOwner if the vehicle belongs to another wallet; with `requireGrant`,
// NotShared if this license holds no active grant on it. A failed lookup is
// reported as that failure (network, Identity error …), never as "not the owner".
class VehicleJob : public Job
{
    Q_OBJECT
public:
    VehicleJob(QNetworkAccessManager *nam,
               const TransportOptions &options,
               const Environment &env,
               const QString &clientId,
               qint64 tokenId,
               const QString &requiredOwner = {},
               bool requireGrant = false,
               QObject *parent = nullptr);
    ~VehicleJob() override;

Q_SIGNALS:
    void finished(const dimo::Result<dimo::Vehicle> &vehicle);

protected:
    void doStart() override;
    void doAbort() override;

    void fail(const Error &error) override { finish(error); }

private:
    void finish(const Result<Vehicle> &result);

    QNetworkAccessManager *m_nam;
    TransportOptions m_options;
    Environment m_env;
    QString m_clientId;
    qint64 m_tokenId;
    QString m_requiredOwner;
    bool m_requireGrant;
    QPointer<GraphQlJob> m_query;
};

} // namespace dimo
