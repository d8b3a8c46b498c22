// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/vehicles/vehicletext.h"

#include "dimo/core/privileges.h"
#include "ui/format.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace ui {

QString privilegeShortName(int id)
{
    switch (id) {
    case dimo::privilege::NonLocationHistory:
        return u"data"_s;
    case dimo::privilege::ExecuteCommands:
        return u"commands"_s;
    case dimo::privilege::CurrentLocation:
        return u"current location"_s;
    case dimo::privilege::AllTimeLocation:
        return u"location"_s;
    case dimo::privilege::VinCredential:
        return u"VIN"_s;
    case dimo::privilege::LiveData:
        return u"live"_s;
    case dimo::privilege::RawData:
        return u"raw"_s;
    case dimo::privilege::ApproximateLocation:
        return u"approx. location"_s;
    }
    return u"#%1"_s.arg(id);
}

QString privilegesShortText(const dimo::Vehicle &vehicle)
{
    if (!vehicle.shared || vehicle.privileges.isEmpty()) {
        return u"not shared"_s;
    }
    QStringList names;
    for (int id : dimo::privilege::normalized(vehicle.privileges)) {
        names << privilegeShortName(id);
    }
    return names.join(u", "_s);
}

QString privilegesLongText(const dimo::Vehicle &vehicle)
{
    if (!vehicle.shared || vehicle.privileges.isEmpty()) {
        return u"Not shared with this app"_s;
    }
    QStringList names;
    for (int id : dimo::privilege::normalized(vehicle.privileges)) {
        names << dimo::privilege::displayName(id);
    }
    return names.join(u'\n');
}

QString energyText(const VehicleSignals &s)
{
    if (s.stateOfCharge) {
        return u"%1 % charge"_s.arg(qRound(*s.stateOfCharge));
    }
    if (s.fuelLevel) {
        return u"%1 % fuel"_s.arg(qRound(*s.fuelLevel));
    }
    return {};
}

QString distanceText(const std::optional<double> &km)
{
    return km ? u"%1 km"_s.arg(qRound64(*km)) : QString();
}

QString lockText(const VehicleSignals &s)
{
    if (!s.locked) {
        return {};
    }
    return *s.locked ? u"locked"_s : u"unlocked"_s;
}

QString positionText(const VehicleSignals &s)
{
    if (!s.position) {
        return {};
    }
    const auto &p = *s.position;
    if (p.approximate) {
        return u"≈ %1, %2"_s.arg(p.latitude, 0, 'f', 2).arg(p.longitude, 0, 'f', 2);
    }
    return u"%1, %2"_s.arg(p.latitude, 0, 'f', 5).arg(p.longitude, 0, 'f', 5);
}

namespace {

QString row(const QString &label, const QString &value)
{
    // Label above value: long values (wallets, privilege lists) get the pane's full width.
    return u"<p style=\"margin: 0 0 6px 0\"><b>%1</b><br>%2</p>"_s.arg(
        label.toHtmlEscaped(), value.isEmpty() ? u"—"_s : value.toHtmlEscaped());
}

QString signalRows(const VehicleSignals *s, const QDateTime &now)
{
    if (!s) {
        return row(u"Latest data"_s, u"loading…"_s);
    }
    QString out;
    out += row(u"Last seen"_s,
               s->lastSeen.isValid()
                   ? u"%1 (%2)"_s.arg(formatAge(s->lastSeen, now), s->lastSeen.toLocalTime().toString(Qt::ISODate))
                   : u"never"_s);
    out += row(u"Charge or fuel"_s, energyText(*s));
    out += row(u"Range"_s, distanceText(s->range));
    out += row(u"Odometer"_s, distanceText(s->odometer));
    out += row(u"Doors"_s, lockText(*s));
    out += row(u"Location"_s, positionText(*s));
    return out;
}

} // namespace

QString vehicleDetailsHtml(const dimo::Vehicle &v,
                           const VehicleSignals *latest,
                           bool mine,
                           const QList<int> &missingPrivileges,
                           const QDateTime &now)
{
    QString html = u"<h3>%1</h3>"_s.arg((v.name.isEmpty() ? v.displayName() : v.name).toHtmlEscaped());
    html += row(u"Vehicle"_s,
                u"%1 %2 %3"_s.arg(v.make, v.model, v.year > 0 ? QString::number(v.year) : QString()).trimmed());
    html += row(u"Token id"_s, QString::number(v.tokenId));
    html += row(u"Owner"_s, mine ? u"you (%1)"_s.arg(v.owner) : v.owner);
    QStringList granted;
    for (int id : dimo::privilege::normalized(v.privileges)) {
        granted << dimo::privilege::displayName(id);
    }
    html += row(u"Shared with this app"_s, v.shared ? granted.join(u"; "_s) : u"no"_s);
    if (v.shared) {
        html += row(u"Grant expires"_s,
                    v.grantExpiresAt.isValid() ? v.grantExpiresAt.toLocalTime().toString(Qt::ISODate) : u"never"_s);
    }
    if (!missingPrivileges.isEmpty()) {
        QStringList names;
        for (int id : missingPrivileges) {
            names << dimo::privilege::displayName(id);
        }
        html += row(u"Not granted"_s, names.join(u"; "_s));
    }
    html += signalRows(latest, now);
    html += row(u"Minted"_s, v.mintedAt.isValid() ? v.mintedAt.toLocalTime().toString(Qt::ISODate) : QString());
    return html;
}

} // namespace ui
