// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace ui {

/// The few latest signals the vehicles window shows, read from a vehicle's latest-signals JSON.
struct VehicleSignals
{
    struct Position
    {
        double latitude = 0;
        double longitude = 0;
        bool approximate = false; // from currentLocationApproximateCoordinates
    };

    QDateTime lastSeen; // invalid: DIMO has no data (or it was not read)
    std::optional<double> stateOfCharge; // percent
    std::optional<double> fuelLevel; // percent
    std::optional<double> range; // km
    std::optional<double> odometer; // km
    std::optional<bool> locked;
    std::optional<Position> position;

    /// Reads the JSON the app keeps per vehicle (Backend's VehicleSnapshot::latest), or the
    /// `data` of a dimo::graphql::latestSignals() query ({"signalsLatest": {...}}).
    static VehicleSignals fromJson(const QJsonObject &latest);
};

/// Merges two raw `signalsLatest` answers (wrapped in {"signalsLatest": …} or not), e.g. of
/// a signals and a location dimo::graphql::latestSignals() query: the union of the signals (`b` wins on a
/// clash) and the later `lastSeen`. The result is {"signalsLatest": {...}}.
QJsonObject mergeLatestSignals(const QJsonObject &a, const QJsonObject &b);

} // namespace ui
