// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// The logging categories of dimo-tray's composition root (app/tray, app/tools).
Q_DECLARE_LOGGING_CATEGORY(lcApp) // "dimotray.app": lifecycle of the tray app
Q_DECLARE_LOGGING_CATEGORY(lcHost) // "dimotray.app.host": the MCP host (socket, HTTP, sessions)
Q_DECLARE_LOGGING_CATEGORY(lcTools) // "dimotray.app.tools": the DIMO tools, demo mode
Q_DECLARE_LOGGING_CATEGORY(lcKeychain) // "dimotray.app.keychain": token storage (never the tokens)
