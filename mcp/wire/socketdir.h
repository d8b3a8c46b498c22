// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

// Where the tray's Unix socket may live, and the checks both ends make before they trust it.
// QtCore only; the checks are in socketdir_posix.cpp (socketdir_win.cpp: pipe names have no
// directory, so everything there is Ok).
//
// Only a directory no other user can change is trusted: another user who can create entries in
// it could plant a socket (a fake tray), a lock file (the tray believes it is already running) or
// a symlink (the tray would chmod a directory of theirs). The temp directory is never used.
namespace mcp::wire {

struct DirCheck
{
    enum class Kind {
        Ok,
        Missing, // the directory does not exist (yet): for the shim, the tray is not running
        Refused, // unsafe or unusable; error says what is wrong and what to do
    };
    Kind kind = Kind::Ok;
    QString error;

    bool ok() const { return kind == Kind::Ok; }
};

// The per-user directory for the default socket (not created here): $XDG_RUNTIME_DIR/app/<app-id>
// when $XDG_RUNTIME_DIR is an absolute directory owned by this user with mode 0700 (Linux, BSD),
// else <GenericCacheLocation>/<app-id> (~/.cache/dimo-tray, ~/Library/Caches/dimo-tray). Empty
// when there is none (no home directory) or on Windows.
QString privateSocketDir();

// Creates `path` (and missing parents) with mode 0700, without following a symlink at `path`,
// then checks it with lstat: a directory, not a symlink, owned by this user, mode 0700. A
// directory of ours that only its owner can write to (e.g. 0755) is tightened to 0700 on an
// open(O_NOFOLLOW) descriptor; one that others could write to (e.g. 0777) is refused, since
// they may have planted entries. Another user's directory is never touched.
DirCheck ensurePrivateDir(const QString &path);

// The same checks without creating or changing anything (mcp-dimo): exactly mode 0700.
DirCheck verifyPrivateDir(const QString &path);

// The directory of an explicitly named socket (--socket, $DIMOTRAY_MCP_SOCKET): it must exist,
// not be a symlink, be owned by this user and not be writable by group or others. Nothing is
// created or changed.
DirCheck verifySocketParent(const QString &directory);

// The tray, before it touches the lock file, probes or listens: the default directory is
// created (ensurePrivateDir), an explicit socket's directory is verified (verifySocketParent);
// the socket path must also fit into sockaddr_un. Windows: always Ok.
DirCheck prepareSocketDir(const QString &socketName);

// The shim, before it connects: the same checks as prepareSocketDir without creating or
// changing anything (Missing when the directory does not exist). Windows: always Ok.
DirCheck checkSocketDir(const QString &socketName);

} // namespace mcp::wire
