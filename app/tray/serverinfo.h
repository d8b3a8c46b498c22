// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/server.h"

namespace app {

// How dimo-tray introduces itself to MCP clients.
mcp::ServerInfo serverInfo();

} // namespace app
