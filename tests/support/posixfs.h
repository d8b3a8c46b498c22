// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Unix only: folders made with an exact mode, and a path's mode as lstat sees it (the socket
// folder tests plant folders and symlinks and check that nothing chmod-ed them).
#include <QByteArray>
#include <QFile>
#include <QString>

#include <sys/stat.h>
#include <unistd.h>

namespace testsupport {

inline bool makeDir(const QString &path, mode_t mode)
{
    const QByteArray native = QFile::encodeName(path);
    return ::mkdir(native.constData(), 0700) == 0 && ::chmod(native.constData(), mode) == 0;
}

// The permission bits of `path` itself (a symlink is not followed); mode_t(-1) if it is missing.
inline mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };

    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(-1);
}

} // namespace testsupport
