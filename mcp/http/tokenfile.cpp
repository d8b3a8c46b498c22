// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/tokenfile.h"

using namespace Qt::StringLiterals;

namespace mcp::http::tokenfile {

QByteArray read(const QString &path, QString *error)
{
    QString why;
    QByteArray bytes;
    if (path.isEmpty()) {
        why = u"--http-token-file needs a path"_s;
    } else if (readPrivateFile(path, &bytes, &why)) {
        bytes = bytes.trimmed();
        bool visible = true;
        for (const char c : std::as_const(bytes)) {
            visible = visible && c > 0x20 && c < 0x7F;
        }
        if (!visible) {
            why = u"%1 must hold the token on one line, in printable ASCII without spaces"_s.arg(path);
        } else if (bytes.size() < MinTokenLength) {
            why = u"the token in %1 is shorter than %2 characters; use a random one, e.g. "
                  "`umask 077; openssl rand -hex 32 > %1`"_s.arg(path)
                      .arg(MinTokenLength);
        } else {
            return bytes;
        }
    }
    if (error) {
        *error = why;
    }
    return {};
}

} // namespace mcp::http::tokenfile
