// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/vehicles/vehicle.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

// Synthetic vehicles for the vehicles tests and dimotray-ui-bench. Vehicle i: token id 1000 + i,
// name "Car <i>", owned by `myWallet` (upper-cased, to test case-insensitivity) when i % 3 == 0;
// shared with privileges {1, 2, 4, 5, 6} when i % 4 == 0, {1, 4} when i % 4 == 1, {1} when
// i % 4 == 2 and not shared when i % 4 == 3.
namespace testvehicles {

inline const QString myWallet = QStringLiteral("0xabcdef0000000000000000000000000000000001");

inline QList<dimo::Vehicle> make(int count)
{
    static const QStringList makes{QStringLiteral("Tesla"), QStringLiteral("Ford"), QStringLiteral("Toyota")};
    static const QStringList models{QStringLiteral("Model 3"), QStringLiteral("F-150"), QStringLiteral("Prius")};
    QList<dimo::Vehicle> out;
    for (int i = 0; i < count; ++i) {
        dimo::Vehicle v;
        v.tokenId = 1000 + i;
        v.name = QStringLiteral("Car %1").arg(i);
        v.make = makes.at(i % 3);
        v.model = models.at(i % 3);
        v.year = 2015 + i % 10;
        v.owner = i % 3 == 0 ? myWallet.toUpper().replace(QStringLiteral("0X"), QStringLiteral("0x"))
                             : QStringLiteral("0x%1").arg(i, 40, 16, QLatin1Char('0'));
        switch (i % 4) {
        case 0:
            v.privileges = {1, 2, 4, 5, 6};
            break;
        case 1:
            v.privileges = {1, 4};
            break;
        case 2:
            v.privileges = {1};
            break;
        default:
            break;
        }
        v.shared = !v.privileges.isEmpty();
        v.grantExpiresAt = v.shared ? QDateTime(QDate(2027, 6, 1), QTime(0, 0), Qt::UTC) : QDateTime();
        out << v;
    }
    return out;
}

// The shape telemetry_get_latest_signals stores through VehicleState::setLatestSignals.
inline QJsonObject latest(const QString &lastSeenIso, double soc, double rangeKm, double odometerKm, bool locked)
{
    const auto entry = [](const QJsonValue &value) {
        return QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("timestamp"), QStringLiteral("x")}};
    };
    return QJsonObject{{QStringLiteral("tokenId"), 1},
                       {QStringLiteral("freshness"), QJsonObject{{QStringLiteral("lastSeen"), lastSeenIso}}},
                       {QStringLiteral("signals"),
                        QJsonObject{{QStringLiteral("powertrainTractionBatteryStateOfChargeCurrent"), entry(soc)},
                                    {QStringLiteral("powertrainRange"), entry(rangeKm)},
                                    {QStringLiteral("powertrainTransmissionTravelledDistance"), entry(odometerKm)},
                                    {QStringLiteral("bodyLockIsLocked"), entry(locked ? 1.0 : 0.0)},
                                    {QStringLiteral("currentLocationCoordinates"),
                                     entry(QJsonObject{{QStringLiteral("latitude"), 52.52},
                                                       {QStringLiteral("longitude"), 13.405},
                                                       {QStringLiteral("hdop"), 1.2}})}}},
                       {QStringLiteral("noData"), QJsonArray{QStringLiteral("powertrainFuelSystemRelativeLevel")}}};
}

} // namespace testvehicles
