// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/tokenfile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace mcp::http::tokenfile {

namespace {

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

} // namespace

bool readPrivateFile(const QString &path, QByteArray *bytes, QString *error)
{
    const QByteArray native = path.toLocal8Bit();
    struct stat link = {};
    if (::lstat(native.constData(), &link) != 0) {
        return fail(error, u"cannot read the token file %1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(errno))));
    }
    if (S_ISLNK(link.st_mode)) {
        return fail(error, u"the token file %1 is a symbolic link; pass the file itself"_s.arg(path));
    }
    // O_NOFOLLOW and fstat on the opened file: the checks hold for what is read, not for a file
    // swapped in between.
    const int fd = ::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return fail(error, u"cannot open the token file %1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(errno))));
    }
    struct stat st = {};
    QString why;
    if (::fstat(fd, &st) != 0 || st.st_dev != link.st_dev || st.st_ino != link.st_ino) {
        why = u"the token file %1 changed while it was opened; try again"_s.arg(path);
    } else if (!S_ISREG(st.st_mode)) {
        why = u"the token file %1 is not a regular file"_s.arg(path);
    } else if (st.st_uid != ::geteuid()) {
        why = u"the token file %1 belongs to another user; use a file you own (mode 0600)"_s.arg(path);
    } else if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        why =
            u"the token file %1 has mode %2, so other users can read or change it; run `chmod 600 %1`"_s.arg(path).arg(
                st.st_mode & 07777, 4, 8, QChar(u'0'));
    } else if (st.st_size > MaxFileBytes) {
        why = u"the token file %1 is larger than %2 bytes; it must hold only the token"_s.arg(path).arg(MaxFileBytes);
    }
    if (why.isEmpty()) {
        QByteArray buffer(MaxFileBytes + 1, Qt::Uninitialized);
        qsizetype total = 0;
        while (total < buffer.size()) {
            const ssize_t n = ::read(fd, buffer.data() + total, size_t(buffer.size() - total));
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                if (n < 0) {
                    why = u"cannot read the token file %1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(errno)));
                }
                break;
            }
            total += n;
        }
        buffer.truncate(total);
        if (why.isEmpty() && total > MaxFileBytes) {
            why =
                u"the token file %1 is larger than %2 bytes; it must hold only the token"_s.arg(path).arg(MaxFileBytes);
        }
        *bytes = buffer;
    }
    ::close(fd);
    return why.isEmpty() || fail(error, why);
}

} // namespace mcp::http::tokenfile
