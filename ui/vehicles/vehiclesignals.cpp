// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/vehicles/vehiclesignals.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

QDateTime parseTime(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}

// name → value, whatever shape the signals came in.
QJsonObject flatValues(const QJsonObject &latest)
{
    QJsonObject out;
    const QJsonValue sig = latest.value(u"signals"_s);
    if (sig.isObject()) {
        // telemetry_get_latest_signals: {"signals": {name: {"value", "timestamp", "unit"}}}
        const QJsonObject o = sig.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            out.insert(it.key(), it.value().isObject() ? it.value().toObject().value(u"value"_s) : it.value());
        }
    } else if (sig.isArray()) {
        // signalsSnapshot: {"signals": [{"name", "valueNumber", "valueString"}]}
        for (const QJsonValue &e : sig.toArray()) {
            const QJsonObject o = e.toObject();
            const QJsonValue n = o.value(u"valueNumber"_s);
            out.insert(o.value(u"name"_s).toString(), n.isDouble() ? n : o.value(u"valueString"_s));
        }
    } else {
        // A raw signalsLatest object: {"lastSeen", name: {"timestamp", "value"}}
        for (auto it = latest.begin(); it != latest.end(); ++it) {
            if (it.value().isObject() && it.value().toObject().contains(u"value"_s)) {
                out.insert(it.key(), it.value().toObject().value(u"value"_s));
            }
        }
    }
    return out;
}

std::optional<double> number(const QJsonObject &values, const QString &name)
{
    const QJsonValue v = values.value(name);
    if (v.isDouble()) {
        return v.toDouble();
    }
    if (v.isBool()) {
        return v.toBool() ? 1.0 : 0.0;
    }
    return std::nullopt;
}

std::optional<VehicleSignals::Position> readPosition(const QJsonObject &values)
{
    for (const auto &[name, approximate] : {std::pair{u"currentLocationCoordinates"_s, false},
                                            std::pair{u"currentLocationApproximateCoordinates"_s, true}}) {
        const QJsonObject c = values.value(name).toObject();
        if (c.value(u"latitude"_s).isDouble() && c.value(u"longitude"_s).isDouble()) {
            return VehicleSignals::Position{
                c.value(u"latitude"_s).toDouble(), c.value(u"longitude"_s).toDouble(), approximate};
        }
    }
    const auto lat = number(values, u"currentLocationLatitude"_s);
    const auto lon = number(values, u"currentLocationLongitude"_s);
    if (lat && lon) {
        return VehicleSignals::Position{*lat, *lon, false};
    }
    return std::nullopt;
}

QJsonObject unwrapped(const QJsonObject &latest)
{
    return latest.value(u"signalsLatest"_s).isObject() ? latest.value(u"signalsLatest"_s).toObject() : latest;
}

} // namespace

QJsonObject mergeLatestSignals(const QJsonObject &a, const QJsonObject &b)
{
    QJsonObject out = unwrapped(a);
    const QJsonValue seenA = out.value(u"lastSeen"_s);
    const QJsonObject other = unwrapped(b);
    for (auto it = other.begin(); it != other.end(); ++it) {
        out.insert(it.key(), it.value());
    }
    const QDateTime timeA = parseTime(seenA);
    const QDateTime timeB = parseTime(other.value(u"lastSeen"_s));
    if (timeA.isValid() && (!timeB.isValid() || timeA > timeB)) {
        out.insert(u"lastSeen"_s, seenA);
    }
    return QJsonObject{{u"signalsLatest"_s, out}};
}

/*!
  Accepts the shapes the app stores for a vehicle: the output of telemetry_get_latest_signals
  (`signals` object, `freshness.lastSeen`), a signals snapshot (`signals` array, `lastSeen`), or a
  raw `signalsLatest` object, optionally wrapped as `{"signalsLatest": {...}}`. Unknown or
  malformed fields are simply absent.
*/
VehicleSignals VehicleSignals::fromJson(const QJsonObject &latestIn)
{
    const QJsonObject latest =
        latestIn.value(u"signalsLatest"_s).isObject() ? latestIn.value(u"signalsLatest"_s).toObject() : latestIn;
    VehicleSignals s;
    s.lastSeen = parseTime(latest.value(u"lastSeen"_s));
    if (!s.lastSeen.isValid()) {
        s.lastSeen = parseTime(latest.value(u"freshness"_s).toObject().value(u"lastSeen"_s));
    }
    const QJsonObject values = flatValues(latest);
    s.stateOfCharge = number(values, u"powertrainTractionBatteryStateOfChargeCurrent"_s);
    s.fuelLevel = number(values, u"powertrainFuelSystemRelativeLevel"_s);
    s.range = number(values, u"powertrainRange"_s);
    if (!s.range) {
        s.range = number(values, u"powertrainTractionBatteryRange"_s);
    }
    s.odometer = number(values, u"powertrainTransmissionTravelledDistance"_s);
    if (const auto l = number(values, u"bodyLockIsLocked"_s)) {
        s.locked = *l != 0.0;
    }
    s.position = readPosition(values);
    return s;
}

} // namespace ui
