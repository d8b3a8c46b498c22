// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/backend.h"
#include "app/tools/toolkit.h"

namespace app::tools {

QList<ToolSpec> telemetryTools(Backend &)
{
    return {};
}

} // namespace app::tools
