// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/vehicles/vehicletext.h"

#include "dimo/core/privileges.h"
#include "ui/format.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
// Translation context for the free functions here (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ui::VehicleText)
};
} // namespace

QString privilegeShortName(int id)
{
    switch (id) {
    case dimo::privilege::NonLocationHistory:
        return Text::tr("data");
    case dimo::privilege::ExecuteCommands:
        return Text::tr("commands");
    case dimo::privilege::CurrentLocation:
        return Text::tr("current location");
    case dimo::privilege::AllTimeLocation:
        return Text::tr("location");
    case dimo::privilege::VinCredential:
        return Text::tr("VIN");
    case dimo::privilege::LiveData:
        return Text::tr("live");
    case dimo::privilege::RawData:
        return Text::tr("raw");
    case dimo::privilege::ApproximateLocation:
        return Text::tr("approx. location");
    }
    return u"#%1"_s.arg(id);
}

QString privilegesShortText(const dimo::Vehicle &vehicle)
{
    if (!vehicle.shared || vehicle.privileges.isEmpty()) {
        return Text::tr("not shared");
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
        return Text::tr("Not shared with this app");
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
        return Text::tr("%1 % charge").arg(qRound(*s.stateOfCharge));
    }
    if (s.fuelLevel) {
        return Text::tr("%1 % fuel").arg(qRound(*s.fuelLevel));
    }
    return {};
}

QString distanceText(const std::optional<double> &km)
{
    return km ? Text::tr("%1 km").arg(qRound64(*km)) : QString();
}

QString lockText(const VehicleSignals &s)
{
    if (!s.locked) {
        return {};
    }
    return *s.locked ? Text::tr("locked") : Text::tr("unlocked");
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
        return row(Text::tr("Latest data"), Text::tr("loading…"));
    }
    QString out;
    out += row(Text::tr("Last seen"),
               s->lastSeen.isValid()
                   ? u"%1 (%2)"_s.arg(formatAge(s->lastSeen, now), s->lastSeen.toLocalTime().toString(Qt::ISODate))
                   : Text::tr("never"));
    out += row(Text::tr("Charge or fuel"), energyText(*s));
    out += row(Text::tr("Range"), distanceText(s->range));
    out += row(Text::tr("Odometer"), distanceText(s->odometer));
    out += row(Text::tr("Doors"), lockText(*s));
    out += row(Text::tr("Location"), positionText(*s));
    return out;
}

} // namespace

QString capabilityName(const QString &id)
{
    static const QHash<QString, const char *> names{
        {u"latest"_s, QT_TRANSLATE_NOOP("ui::VehicleText", "Latest data")},
        {u"history"_s, QT_TRANSLATE_NOOP("ui::VehicleText", "History")},
        {u"location"_s, QT_TRANSLATE_NOOP("ui::VehicleText", "Location")},
        {u"commands"_s, QT_TRANSLATE_NOOP("ui::VehicleText", "Commands")},
        {u"vin"_s, QT_TRANSLATE_NOOP("ui::VehicleText", "VIN credential")},
        {u"attestations"_s, QT_TRANSLATE_NOOP("ui::VehicleText", "Attestations")},
    };
    const char *name = names.value(id);
    return name ? Text::tr(name) : id;
}

QString capabilityRows(const QList<dimo::Capability> &capabilities)
{
    if (capabilities.isEmpty()) {
        return {};
    }
    // One line each: ✓ or ✗, the capability, DIMO's reason and the one fix (in the doctor's words).
    QString html = u"<p style=\"margin: 0 0 6px 0\"><b>%1</b>"_s.arg(Text::tr("What this app can do").toHtmlEscaped());
    for (const dimo::Capability &c : capabilities) {
        QString line = (c.available ? u"✓ "_s : u"✗ "_s) + capabilityName(c.id);
        if (!c.reason.isEmpty()) {
            line += u": "_s + c.reason;
        }
        if (c.fixAction != u"none"_s && !c.fixText.isEmpty()) {
            line += u" — "_s + Text::tr("fix: %1").arg(c.fixText);
        }
        html += u"<br>"_s + line.toHtmlEscaped();
    }
    return html + u"</p>"_s;
}

QString vehicleDetailsHtml(const dimo::Vehicle &v,
                           const VehicleSignals *latest,
                           bool mine,
                           const QList<int> &missingPrivileges,
                           const QDateTime &now,
                           const QList<dimo::Capability> &capabilities)
{
    QString html = u"<h3>%1</h3>"_s.arg((v.name.isEmpty() ? v.displayName() : v.name).toHtmlEscaped());
    html += row(Text::tr("Vehicle"),
                u"%1 %2 %3"_s.arg(v.make, v.model, v.year > 0 ? QString::number(v.year) : QString()).trimmed());
    html += row(Text::tr("Token id"), QString::number(v.tokenId));
    html += row(Text::tr("Owner"), mine ? Text::tr("you (%1)").arg(v.owner) : v.owner);
    QStringList granted;
    for (int id : dimo::privilege::normalized(v.privileges)) {
        granted << dimo::privilege::displayName(id);
    }
    html += row(Text::tr("Shared with this app"), v.shared ? granted.join(u"; "_s) : Text::tr("no"));
    if (v.shared) {
        html +=
            row(Text::tr("Grant expires"),
                v.grantExpiresAt.isValid() ? v.grantExpiresAt.toLocalTime().toString(Qt::ISODate) : Text::tr("never"));
    }
    if (!missingPrivileges.isEmpty()) {
        QStringList names;
        for (int id : missingPrivileges) {
            names << dimo::privilege::displayName(id);
        }
        html += row(Text::tr("Not granted"), names.join(u"; "_s));
    }
    html += signalRows(latest, now);
    html += capabilityRows(capabilities);
    html += row(Text::tr("Minted"), v.mintedAt.isValid() ? v.mintedAt.toLocalTime().toString(Qt::ISODate) : QString());
    return html;
}

} // namespace ui
