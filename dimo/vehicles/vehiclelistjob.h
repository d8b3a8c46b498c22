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

// Every vehicle shared with the license (Identity `vehicles(filterBy: {privileged: <client id>})`),
// all pages of 100, optionally only those owned by `owner`. Descending token id, as Identity orders.
class VehicleListJob : public Job
{
    Q_OBJECT
public:
    VehicleListJob(QNetworkAccessManager *nam,
                   const TransportOptions &options,
                   const Environment &env,
                   const QString &clientId,
                   const QString &owner = {},
                   QObject *parent = nullptr);
    ~VehicleListJob() override;

    static constexpr int PageSize = 100;
    static constexpr int MaxPages = 1000; // guard against a cursor that never ends

    int pagesFetched() const { return m_pages; }

Q_SIGNALS:
    void finished(const dimo::Result<QList<dimo::Vehicle>> &vehicles);

protected:
    void doStart() override;
    void doAbort() override;

    void fail(const Error &error) override { finish(error); }

private:
    void fetchPage(const QString &after);
    void finish(const Result<QList<Vehicle>> &result);

    QNetworkAccessManager *m_nam;
    TransportOptions m_options;
    Environment m_env;
    QString m_clientId;
    QString m_owner;
    QPointer<GraphQlJob> m_page;
    QList<Vehicle> m_vehicles;
    int m_pages = 0;
};

} // namespace dimo
