// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace mcp::wire {

/// Windows only (usersid_win.cpp): the string SID of the user the process runs as ("S-1-5-21-…"),
/// read from the process token; empty if it cannot be read. Not built on other systems.
QString currentUserSid();

} // namespace mcp::wire
