// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/jobadapter.h"
#include "dimo/credits.h"
#include "dimo/vehicles/vehicle.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <optional>

namespace dimo {
class Client;
}

namespace app::tools {

// The credits part of check_vehicle_access_status (credit-tracker, tests/dimosim/FIDELITY.md).

// What one vehicle's credits read gave: a balance, or why it is unknown.
struct CreditRead
{
    std::optional<dimo::credits::VehicleCredits> credits;
    QString unknownWhy;
};

// At most this many vehicles' credits are read per call (all at once: DIMO's ingress allows 50 requests/s).
constexpr int MaxCreditReads = 20;

// Reads the credits of the first MaxCreditReads vehicles at once; `done` gets one entry per vehicle read
// (not called once the responder is resolved). A failure never fails the caller: it becomes that vehicle's
// "unknown" reason.
void readCredits(dimo::Client *client,
                 const QList<dimo::Vehicle> &vehicles,
                 const SharedResponder &responder,
                 std::function<void(const QHash<qint64, CreditRead> &)> done);

// Adds the credits to the answer: on each vehicle's row (rows start at out[firstRow], in `vehicles`' order),
// one "Credits unknown: …" line when every read failed alike, and the vehicles low on credits, which it returns
// ("24558 (12 left)" each).
QStringList addCredits(QStringList &out,
                       int firstRow,
                       const QList<dimo::Vehicle> &vehicles,
                       const QHash<qint64, CreditRead> &reads);

} // namespace app::tools
