// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Compiled on Windows only (mcp/http/CMakeLists.txt). Not compiled by the Linux CI: keep it tiny.
// Windows has no mode bits: Qt's NTFS permission lookup maps the file's ACL onto owner, group and
// other permissions, and the file must grant nothing to group or other (e.g. created in the
// user's profile with inherited ACLs removed: `icacls token /inheritance:r /grant:r %USERNAME%:F`).
#include "mcp/http/tokenfile.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

QT_BEGIN_NAMESPACE
extern Q_CORE_EXPORT int qt_ntfs_permission_lookup; // Qt 6.4; QNtfsPermissionCheckGuard from 6.6
QT_END_NAMESPACE

namespace mcp::http::tokenfile {

bool readPrivateFile(const QString &path, QByteArray *bytes, QString *error)
{
    const QFileInfo info(path);
    QString why;
    ++qt_ntfs_permission_lookup;
    const QFile::Permissions permissions = info.permissions();
    // owner() is the account name without its domain (empty without the lookup).
    const bool ownedByMe = info.owner().compare(qEnvironmentVariable("USERNAME"), Qt::CaseInsensitive) == 0;
    --qt_ntfs_permission_lookup;
    const QFile::Permissions foreign = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    if (!info.exists()) {
        why = u"cannot read the token file %1: it does not exist"_s.arg(path);
    } else if (info.isSymLink() || info.isJunction()) {
        why = u"the token file %1 is a link; pass the file itself"_s.arg(path);
    } else if (!info.isFile()) {
        why = u"the token file %1 is not a regular file"_s.arg(path);
    } else if (!ownedByMe || (permissions & foreign) != 0) {
        why = u"the token file %1 is not private: it must belong to you and grant no one else access"_s.arg(path);
    } else if (info.size() > MaxFileBytes) {
        why = u"the token file %1 is larger than %2 bytes; it must hold only the token"_s.arg(path).arg(MaxFileBytes);
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            why = u"cannot read the token file %1: %2"_s.arg(path, file.errorString());
        } else {
            *bytes = file.read(MaxFileBytes);
        }
    }
    if (!why.isEmpty()) {
        *error = why;
    }
    return why.isEmpty();
}

} // namespace mcp::http::tokenfile
