// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/serverinfo.h"

using namespace Qt::StringLiterals;

namespace app {

mcp::ServerInfo serverInfo()
{
    mcp::ServerInfo info;
    info.name = u"dimo-tray"_s;
    info.title = u"DIMO Tray"_s;
    info.version = QStringLiteral(DIMOTRAY_VERSION);
    info.instructions = u"DIMO Tray connects you to your vehicles on the DIMO network. "
                        "Tool errors carry text that says what to do next."_s;
    return info;
}

} // namespace app
