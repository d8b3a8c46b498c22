// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/core/privileges.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dimo::privilege {

QString permissionName(int id)
{
    switch (id) {
    case NonLocationHistory:
        return u"privilege:GetNonLocationHistory"_s;
    case ExecuteCommands:
        return u"privilege:ExecuteCommands"_s;
    case CurrentLocation:
        return u"privilege:GetCurrentLocation"_s;
    case AllTimeLocation:
        return u"privilege:GetLocationHistory"_s;
    case VinCredential:
        return u"privilege:GetVINCredential"_s;
    case LiveData:
        return u"privilege:GetLiveData"_s;
    case RawData:
        return u"privilege:GetRawData"_s;
    case ApproximateLocation:
        return u"privilege:GetApproximateLocation"_s;
    }
    return u"privilege:%1"_s.arg(id);
}

QString displayName(int id)
{
    switch (id) {
    case NonLocationHistory:
        return u"All-time, non-location data"_s;
    case ExecuteCommands:
        return u"Commands"_s;
    case CurrentLocation:
        return u"Current location"_s;
    case AllTimeLocation:
        return u"All-time location"_s;
    case VinCredential:
        return u"View VIN credentials"_s;
    case LiveData:
        return u"Live data streams"_s;
    case RawData:
        return u"Raw data"_s;
    case ApproximateLocation:
        return u"Approximate location"_s;
    case AttestationEvents:
        return u"Attestations (the dimo.attestation cloud-event grant)"_s;
    }
    return u"unknown privilege"_s;
}

bool isPrivilegeBit(int id)
{
    return id > 0 && id < 256;
}

QString describe(int id)
{
    if (id == AttestationEvents) {
        return u"access to its attestations (the dimo.attestation cloud-event grant)"_s;
    }
    return u"privilege %1 (%2)"_s.arg(id).arg(displayName(id));
}

QList<int> decodeMask(const QString &hexIn)
{
    QString hex = hexIn.trimmed().toLower();
    if (hex.startsWith(QLatin1String("0x"))) {
        hex = hex.mid(2);
    }
    QList<int> out;
    // Nibble k (from the right) holds privileges 2k (low bit pair) and 2k+1 (high bit pair).
    for (qsizetype k = 0; k < hex.size() && k < 64; ++k) {
        bool ok = false;
        const int nibble = QString(hex.at(hex.size() - 1 - k)).toInt(&ok, 16);
        if (!ok) {
            return {};
        }
        if ((nibble & 0x3) == 0x3 && k > 0) {
            out << static_cast<int>(2 * k);
        }
        if ((nibble & 0xc) == 0xc) {
            out << static_cast<int>(2 * k + 1);
        }
    }
    return normalized(out);
}

QString encodeMask(const QList<int> &ids)
{
    const QList<int> norm = normalized(ids);
    if (norm.isEmpty()) {
        return u"0x0"_s;
    }
    const int nibbles = norm.last() / 2 + 1;
    QString hex;
    for (int k = nibbles - 1; k >= 0; --k) {
        int nibble = 0;
        if (norm.contains(2 * k)) {
            nibble |= 0x3;
        }
        if (norm.contains(2 * k + 1)) {
            nibble |= 0xc;
        }
        hex += QString::number(nibble, 16);
    }
    while (hex.size() > 1 && hex.startsWith(u'0')) {
        hex.remove(0, 1);
    }
    return u"0x"_s + hex;
}

QList<int> normalized(QList<int> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    ids.removeIf([](int id) {
        return id <= 0;
    });
    return ids;
}

QList<int> missing(const QList<int> &granted, const QList<int> &needed)
{
    QList<int> out;
    for (int id : needed) {
        if (!granted.contains(id) && !out.contains(id)) {
            out << id;
        }
    }
    return out;
}

bool covers(const QList<int> &granted, const QList<int> &needed)
{
    return missing(granted, needed).isEmpty();
}

} // namespace dimo::privilege
