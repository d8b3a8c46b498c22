// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace dimo {

// Attestation API requests (dimo-api README §7.1) and their body rules, checked before sending:
// times are RFC 3339 with an offset, start ≤ end, span ≤ 30 days.
struct AttestationRequest
{
    enum class Kind { Vin, Odometer, VehicleHealth, VehiclePosition };
    Kind kind = Kind::Vin;
    qint64 tokenId = 0;
    QString timestamp; // odometer (optional), position (required)
    QString startTime; // health
    QString endTime; // health

    QString path() const; // "/v2/attestation/vin/24567"
    QList<int> privileges() const; // vin 5, odometer 1, health 1+4, position 4
    // The JSON body (empty for VIN), or InvalidInput naming the rule that failed.
    Result<QByteArray> body() const;

    static Result<Kind> kindFromString(const QString &name); // vin, odometer, vehicle-health, vehicle-position
};

// RFC 3339 date-time with a mandatory offset ("Z" or ±hh:mm).
Result<QDateTime> parseRfc3339(const QString &text, const QString &fieldName);

} // namespace dimo
