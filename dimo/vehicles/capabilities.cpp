// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/vehicles/capabilities.h"

#include "dimo/auth/keccak.h"
#include "dimo/core/privileges.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace dimo {

namespace {

struct Row
{
    QString id;
    int privilege;
};

QString age(qint64 secs)
{
    if (secs < 3600) {
        return u"%1 min"_s.arg(secs / 60);
    }
    if (secs < 2 * 86400) {
        return u"%1 h"_s.arg(secs / 3600);
    }
    return u"%1 days"_s.arg(secs / 86400);
}

QString sources(const Vehicle &v)
{
    QStringList out;
    if (v.hasAftermarketDevice) {
        out << u"%1 aftermarket device"_s.arg(v.aftermarketMaker.isEmpty() ? u"an"_s : v.aftermarketMaker);
    }
    if (v.hasSyntheticDevice) {
        out << u"%1 connection"_s.arg(v.connection.isEmpty() ? u"a"_s : v.connection);
    }
    return out.isEmpty() ? u"no data source"_s : out.join(u" and "_s);
}

QString sourceFix(const Vehicle &v)
{
    if (v.hasAftermarketDevice) {
        return u"check that the %1 device is plugged in and online"_s.arg(v.aftermarketMaker);
    }
    if (v.hasSyntheticDevice) {
        return u"reconnect the vehicle's %1 connection in the DIMO app"_s.arg(v.connection);
    }
    return u"connect a data source in the DIMO app (an aftermarket device or a connection)"_s;
}

// Each capability and the privilege that gates it.
const QList<Row> &capabilityRows()
{
    static const QList<Row> rows{{u"latest"_s, privilege::NonLocationHistory},
                                 {u"history"_s, privilege::NonLocationHistory},
                                 {u"location"_s, privilege::AllTimeLocation},
                                 {u"commands"_s, privilege::ExecuteCommands},
                                 {u"vin"_s, privilege::VinCredential},
                                 {u"attestations"_s, privilege::NonLocationHistory}};
    return rows;
}

void share(Capability &c, QList<int> privileges, const QString &text)
{
    c.fixAction = u"share"_s;
    c.sharePrivileges = privilege::normalized(std::move(privileges));
    c.fixText = text;
}

} // namespace

QJsonObject Capability::toJson() const
{
    QJsonObject fix{{u"action"_s, fixAction}};
    if (!fixText.isEmpty()) {
        fix.insert(u"text"_s, fixText);
    }
    if (!fixUrl.isEmpty()) {
        fix.insert(u"url"_s, fixUrl);
    }
    return {{u"capability"_s, id}, {u"available"_s, available}, {u"reason"_s, reason}, {u"fix"_s, fix}};
}

QString teslaStatusMeaning(const QString &action)
{
    static const QHash<QString, QString> meaning{
        {u"telemetry_configured"_s, u"the Tesla connection itself is set up"_s},
        {u"set_telemetry_config"_s, u"the Tesla connection is set up, its data flow not started yet"_s},
        {u"open_tesla_deeplink"_s, u"DIMO's virtual key is not paired: the owner must pair it in the Tesla app"_s},
        {u"update_firmware"_s, u"the car's firmware is too old for DIMO's Tesla integration: update it"_s},
        {u"prompt_toggle"_s, u"the car's data streaming toggle is off: the owner must turn it on"_s},
        {u"missing_scopes"_s,
         u"the Tesla login lacks permissions: the owner must log in to Tesla through DIMO again"_s},
        {u"login_required"_s,
         u"the Tesla login is no longer valid: the owner must log in to Tesla through DIMO again"_s},
    };
    return meaning.value(action);
}

LoginRequest reshareRequest(qint64 tokenId, const QList<int> &privileges)
{
    LoginRequest r;
    r.entry = LoginRequest::Entry::ShareVehicles;
    r.vehicles = {tokenId};
    r.permissions = privilege::normalized(privileges);
    return r;
}

bool grantNeedsAttention(const Vehicle &v, const QDateTime &now)
{
    for (const Row &row : capabilityRows()) {
        if (!privilege::covers(v.privileges, {row.privilege})) {
            return true;
        }
    }
    return v.grantExpiresAt.isValid() && now.secsTo(v.grantExpiresAt) < ExpiringSoonSecs;
}

namespace {

// Whether this app may use the capability at all: signed in (or fleet mode), the vehicle reachable,
// the grant holding the row's privilege.
void checkAccess(Capability &c, const Row &row, const CapabilityFacts &f, const Vehicle &v)
{
    const QString p = privilege::describe(row.privilege);
    if (!f.fleetMode && f.wallet.isEmpty()) {
        c.reason = u"nobody is signed in and fleet mode is off"_s;
        c.fixAction = u"sign_in"_s;
        c.fixText = u"log in with DIMO (init_oauth, or the tray's Log in)"_s;
    } else if (!f.fleetMode && !eth::sameAddress(v.owner, f.wallet)) {
        c.reason = u"not your vehicle: %1 belongs to %2, not to %3"_s.arg(f.tokenId).arg(v.owner, f.wallet);
        if (v.shared) {
            c.reason += u"; it is shared with this app, which only fleet mode reaches"_s;
            c.fixAction = u"fleet_mode"_s;
            c.fixText = u"turn fleet mode on (FLEET_MODE=true or Settings)"_s;
        } else {
            c.fixAction = u"sign_in"_s;
            c.fixText = u"log in with the owner's DIMO account (init_oauth)"_s;
        }
    } else if (!v.shared) {
        const bool expired = f.knownGrantExpiry.isValid() && f.knownGrantExpiry <= f.now;
        c.reason = expired ? u"this app's grant expired at %1"_s.arg(f.knownGrantExpiry.toUTC().toString(Qt::ISODate))
                           : u"not shared with this app (DIMO lists no active grant: never shared, revoked or "
                             "expired)"_s;
        share(c, {row.privilege}, u"the owner shares %1 with this app"_s.arg(p));
    } else if (!v.privileges.contains(row.privilege)) {
        c.reason = u"the grant lacks %1"_s.arg(p);
        share(c, v.privileges + QList<int>{row.privilege}, u"the owner re-shares, adding %1"_s.arg(p));
    } else {
        c.available = true;
    }
}

// Commands: a Tesla through DIMO's integration, ready as tesla-oracle's status says.
void checkCommands(Capability &c, const CapabilityFacts &f, const Vehicle &v)
{
    if (v.connection != u"Tesla"_s) {
        c.available = false;
        c.reason = u"DIMO takes commands only for Teslas connected through its Tesla integration (this "
                   "vehicle has %1)"_s.arg(sources(v));
    } else if (f.teslaAction.isEmpty() && f.teslaError.isEmpty()) {
        c.reason = u"the Tesla's readiness was not asked for (vehicle_capabilities asks tesla-oracle)"_s;
    } else if (f.teslaAction.isEmpty()) {
        c.reason = u"readiness not checked: %1"_s.arg(f.teslaError);
        c.fixAction = u"sign_in"_s;
        c.fixText = u"log in with DIMO (init_oauth) so tesla-oracle's status can be read"_s;
    } else if (f.teslaAction != u"telemetry_configured"_s && f.teslaAction != u"set_telemetry_config"_s) {
        c.available = false;
        c.reason = u"tesla-oracle: %1 (%2)"_s.arg(teslaStatusMeaning(f.teslaAction), f.teslaAction);
        c.fixAction = u"tesla_owner"_s;
        c.fixText = teslaStatusMeaning(f.teslaAction);
    }
}

// Data capabilities: never seen, or stale (the current ones are then unavailable, history stays).
void checkFreshness(Capability &c, const Row &row, const CapabilityFacts &f, const Vehicle &v)
{
    if (!f.dataChecked) {
        if (!f.dataError.isEmpty()) {
            c.reason = u"freshness unknown: %1"_s.arg(f.dataError);
        }
        return;
    }
    const bool current = row.id == u"latest"_s || row.id == u"location"_s;
    if (!f.lastSeen.isValid()) {
        c.available = false;
        c.reason = u"never seen: no data ever arrived (%1)"_s.arg(sources(v));
        c.fixAction = u"check_source"_s;
        c.fixText = sourceFix(v);
    } else if (const qint64 secs = f.lastSeen.secsTo(f.now); secs > StaleAfterSecs) {
        c.available = !current;
        c.reason = u"stale: last seen %1 ago (%2)"_s.arg(age(secs), sources(v));
        c.fixAction = u"check_source"_s;
        c.fixText = sourceFix(v);
    }
}

} // namespace

QList<Capability> diagnoseCapabilities(const CapabilityFacts &f)
{
    QList<Capability> out;
    const Vehicle v = f.vehicle.value_or(Vehicle{});
    for (const Row &row : capabilityRows()) {
        Capability c;
        c.id = row.id;
        checkAccess(c, row, f, v);
        if (c.available && row.id == u"commands"_s) {
            checkCommands(c, f, v);
        } else if (c.available && row.id != u"vin"_s) {
            checkFreshness(c, row, f, v);
        }
        if (c.available && c.fixAction == u"none"_s && v.grantExpiresAt.isValid()
            && f.now.secsTo(v.grantExpiresAt) < ExpiringSoonSecs) {
            c.reason = u"the grant expires in %1 (%2)"_s.arg(age(f.now.secsTo(v.grantExpiresAt)),
                                                             v.grantExpiresAt.toUTC().toString(Qt::ISODate));
            share(c, v.privileges, u"the owner re-shares before it expires"_s);
        }
        if (c.available && c.reason.isEmpty()) {
            c.reason =
                row.id == u"attestations"_s ? u"if the share's document allows them (checked when read)"_s : u"ok"_s;
        }
        out << c;
    }
    return out;
}

} // namespace dimo
