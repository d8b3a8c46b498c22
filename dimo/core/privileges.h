// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace dimo::privilege {
enum Id : int {
    NonLocationHistory = 1,
    ExecuteCommands = 2,
    CurrentLocation = 3, // deprecated, use AllTimeLocation
    AllTimeLocation = 4,
    VinCredential = 5,
    LiveData = 6,
    RawData = 7,
    ApproximateLocation = 8,
    // Not a DIMO privilege bit: a vehicle JWT that also carries the `dimo.attestation` cloud-event grant, which
    // telemetry-api's `attestations` field requires (auth/telemetry_claim.go). The token exchange asks for it
    // with the current body (`asset` DID + `cloudEvents`); Identity's SACD mask cannot show it, so only the
    // exchange decides. Never in a SACD mask or a login URL.
    AttestationEvents = 1000,
};

bool isPrivilegeBit(int id); // 1..255: a bit pair of the SACD mask (not AttestationEvents)

QString permissionName(int id); // "privilege:GetLocationHistory"
QString displayName(int id); // "All-time location"
// "privilege 4 (All-time location)"
QString describe(int id);

// Privileges granted by a SACD `permissions` hex string ("0x3ffc" → 1..6); both bits of a pair must be set.
QList<int> decodeMask(const QString &hex);
QString encodeMask(const QList<int> &ids); // inverse, for tests and login URLs

// Sorted, de-duplicated.
QList<int> normalized(QList<int> ids);
bool covers(const QList<int> &granted, const QList<int> &needed);
QList<int> missing(const QList<int> &granted, const QList<int> &needed);
} // namespace dimo::privilege
