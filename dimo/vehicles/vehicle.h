// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dimo {

// A vehicle as Identity describes it, plus this app's grant on it.
struct Vehicle
{
    qint64 tokenId = 0;
    QString tokenDid;
    QString owner;
    QString name;
    QString imageUri;
    QString definitionId;
    QString make;
    QString model;
    int year = 0;
    QDateTime mintedAt;
    bool shared = false; // this license holds an active grant
    QList<int> privileges; // granted privilege ids (empty if not shared)
    QDateTime grantExpiresAt;
    bool legacyGrant = false; // some privileges come from an older per-privilege share (no SACD document)
    // Its data sources (VehicleDetails, SharedVehicles): the paired aftermarket
    // device's manufacturer ("AutoPi") and the synthetic device's connection ("Tesla", "Smartcar").
    bool hasAftermarketDevice = false;
    QString aftermarketMaker;
    bool hasSyntheticDevice = false;
    QString connection;

    // From an Identity `Vehicle` node with `sacd(grantee: <client id>)` and `privileges(filterBy:
    // {user: <client id>})` (older shares); a grant counts as active if it has not expired at
    // `nowSecs` (the client's clock).
    static Vehicle fromJson(const QJsonObject &node, qint64 nowSecs);
    QJsonObject toJson() const;
    QString displayName() const; // "2023 Tesla Model 3 (Amber Falcon Harbor)"
};

} // namespace dimo
