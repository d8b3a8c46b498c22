// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Unix (Linux, macOS, BSD): the socket directory checks of socketdir.h.
#include "mcp/wire/endpoint.h"
#include "mcp/wire/socketdir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace mcp::wire {

namespace {

using Kind = DirCheck::Kind;

DirCheck refused(const QString &error)
{
    return {Kind::Refused, error};
}

QString octal(mode_t mode)
{
    return u"0"_s + QString::number(mode & 07777, 8);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// What a checked directory must look like.
enum class Rule {
    Private, // exactly 0700 (the default directory)
    NotShared, // no group or other write bit (an explicit socket's directory)
};

// Checks the lstat of an existing entry; empty when it passes.
QString judge(const QString &path, const struct stat &st, Rule rule)
{
    if (S_ISLNK(st.st_mode)) {
        return u"%1 is a symbolic link; the socket directory must be a real directory. Remove the link "
               "(rm %1) and start again"_s.arg(path);
    }
    if (!S_ISDIR(st.st_mode)) {
        return u"%1 is not a directory; remove it and start again"_s.arg(path);
    }
    if (st.st_uid != ::geteuid()) {
        return u"%1 belongs to another user (uid %2, this user is uid %3), who could plant a fake DIMO Tray "
               "there. Remove it as its owner or as root, or choose another --socket"_s.arg(path)
                   .arg(st.st_uid)
                   .arg(::geteuid());
    }
    if (rule == Rule::Private && (st.st_mode & 0777) != 0700) {
        return u"%1 has mode %2; the socket directory must have mode 0700 (chmod 700 %1)"_s.arg(path,
                                                                                                octal(st.st_mode));
    }
    if (rule == Rule::NotShared && (st.st_mode & 0022) != 0) {
        return u"%1 has mode %2: other users can create files in it. Use a directory only you can write to "
               "(chmod go-w %1)"_s.arg(path, octal(st.st_mode));
    }
    return {};
}

// The directory that holds `path` must not let other users rename or replace `path`: owned by us
// or root, and not writable by others unless sticky (/tmp). Group write is tolerated (user-private
// groups). Empty when it passes.
QString judgeParent(const QString &path)
{
    const QString parent = QFileInfo(path).absolutePath();

    struct stat st
    {
    };

    if (::stat(QFile::encodeName(parent).constData(), &st) != 0) {
        return u"cannot inspect %1: %2"_s.arg(parent, errnoText(errno));
    }
    const bool sticky = (st.st_mode & S_ISVTX) != 0;
    if ((st.st_uid != ::geteuid() && st.st_uid != 0) || ((st.st_mode & 0002) != 0 && !sticky)) {
        return u"%1 lies in %2, which another user can change (owner uid %3, mode %4); choose a socket "
               "directory under your home or $XDG_RUNTIME_DIR"_s.arg(path, parent)
                   .arg(st.st_uid)
                   .arg(octal(st.st_mode));
    }
    return {};
}

DirCheck verify(const QString &path, Rule rule)
{
    struct stat st
    {
    };

    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT) {
            return {Kind::Missing, u"%1 does not exist"_s.arg(path)};
        }
        return refused(u"cannot inspect %1: %2"_s.arg(path, errnoText(error)));
    }
    QString error = judge(path, st, rule);
    if (error.isEmpty()) {
        error = judgeParent(path);
    }
    return error.isEmpty() ? DirCheck{} : refused(error);
}

// Tightens our own directory to 0700 through a descriptor opened without following a symlink,
// so that what is changed is what was checked.
DirCheck tighten(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return refused(u"cannot open %1: %2"_s.arg(path, errnoText(errno)));
    }

    struct stat st
    {
    };

    QString error;
    if (::fstat(fd, &st) != 0) {
        error = u"cannot inspect %1: %2"_s.arg(path, errnoText(errno));
    } else if (st.st_uid != ::geteuid() || !S_ISDIR(st.st_mode)) {
        error = judge(path, st, Rule::Private); // changed under us: never chmod it
    } else if ((st.st_mode & 0022) != 0) {
        error = u"%1 has mode %2: other users could create files in it (a fake socket or lock file). "
                "Remove it (rm -r %1); DIMO Tray recreates it with mode 0700"_s.arg(path, octal(st.st_mode));
    } else if ((st.st_mode & 0777) != 0700 && ::fchmod(fd, 0700) != 0) {
        error = u"cannot set mode 0700 on %1: %2"_s.arg(path, errnoText(errno));
    }
    ::close(fd);
    return error.isEmpty() ? DirCheck{} : refused(error);
}

// mkdir -p with mode 0700 for every directory it creates; mkdir never follows a symlink at the
// path it creates.
DirCheck makePath(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    QString sofar;
    const QStringList parts = clean.split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        sofar += u'/' + part;
        if (::mkdir(QFile::encodeName(sofar).constData(), 0700) != 0 && errno != EEXIST) {
            return refused(u"cannot create %1: %2"_s.arg(sofar, errnoText(errno)));
        }
    }
    return {};
}

bool isPrivateRuntimeDir(const QString &dir)
{
    struct stat st
    {
    };

    return QDir::isAbsolutePath(dir) && ::stat(QFile::encodeName(dir).constData(), &st) == 0 && S_ISDIR(st.st_mode)
        && st.st_uid == ::geteuid() && (st.st_mode & 0777) == 0700;
}

DirCheck checkPathLength(const QString &socketName)
{
    const qsizetype bytes = QFile::encodeName(socketName).size();
    const qsizetype limit = qsizetype(sizeof(sockaddr_un::sun_path)) - 1;
    if (bytes > limit) {
        return refused(u"the socket path %1 is %2 bytes long, more than the %3 a Unix socket path may have. "
                       "Set XDG_RUNTIME_DIR or XDG_CACHE_HOME to a shorter private directory, or pass a shorter "
                       "--socket path"_s.arg(socketName)
                           .arg(bytes)
                           .arg(limit));
    }
    return {};
}

DirCheck socketDirCheck(const QString &socketName, bool create)
{
    if (!socketName.startsWith(u'/')) {
        // resolveSocketName() maps bare names into privateSocketDir(); only an empty one is left.
        return refused(u"no private directory for the socket %1: set XDG_RUNTIME_DIR or HOME, or pass "
                       "--socket with an absolute path in a directory only you can write to"_s.arg(socketName));
    }
    DirCheck length = checkPathLength(socketName);
    if (!length.ok()) {
        return length;
    }
    const QString dir = QFileInfo(socketName).absolutePath();
    if (dir == privateSocketDir()) {
        return create ? ensurePrivateDir(dir) : verifyPrivateDir(dir);
    }
    DirCheck parent = verifySocketParent(dir);
    if (parent.kind == Kind::Missing && create) {
        parent = refused(u"%1 does not exist; create it (mkdir -m 700 %1) or choose another --socket"_s.arg(dir));
    }
    return parent;
}

} // namespace

QString privateSocketDir()
{
    // Not QStandardPaths::RuntimeLocation when XDG_RUNTIME_DIR is unset or wrong: Qt then falls
    // back to (and creates) <temp>/runtime-<user>, which another user can create first.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (isPrivateRuntimeDir(runtime)) {
        return QDir::cleanPath(runtime) + u"/app/"_s + appId();
    }
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (cache.isEmpty() || !QDir::isAbsolutePath(cache) || QDir::cleanPath(cache) == u"/"_s) {
        return {};
    }
    return QDir::cleanPath(cache) + u'/' + appId();
}

DirCheck ensurePrivateDir(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    if (!QDir::isAbsolutePath(clean)) {
        return refused(u"the socket directory %1 is not an absolute path"_s.arg(path));
    }
    DirCheck made = makePath(clean);
    if (!made.ok()) {
        return made;
    }
    DirCheck check = verify(clean, Rule::Private);
    if (check.ok() || check.kind == Kind::Missing) {
        return check;
    }

    // Only our own real directory whose mode is merely too open may be tightened.
    struct stat st
    {
    };

    if (::lstat(QFile::encodeName(clean).constData(), &st) != 0 || S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode)
        || st.st_uid != ::geteuid() || (st.st_mode & 0777) == 0700) {
        return check;
    }
    DirCheck tightened = tighten(clean);
    return tightened.ok() ? verify(clean, Rule::Private) : tightened;
}

DirCheck verifyPrivateDir(const QString &path)
{
    return verify(QDir::cleanPath(path), Rule::Private);
}

DirCheck verifySocketParent(const QString &directory)
{
    return verify(QDir::cleanPath(directory), Rule::NotShared);
}

DirCheck prepareSocketDir(const QString &socketName)
{
    return socketDirCheck(socketName, true);
}

DirCheck checkSocketDir(const QString &socketName)
{
    return socketDirCheck(socketName, false);
}

} // namespace mcp::wire
