// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/vehicles/vehicle.h"

#include "dimo/core/privileges.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dimo {

Vehicle Vehicle::fromJson(const QJsonObject &n, qint64 nowSecs)
{
    Vehicle v;
    v.tokenId = static_cast<qint64>(n.value(u"tokenId"_s).toDouble());
    v.tokenDid = n.value(u"tokenDID"_s).toString();
    v.owner = n.value(u"owner"_s).toString();
    v.name = n.value(u"name"_s).toString();
    v.imageUri = n.value(u"imageURI"_s).toString();
    v.mintedAt = QDateTime::fromString(n.value(u"mintedAt"_s).toString(), Qt::ISODateWithMs);
    const QJsonObject def = n.value(u"definition"_s).toObject();
    v.definitionId = def.value(u"id"_s).toString();
    v.make = def.value(u"make"_s).toString();
    v.model = def.value(u"model"_s).toString();
    v.year = def.value(u"year"_s).toInt();
    const QJsonObject aftermarket = n.value(u"aftermarketDevice"_s).toObject();
    v.hasAftermarketDevice = !aftermarket.isEmpty();
    v.aftermarketMaker = aftermarket.value(u"manufacturer"_s).toObject().value(u"name"_s).toString();
    const QJsonObject synthetic = n.value(u"syntheticDevice"_s).toObject();
    v.hasSyntheticDevice = !synthetic.isEmpty();
    v.connection = synthetic.value(u"connection"_s).toObject().value(u"name"_s).toString();
    const auto activeAt = [nowSecs](const QDateTime &expires) {
        return !expires.isValid() || expires.toSecsSinceEpoch() > nowSecs;
    };
    const QJsonObject sacd = n.value(u"sacd"_s).toObject();
    if (!sacd.isEmpty()) {
        v.grantExpiresAt = QDateTime::fromString(sacd.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
        if (activeAt(v.grantExpiresAt)) {
            v.privileges = privilege::decodeMask(sacd.value(u"permissions"_s).toString());
        }
    }
    // An older share: one row per privilege, each with its own expiry, and no SACD document.
    for (const QJsonValue &row : n.value(u"privileges"_s).toObject().value(u"nodes"_s).toArray()) {
        const int id = row.toObject().value(u"id"_s).toInt();
        const auto expires = QDateTime::fromString(row.toObject().value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
        if (id <= 0 || !activeAt(expires) || v.privileges.contains(id)) {
            continue;
        }
        v.privileges.append(id);
        v.legacyGrant = true;
        if (sacd.isEmpty() && (!v.grantExpiresAt.isValid() || expires < v.grantExpiresAt)) {
            v.grantExpiresAt = expires; // the earliest: from then on, the share is no longer whole
        }
    }
    std::sort(v.privileges.begin(), v.privileges.end());
    v.shared = !v.privileges.isEmpty();
    return v;
}

QJsonObject Vehicle::toJson() const
{
    QJsonArray privs;
    for (int p : privileges) {
        privs.append(p);
    }
    return QJsonObject{{u"tokenId"_s, tokenId},
                       {u"tokenDID"_s, tokenDid},
                       {u"owner"_s, owner},
                       {u"name"_s, name},
                       {u"make"_s, make},
                       {u"model"_s, model},
                       {u"year"_s, year},
                       {u"definitionId"_s, definitionId},
                       {u"imageURI"_s, imageUri},
                       {u"shared"_s, shared},
                       {u"privileges"_s, privs},
                       {u"grantExpiresAt"_s, grantExpiresAt.toString(Qt::ISODate)}};
}

QString Vehicle::displayName() const
{
    QString s = year ? QString::number(year) + u" "_s : QString();
    s += make.isEmpty() ? u"Vehicle"_s : make;
    if (!model.isEmpty()) {
        s += u" "_s + model;
    }
    if (!name.isEmpty()) {
        s += u" ("_s + name + u")"_s;
    }
    return s;
}

} // namespace dimo
