// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// The line transports' logging category ("dimotray.mcp.transport").
Q_DECLARE_LOGGING_CATEGORY(lcTransport)
