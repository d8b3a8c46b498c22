// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace app::tools {

enum class SignalKind { Float, String, Location };

// One Telemetry signal (a field of SignalCollection / SignalAggregations).
struct SignalInfo
{
    QString name;
    SignalKind kind;
    QString unit;
    int privilege; // 1 non-location, 4 all-time location, 8 approximate location
};

// The signals DIMO's Telemetry API serves (telemetry-api v0.4.16), for checking names before
// anything is sent and for suggestions.
namespace signalcatalog {
const QList<SignalInfo> &all();
const SignalInfo *find(const QString &name);
QStringList names();
// Checks every name; the error names the unknown ones with suggestions.
dimo::Result<QList<SignalInfo>> resolve(const QStringList &names);
// The aggregations a signal takes (FloatAggregation, StringAggregation, LocationAggregation).
QStringList aggregations(SignalKind kind);
// The privileges a set of signals needs (sorted, unique).
QList<int> privileges(const QList<SignalInfo> &signalList);
} // namespace signalcatalog

} // namespace app::tools
