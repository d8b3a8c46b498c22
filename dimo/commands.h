// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QJsonObject>
#include <QString>

namespace dimo {

// Vehicle commands (dimo-api README §6.1): sent to tesla-oracle `POST /v1/commands/{tokenId}` with
// {"command": "doors/lock"}; the legacy devices-api route only where an environment names
// `devices` and not `teslaOracle`. Commands are never retried automatically.
enum class Command { LockDoors, UnlockDoors, StartCharging, StopCharging, OpenTrunk, OpenFrunk };

// DIMO's acknowledgment: the command was queued ("accepted"), not executed.
struct CommandReceipt
{
    QString commandId; // tesla-oracle's job id (legacy devices-api: its requestId)
    QString status; // "pending" (tesla-oracle); empty for the legacy route
    QString message;

    static CommandReceipt fromJson(const QJsonObject &answer);
};

namespace commands {
QString name(Command c); // "doors/lock"
QString legacyPath(Command c, qint64 tokenId); // devices-api: "/v1/vehicle/24567/commands/doors/lock"
Result<Command> fromString(const QString &name); // "doors/lock", "lock", "charge/start", ...
} // namespace commands

} // namespace dimo
