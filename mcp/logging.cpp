// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/logging.h"

Q_LOGGING_CATEGORY(lcMcp, "dimotray.mcp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMcpHttp, "dimotray.mcp.http", QtInfoMsg)
