// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/core/result.h"
#include "dimo/job.h"
#include "dimo/vehicles/vehicle.h"

namespace dimo {

// Vehicle details from Identity, with this app's grant. With `requiredOwner` set it is the
// ownership check: NotOwner if the vehicle belongs to another wallet; with `requireGrant`,
// NotShared if this license holds no active grant on it. A failed lookup is
// reported as that failure (network, Identity error …), never as "not the owner".
class VehicleJob : public TypedJob<VehicleJob, Vehicle>
{
    Q_OBJECT
public:
    VehicleJob(ContextPtr context,
               qint64 tokenId,
               const QString &requiredOwner = {},
               bool requireGrant = false,
               QObject *parent = nullptr);

Q_SIGNALS:
    void finished(const dimo::Result<dimo::Vehicle> &vehicle);

protected:
    void doStart() override;

private:
    ContextPtr m_context;
    qint64 m_tokenId;
    QString m_requiredOwner;
    bool m_requireGrant;
};

} // namespace dimo
