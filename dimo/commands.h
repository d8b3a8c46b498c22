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
// Whether DIMO may have queued a command that failed: no answer, a 5xx, or a 2xx that is not a
// receipt. Only a refusal DIMO explains (4xx) means it was not executed.
bool outcomeUnknown(const Error &e);
// Whether DIMO's command service refused DIMO's own vehicle credentials (a 401 on the command
// request itself): on DIMO's side, the same for every command until DIMO fixes it.
bool refusedOnDimoSide(const Error &e);
// The words CommandJob uses for that refusal (refusedOnDimoSide() looks for them).
inline constexpr QStringView DimoSideRefusal = u"this is on DIMO's side";
} // namespace commands

} // namespace dimo
