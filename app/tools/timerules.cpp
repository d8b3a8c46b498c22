// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/timerules.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace app::tools {

namespace {

dimo::Error invalid(const QString &message, const QString &hint = {})
{
    return dimo::Error::make(dimo::Error::Kind::InvalidInput, message, hint);
}

QDateTime parseTime(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (d.isValid() && t.size() == 10) {
            dt = QDateTime(d, QTime(0, 0), Qt::UTC);
        }
    }
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime && !t.endsWith(u'Z')) {
        dt.setTimeSpec(Qt::UTC); // no offset given: UTC, never the machine's zone
    }
    return dt.toUTC();
}

} // namespace

QString TimeRange::fromText() const
{
    return from.toUTC().toString(Qt::ISODate);
}

QString TimeRange::toText() const
{
    return to.toUTC().toString(Qt::ISODate);
}

dimo::Result<TimeRange> parseTimeRange(const QString &from, const QString &to, RangeRule limit)
{
    const QString rule = u"Use RFC 3339 times such as 2026-11-30T00:00:00Z."_s;
    TimeRange range{parseTime(from), parseTime(to)};
    if (!range.from.isValid()) {
        return invalid(u"`from` (\"%1\") is not a valid time"_s.arg(from), rule);
    }
    if (!range.to.isValid()) {
        return invalid(u"`to` (\"%1\") is not a valid time"_s.arg(to), rule);
    }
    if (range.from >= range.to) {
        return invalid(u"`from` (%1) must be before `to` (%2)"_s.arg(range.fromText(), range.toText()));
    }
    const qint64 span = range.from.secsTo(range.to);
    if (limit == RangeRule::DimoSegments32Days && span > 32 * 86400 + 1) {
        return invalid(u"the range %1 .. %2 is longer than 32 days"_s.arg(range.fromText(), range.toText()),
                       u"DIMO refuses longer segment and daily-activity ranges (\"date range exceeds maximum of "
                       "32 days\"): split the range and call once per part."_s);
    }
    if (limit == RangeRule::TrayGuard31Days && span > 31 * 86400) {
        return invalid(u"the range %1 .. %2 is longer than 31 days"_s.arg(range.fromText(), range.toText()),
                       u"DIMO Tray asks for at most 31 days per call (DIMO stops a query after 30 s): split the "
                       "range and call once per part."_s);
    }
    return range;
}

dimo::Result<QString> validateInterval(const QString &input)
{
    const QString interval = input.trimmed();
    static const QRegularExpression days(u"^(\\d+)\\s*(d|day|days|w|week|weeks)$"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    if (const auto m = days.match(interval); m.hasMatch()) {
        const bool weeks = m.captured(2).startsWith(u'w', Qt::CaseInsensitive);
        const qint64 hours = m.captured(1).toLongLong() * (weeks ? 168 : 24);
        return invalid(u"interval \"%1\" uses a unit DIMO does not take (no days or weeks)"_s.arg(interval),
                       u"Use hours: \"%1h\"."_s.arg(hours));
    }
    static const QRegularExpression duration(u"^(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+$"_s);
    if (!duration.match(interval).hasMatch()) {
        return invalid(u"interval \"%1\" is not a duration"_s.arg(interval),
                       u"Use a number with a unit: \"5m\", \"1h\" or \"24h\" (units ms, s, m, h)."_s);
    }
    static const QRegularExpression nonZero(u"[1-9]"_s);
    if (!nonZero.match(interval).hasMatch()) {
        return invalid(u"interval \"%1\" is zero"_s.arg(interval), u"Use a positive duration such as \"1h\"."_s);
    }
    return interval;
}

QString humanAge(qint64 seconds)
{
    if (seconds < 90) {
        return u"%1 s"_s.arg(seconds);
    }
    if (seconds < 90 * 60) {
        return u"%1 min"_s.arg((seconds + 30) / 60);
    }
    if (seconds < 48 * 3600) {
        return u"%1 h"_s.arg((seconds + 1800) / 3600);
    }
    return u"%1 days"_s.arg((seconds + 43200) / 86400);
}

QJsonObject freshness(const QDateTime &lastSeen, const QDateTime &now)
{
    if (!lastSeen.isValid()) {
        return {{u"lastSeen"_s, QJsonValue::Null},
                {u"stale"_s, true},
                {u"note"_s, u"DIMO has no data from this vehicle yet."_s}};
    }
    const qint64 age = std::max<qint64>(0, lastSeen.secsTo(now));
    const bool stale = age > 3600;
    QJsonObject out{{u"lastSeen"_s, lastSeen.toUTC().toString(Qt::ISODate)},
                    {u"ageSeconds"_s, age},
                    {u"age"_s, humanAge(age)},
                    {u"stale"_s, stale}};
    if (stale) {
        out.insert(u"note"_s,
                   u"Last seen %1 ago: these values are NOT the vehicle's current state; say how old they are."_s.arg(
                       humanAge(age)));
    }
    return out;
}

} // namespace app::tools
