// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/core/result.h"
#include "dimo/job.h"
#include "dimo/vehicles/vehicle.h"

namespace dimo {

// Every vehicle shared with the license (Identity `vehicles(filterBy: {privileged: <client id>})`),
// all pages of 100, optionally only those owned by `owner`. Descending token id, as Identity orders.
class VehicleListJob : public TypedJob<VehicleListJob, QList<Vehicle>>
{
    Q_OBJECT
public:
    explicit VehicleListJob(ContextPtr context, const QString &owner = {}, QObject *parent = nullptr);

    static constexpr int PageSize = 100;
    static constexpr int MaxPages = 1000; // guard against a cursor that never ends

Q_SIGNALS:
    void finished(const dimo::Result<QList<dimo::Vehicle>> &vehicles);

protected:
    void doStart() override;

private:
    void fetchPage(const QString &after);

    ContextPtr m_context;
    QString m_owner;
    QList<Vehicle> m_vehicles;
    int m_pages = 0;
};

} // namespace dimo
