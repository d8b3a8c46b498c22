// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Windows: the tray listens on a named pipe (windowsPipeName(<SID>)), which has no directory to
// check; who may open it is settled by the pipe's DACL (QLocalServer::UserAccessOption) and the
// peer's SID (peercred_win.cpp). Compiled on Windows only (mcp/wire/CMakeLists.txt).
#include "mcp/wire/socketdir.h"

namespace mcp::wire {

QString privateSocketDir()
{
    return {};
}

DirCheck ensurePrivateDir(const QString &)
{
    return {};
}

DirCheck verifyPrivateDir(const QString &)
{
    return {};
}

DirCheck verifySocketParent(const QString &)
{
    return {};
}

DirCheck prepareSocketDir(const QString &)
{
    return {};
}

DirCheck checkSocketDir(const QString &)
{
    return {};
}

} // namespace mcp::wire
