// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/loginurl.h"
#include "dimo/vehicles/vehicle.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace dimo {

// One row of the capability matrix ("the doctor"): whether this app can use one capability of a
// vehicle, why not, and the one action that fixes it. A pure value: the vehicle_capabilities tool
// and the Vehicles window both render it.
struct Capability
{
    QString id; // latest, history, location, commands, vin, attestations
    bool available = false;
    QString reason;
    QString fixAction = QStringLiteral("none"); // none, share, sign_in, fleet_mode, check_source, tesla_owner
    QString fixText;
    QList<int> sharePrivileges; // fixAction "share": the grant to ask for (what it has plus what it lacks)
    QString fixUrl; // filled by the caller for "share" (Client::loginUrl(reshareRequest(...)))

    QJsonObject toJson() const; // {capability, available, reason, fix: {action, text?, url?}}
};

// What is known about one vehicle when the matrix is computed.
struct CapabilityFacts
{
    qint64 tokenId = 0;
    QDateTime now;
    bool fleetMode = false;
    QString wallet; // the signed-in wallet; empty: nobody
    std::optional<Vehicle> vehicle; // Identity's answer (owner, this app's active grant, data sources)
    QDateTime knownGrantExpiry; // an earlier answer's grant expiry (to say "expired" once Identity drops it)
    bool dataChecked = false; // telemetry was asked for lastSeen
    QDateTime lastSeen; // invalid after a check: never seen
    QString dataError; // why freshness is unknown
    QString teslaAction; // tesla-oracle's status action; empty: unknown
    QString teslaError; // why it is unknown; empty too: not asked (the Vehicles window)
};

inline constexpr qint64 StaleAfterSecs = 3600;
inline constexpr qint64 ExpiringSoonSecs = 7 * 86400;

QList<Capability> diagnoseCapabilities(const CapabilityFacts &facts);
// Whether the grant lacks a privilege some capability needs, or expires within ExpiringSoonSecs
// (check_vehicle_access_status then points to the doctor).
bool grantNeedsAttention(const Vehicle &vehicle, const QDateTime &now);
// Re-sharing replaces the grant: a share link for `tokenId` asking for what it has plus what it lacks.
LoginRequest reshareRequest(qint64 tokenId, const QList<int> &privileges);
// tesla-oracle's status action in words ("" for an unknown one).
QString teslaStatusMeaning(const QString &action);

} // namespace dimo
