// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/credits.h"
#include "dimo/vehicles/vehicle.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <functional>
#include <optional>

class QObject;

namespace dimo {
class Client;
}

namespace app::tools {

// DIMO credits per vehicle (credit-tracker, tests/dimosim/FIDELITY.md): read for
// check_vehicle_access_status and the tray's tooltip, kept by VehicleState.

// What one vehicle's credits read gave: a balance, or why it is unknown.
struct CreditRead
{
    std::optional<dimo::credits::VehicleCredits> credits;
    QString unknownWhy;
    QDateTime readAt;
};

// At most this many vehicles' credits are read at once (DIMO's ingress allows 50 requests/s).
constexpr int MaxCreditReads = 20;
// A balance read less than this long ago is not read again (one credit-tracker request per vehicle).
constexpr int CreditsFreshSecs = 5 * 60;

// Reads the credits of `tokenIds`, one request each, all at once; `done` gets one entry per id,
// unless `context` is gone by then. A failure becomes that vehicle's "unknown" reason.
void fetchCredits(dimo::Client *client,
                  const QList<qint64> &tokenIds,
                  const QDateTime &now,
                  QObject *context,
                  std::function<void(const QHash<qint64, CreditRead> &)> done);

// Adds the credits to check_vehicle_access_status's answer: on each vehicle's row (rows start at
// out[firstRow], in `vehicles`' order), one "Credits unknown: …" line when every read failed alike,
// and the vehicles low on credits.
void addCredits(QStringList &out,
                int firstRow,
                const QList<dimo::Vehicle> &vehicles,
                const QHash<qint64, CreditRead> &reads);

// The vehicles of `vehicles` read as low on credits: "24558 (12 left)" each.
QStringList lowOnCredits(const QList<dimo::Vehicle> &vehicles, const QHash<qint64, CreditRead> &reads);

// One line for the tray: "4,210 left on 3 vehicles · lowest: 24558, 12 left"; empty when no
// balance is known.
QString creditsSummary(const QList<dimo::Vehicle> &vehicles, const QHash<qint64, CreditRead> &reads);

} // namespace app::tools
