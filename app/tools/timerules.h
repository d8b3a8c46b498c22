// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QDateTime>
#include <QJsonObject>

namespace app::tools {

struct TimeRange
{
    QDateTime from;
    QDateTime to;
    QString fromText() const; // RFC 3339, UTC, as DIMO expects
    QString toText() const;
};

// RFC 3339 times (e.g. "2026-11-30T00:00:00Z"; a bare date "2026-11-30" means its midnight UTC),
// from < to, at most `maxDays` apart. Errors state the rule. The default is DIMO Tray's own guard for signals and
// events (telemetry-api sets no range limit there, only its 30 s query timeout); `dimoSegmentRange` is
// telemetry-api's rule for segments and dailyActivity (repositories/segments.go: 32 days + 1 s).
enum class RangeRule { TrayGuard31Days, DimoSegments32Days, Unlimited };
dimo::Result<TimeRange>
parseTimeRange(const QString &from, const QString &to, RangeRule rule = RangeRule::TrayGuard31Days);

// A Go duration as DIMO's `interval` takes it ("5m", "1h", "24h", "1h30m"). Units ms, s, m, h;
// "1d" or "2w" are refused with the hours to use instead.
dimo::Result<QString> validateInterval(const QString &interval);

// How old data is: {lastSeen, ageSeconds, age: "3 min", stale, note}. Stale = older than an hour;
// the note then says so plainly ("last seen 26 h ago — this is not the vehicle's current state").
QJsonObject freshness(const QDateTime &lastSeen, const QDateTime &now);

// "45 s", "12 min", "3 h", "4 days".
QString humanAge(qint64 seconds);

} // namespace app::tools
