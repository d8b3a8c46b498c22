// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/attestation.h"

#include "dimo/core/privileges.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

Error invalid(const QString &what)
{
    return Error::make(
        Error::Kind::InvalidInput, what, u"Use RFC 3339 times with an offset, e.g. 2025-03-01T12:00:00Z."_s);
}

} // namespace

Result<QDateTime> parseRfc3339(const QString &text, const QString &fieldName)
{
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!re.match(text.trimmed()).hasMatch()) {
        return invalid(u"%1 must be an RFC 3339 date-time with a time zone (e.g. 2025-03-01T12:00:00Z); you gave "
                       "\"%2\""_s.arg(fieldName, text));
    }
    QString t = text.trimmed().toUpper().replace(u' ', u'T');
    // Qt parses at most milliseconds: trim longer fractions.
    static const QRegularExpression frac(QStringLiteral("\\.(\\d{3})\\d+"));
    t.replace(frac, QStringLiteral(".\\1"));
    const QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        return invalid(u"%1 is not a valid date-time: \"%2\""_s.arg(fieldName, text));
    }
    return dt.toUTC();
}

QString AttestationRequest::path() const
{
    const QString id = QString::number(tokenId);
    switch (kind) {
    case Kind::Vin:
        return u"/v2/attestation/vin/"_s + id;
    case Kind::Odometer:
        return u"/v2/attestation/odometer-statement/"_s + id;
    case Kind::VehicleHealth:
        return u"/v2/attestation/vehicle-health/"_s + id;
    case Kind::VehiclePosition:
        return u"/v2/attestation/vehicle-position/"_s + id;
    }
    return {};
}

QList<int> AttestationRequest::privileges() const
{
    switch (kind) {
    case Kind::Vin:
        return {privilege::VinCredential};
    case Kind::Odometer:
        return {privilege::NonLocationHistory};
    case Kind::VehicleHealth:
        return {privilege::NonLocationHistory, privilege::AllTimeLocation};
    case Kind::VehiclePosition:
        return {privilege::AllTimeLocation};
    }
    return {};
}

Result<QByteArray> AttestationRequest::body() const
{
    if (tokenId <= 0) {
        return Error::make(Error::Kind::InvalidInput, u"the vehicle token id must be a positive integer"_s);
    }
    QJsonObject o;
    switch (kind) {
    case Kind::Vin:
        return QByteArray();
    case Kind::Odometer:
        if (timestamp.isEmpty()) {
            return QByteArray("{}");
        }
        [[fallthrough]];
    case Kind::VehiclePosition: {
        if (timestamp.isEmpty()) {
            return invalid(u"a vehicle-position attestation needs a timestamp"_s);
        }
        const auto ts = parseRfc3339(timestamp, u"timestamp"_s);
        if (!ts) {
            return ts.error();
        }
        o.insert(u"timestamp"_s, ts.value().toString(Qt::ISODate));
        break;
    }
    case Kind::VehicleHealth: {
        const auto start = parseRfc3339(startTime, u"startTime"_s);
        if (!start) {
            return start.error();
        }
        const auto end = parseRfc3339(endTime, u"endTime"_s);
        if (!end) {
            return end.error();
        }
        if (start.value() > end.value()) {
            return invalid(u"startTime must not be after endTime"_s);
        }
        if (start.value().secsTo(end.value()) > 30LL * 24 * 3600) {
            return invalid(u"the time range cannot exceed 30 days (it spans %1 days)"_s.arg(
                QString::number(start.value().secsTo(end.value()) / 86400.0, 'f', 1)));
        }
        o.insert(u"startTime"_s, start.value().toString(Qt::ISODate));
        o.insert(u"endTime"_s, end.value().toString(Qt::ISODate));
        break;
    }
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<AttestationRequest::Kind> AttestationRequest::kindFromString(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("vin")) {
        return Kind::Vin;
    }
    if (n == QLatin1String("odometer") || n == QLatin1String("odometer-statement")) {
        return Kind::Odometer;
    }
    if (n == QLatin1String("vehicle-health") || n == QLatin1String("health")) {
        return Kind::VehicleHealth;
    }
    if (n == QLatin1String("vehicle-position") || n == QLatin1String("position")) {
        return Kind::VehiclePosition;
    }
    return Error::make(
        Error::Kind::InvalidInput,
        u"unknown attestation \"%1\"; use vin, odometer, vehicle-health or vehicle-position"_s.arg(name));
}

} // namespace dimo
