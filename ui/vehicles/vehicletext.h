// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/vehicles/capabilities.h"
#include "dimo/vehicles/vehicle.h"
#include "ui/vehicles/vehiclesignals.h"

#include <QString>

namespace ui {

/// A privilege in one or two words for a table cell: 1 "data", 2 "commands", 4 "location", …
QString privilegeShortName(int id);
/// The granted privileges as short names ("data, commands, location"), or "not shared".
QString privilegesShortText(const dimo::Vehicle &vehicle);
/// The granted privileges in words, one per line ("All-time location"), or "Not shared with this app".
QString privilegesLongText(const dimo::Vehicle &vehicle);

/// Cell texts; each empty when the value is absent.
QString energyText(const VehicleSignals &s); // "82 % charge", "45 % fuel"
QString distanceText(const std::optional<double> &km); // "312 km"
QString lockText(const VehicleSignals &s); // "locked", "unlocked"
QString positionText(const VehicleSignals &s); // "52.52000, 13.40500", "≈ 52.52, 13.40"

/// What the details pane shows for a vehicle: every field, privileges in words, grant expiry, and
/// what this app can do with it (the doctor's rows, dimo::diagnoseCapabilities). `latest` is null
/// when its signals are not loaded yet. Rich text, every value HTML-escaped.
QString vehicleDetailsHtml(const dimo::Vehicle &vehicle,
                           const VehicleSignals *latest,
                           bool mine,
                           const QList<int> &missingPrivileges,
                           const QDateTime &now,
                           const QList<dimo::Capability> &capabilities = {});
/// "Latest data", "Commands", … for a dimo::Capability id.
QString capabilityName(const QString &id);

} // namespace ui
