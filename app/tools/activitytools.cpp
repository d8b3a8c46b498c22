// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// DIMO's hosted activity tools: telemetry_get_events, telemetry_get_trip_segments,
// telemetry_get_daily_activity (ranges of at most 31 days, checked before anything is sent).
#include "app/tools/backend.h"
#include "app/tools/signalcatalog.h"
#include "app/tools/telemetrycall.h"
#include "app/tools/timerules.h"
#include "app/tools/toolkit.h"
#include "app/tools/views.h"
#include "mcp/schema.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

const QStringList &mechanisms()
{
    static const QStringList list{u"ignitionDetection"_s,
                                  u"frequencyAnalysis"_s,
                                  u"changePointDetection"_s,
                                  u"idling"_s,
                                  u"refuel"_s,
                                  u"recharge"_s};
    return list;
}

struct ActivityArguments
{
    TimeRange range;
    QJsonObject variables;
};

// from/to (≤ 31 days) and, for segments and daily activity, mechanism, config, signal and
// event requests.
dimo::Result<ActivityArguments> activityArguments(const QJsonObject &arguments, bool segments, RangeRule rule)
{
    const auto range = parseTimeRange(arguments.value(u"from"_s).toString(), arguments.value(u"to"_s).toString(), rule);
    if (!range) {
        return range.error();
    }
    ActivityArguments out{range.value(), {{u"from"_s, range.value().fromText()}, {u"to"_s, range.value().toText()}}};
    if (!segments) {
        return out;
    }
    const QString mechanism = arguments.value(u"mechanism"_s).toString();
    if (!mechanisms().contains(mechanism)) {
        return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                 u"unknown mechanism \"%1\""_s.arg(mechanism),
                                 u"Use one of %1 (ignitionDetection for trips)."_s.arg(mechanisms().join(u", "_s)));
    }
    out.variables.insert(u"mechanism"_s, mechanism);
    for (const QString &key : {u"config"_s, u"eventRequests"_s}) {
        if (arguments.contains(key)) {
            out.variables.insert(key, arguments.value(key));
        }
    }
    if (arguments.contains(u"signalRequests"_s)) {
        const QJsonArray requests = arguments.value(u"signalRequests"_s).toArray();
        QStringList names;
        for (const QJsonValue &r : requests) {
            names << r.toObject().value(u"name"_s).toString();
        }
        if (const auto resolved = signalcatalog::resolve(names); !resolved) {
            return resolved.error();
        }
        out.variables.insert(u"signalRequests"_s, requests);
    }
    return out;
}

schema::Properties rangeProperties()
{
    return {{u"from"_s, schema::string({})}, {u"to"_s, schema::string({})}};
}

schema::Properties segmentProperties()
{
    schema::Properties props = rangeProperties();
    props << QPair<QString, QJsonObject>{u"mechanism"_s, schema::enumeration({}, mechanisms())}
          << QPair<QString, QJsonObject>{u"config"_s, QJsonObject{{u"type"_s, u"object"_s}}}
          << QPair<QString, QJsonObject>{u"signalRequests"_s,
                                         QJsonObject{{u"type"_s, u"array"_s}, {u"description"_s, u"[{name, agg}]"_s}}}
          << QPair<QString, QJsonObject>{u"eventRequests"_s, QJsonObject{{u"type"_s, u"array"_s}}};
    return props;
}

// DIMO's dailyActivity rows (only days with activity) name no day: each gets `date`, the day its
// first segment started in the requested zone (UTC by default), or null without a start.
QJsonArray datedDays(const QJsonValue &rows, const QTimeZone &zone)
{
    QJsonArray out;
    for (const QJsonValue &row : rows.toArray()) {
        QJsonObject day = row.toObject();
        const QDateTime start =
            QDateTime::fromString(day.value(u"start"_s)[u"timestamp"_s].toString(), Qt::ISODateWithMs);
        day.insert(u"date"_s,
                   start.isValid() ? QJsonValue(start.toTimeZone(zone).date().toString(Qt::ISODate)) : QJsonValue());
        out.append(day);
    }
    return out;
}

} // namespace

QList<ToolSpec> activityTools(Backend &backend)
{
    QList<ToolSpec> tools;
    schema::Properties eventProps = rangeProperties();
    eventProps << QPair<QString, QJsonObject>{
        u"filter"_s, QJsonObject{{u"type"_s, u"object"_s}, {u"description"_s, u"EventFilter"_s}}};
    tools << telemetryTool(u"telemetry_get_events"_s,
                           u"Vehicle events"_s,
                           u"Events (e.g. behavior.harshBraking), at most 31 days."_s,
                           eventProps,
                           {u"from"_s, u"to"_s},
                           backend,
                           [](const QJsonObject &arguments) -> dimo::Result<TelemetryCall> {
                               const auto a = activityArguments(arguments, false, RangeRule::TrayGuard31Days);
                               if (!a) {
                                   return a.error();
                               }
                               return TelemetryCall{0,
                                                    dimo::graphql::shipped(u"telemetry"_s, u"Events"_s),
                                                    a.value().variables,
                                                    {1},
                                                    [](const QJsonObject &data) {
                                                        return QJsonObject{{u"events"_s, data.value(u"events"_s)}};
                                                    }};
                           });
    schema::Properties segmentProps = segmentProperties();
    segmentProps << QPair<QString, QJsonObject>{u"limit"_s, schema::integer({}, 1, 200)}
                 << QPair<QString, QJsonObject>{u"after"_s, schema::string(u"start of the last segment seen"_s)};
    tools << telemetryTool(u"telemetry_get_trip_segments"_s,
                           u"Trip segments"_s,
                           u"Trip, idling, refuel or recharge segments (start, end, duration), at most 32 days."_s,
                           segmentProps,
                           {u"from"_s, u"to"_s, u"mechanism"_s},
                           backend,
                           [](const QJsonObject &arguments) -> dimo::Result<TelemetryCall> {
                               const auto a = activityArguments(arguments, true, RangeRule::DimoSegments32Days);
                               if (!a) {
                                   return a.error();
                               }
                               QJsonObject variables = a.value().variables;
                               variables.insert(u"limit"_s, arguments.value(u"limit"_s).toInt(100));
                               if (arguments.contains(u"after"_s)) {
                                   variables.insert(u"after"_s, arguments.value(u"after"_s));
                               }
                               return TelemetryCall{0,
                                                    dimo::graphql::shipped(u"telemetry"_s, u"TripSegments"_s),
                                                    variables,
                                                    {1, 4},
                                                    [](const QJsonObject &data) {
                                                        return QJsonObject{{u"segments"_s, data.value(u"segments"_s)}};
                                                    }};
                           });
    tools.last().tool.extensionMeta.insert(QString::fromUtf16(views::ExtensionId),
                                           views::toolMeta(QString::fromUtf16(views::TripMapUri)));
    schema::Properties dailyProps = segmentProperties();
    dailyProps << QPair<QString, QJsonObject>{u"timezone"_s, schema::string(u"IANA, e.g. Europe/Berlin"_s)};
    tools << telemetryTool(
        u"telemetry_get_daily_activity"_s,
        u"Daily activity"_s,
        u"Per-day summaries of segments, at most 32 days."_s,
        dailyProps,
        {u"from"_s, u"to"_s, u"mechanism"_s},
        backend,
        [](const QJsonObject &arguments) -> dimo::Result<TelemetryCall> {
            const auto a = activityArguments(arguments, true, RangeRule::Unlimited); // calendar days below
            if (!a) {
                return a.error();
            }
            QJsonObject variables = a.value().variables;
            const QString mechanism = variables.value(u"mechanism"_s).toString();
            if (mechanism == u"idling"_s || mechanism == u"refuel"_s || mechanism == u"recharge"_s) {
                // telemetry-api segments.go GetDailyActivity l.503-505
                return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                         u"daily activity does not take mechanism %1"_s.arg(mechanism),
                                         u"Use ignitionDetection, frequencyAnalysis or changePointDetection, or "
                                         "telemetry_get_trip_segments for %1 segments."_s.arg(mechanism));
            }
            QTimeZone dayZone = QTimeZone::utc();
            if (arguments.contains(u"timezone"_s)) {
                const QByteArray zone = arguments.value(u"timezone"_s).toString().toUtf8();
                if (!QTimeZone::isTimeZoneIdAvailable(zone)) {
                    return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                             u"unknown time zone \"%1\""_s.arg(QString::fromUtf8(zone)),
                                             u"Use an IANA name such as America/New_York or UTC."_s);
                }
                variables.insert(u"timezone"_s, QString::fromUtf8(zone));
                dayZone = QTimeZone(zone);
            }
            const QDate fromDay = a.value().range.from.toTimeZone(dayZone).date();
            const QDate toDay = a.value().range.to.toTimeZone(dayZone).date();
            if (fromDay.daysTo(toDay) > 32) { // segments.go l.516-526: the calendar days in the zone, 32 days + 1 s
                return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                         u"the days %1 .. %2 are more than 32 days apart"_s.arg(
                                             fromDay.toString(Qt::ISODate), toDay.toString(Qt::ISODate)),
                                         u"DIMO refuses longer daily-activity ranges (\"date range exceeds maximum of "
                                         "32 days\"): split the range and call once per part."_s);
            }
            if (toDay > QDateTime::currentDateTimeUtc().toTimeZone(dayZone).date()) { // segments.go l.521-523
                return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                         u"`to` (%1) is a day in the future"_s.arg(a.value().range.toText()),
                                         u"DIMO refuses daily activity up to a future day (\"to date cannot be in the "
                                         "future\"): end the range today or earlier."_s);
            }
            return TelemetryCall{
                0,
                dimo::graphql::shipped(u"telemetry"_s, u"DailyActivity"_s),
                variables,
                {1, 4},
                [dayZone](const QJsonObject &data) {
                    return QJsonObject{{u"days"_s, datedDays(data.value(u"dailyActivity"_s), dayZone)}};
                }};
        });
    tools.last().tool.extensionMeta.insert(QString::fromUtf16(views::ExtensionId),
                                           views::toolMeta(QString::fromUtf16(views::TimeSeriesUri)));
    return tools;
}

} // namespace app::tools
