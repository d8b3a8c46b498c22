// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QString>

namespace dimo {

// Vehicle commands of devices-api (dimo-api README §6). Commands are never retried automatically.
enum class Command { LockDoors, UnlockDoors, StartCharging, StopCharging, OpenTrunk, OpenFrunk };

namespace Commands {
QString path(Command c, qint64 tokenId); // "/v1/vehicle/24567/commands/doors/lock"
QString name(Command c); // "doors/lock"
Result<Command> fromString(const QString &name); // "doors/lock", "lock", "charge/start", ...
} // namespace Commands

} // namespace dimo
