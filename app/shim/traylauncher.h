// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace shim {

// Starts `dimo-tray --background` detached, with stdin/stdout/stderr on the null device (the
// shim's stdout belongs to the MCP client). The binary is $DIMOTRAY_TRAY_PATH if set, else the
// one beside the shim, else the first on PATH. $DIMOTRAY_TRAY_LOG, if set, receives its stderr.
// Returns false if there is nothing to start or the start failed.
bool launchTray(const QString &socketOverride);

} // namespace shim
