// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

/// The HTTP endpoint's bearer token from a file (`--http-token-file`), never from argv: the file
/// must be a regular file (not a symbolic link) that only its owner, the current user, can read
/// or write — mode 0600 or stricter on POSIX, no access for other principals on Windows.
namespace mcp::http::tokenfile {

static constexpr qsizetype MinTokenLength = 16;
static constexpr qsizetype MaxFileBytes = 4096;

/// The token in \a path (surrounding whitespace, e.g. the final newline, removed); empty with
/// \a error set (what is wrong and what to do) when the file is unsafe or holds no usable token.
QByteArray read(const QString &path, QString *error);

/// The platform part: the file's bytes if it is private to the current user (tokenfile_posix.cpp,
/// tokenfile_win.cpp); false with \a error set otherwise.
bool readPrivateFile(const QString &path, QByteArray *bytes, QString *error);

} // namespace mcp::http::tokenfile
