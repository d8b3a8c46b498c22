// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace shim {

// Starts `dimo-tray --background` detached, with stdin/stdout/stderr on the null device (the
// shim's stdout belongs to the MCP client). The binary is $DIMOTRAY_TRAY_PATH if set, else the
// one beside the shim, else the first on PATH. $DIMOTRAY_TRAY_LOG, if set, receives its stderr.
// Returns false if there is nothing to start or the start failed. The tray gets the shim's
// environment without policyVariables(): the first AI client to start the tray must not set the
// policy for every client (DIMOTRAY_MCP_SOCKET, DIMO_* and test hooks pass through).
bool launchTray(const QString &socketOverride);

// DIMOTRAY_APPROVAL, DIMOTRAY_TOOLSET, DIMOTRAY_HTTP_TOKEN.
QStringList policyVariables();
QProcessEnvironment trayEnvironment(const QProcessEnvironment &shimEnvironment);

} // namespace shim
