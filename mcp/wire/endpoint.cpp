// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/endpoint.h"

#include "mcp/wire/socketdir.h"
#include "mcp/wire/usersid.h"

using namespace Qt::StringLiterals;

namespace mcp::wire {

namespace {

// `name` inside the per-user directory; the bare name if there is none (then the tray and the
// shim refuse it with an explanation: mcp/wire/socketdir.h).
[[maybe_unused]] QString inPrivateDir(const QString &name)
{
    const QString dir = privateSocketDir();
    return dir.isEmpty() ? name : dir + u'/' + name;
}

} // namespace

QString appId()
{
    return u"dimo-tray"_s;
}

QString defaultSocketName()
{
#if defined(Q_OS_WIN)
    return windowsPipeName(currentUserSid());
#else
    return inPrivateDir(u"mcp.sock"_s);
#endif
}

QString windowsPipeName(const QString &sid)
{
    // A SID is "S-" followed by digits and dashes; anything else (which the token never gives)
    // is dropped rather than passed into a pipe name.
    QString key;
    for (const QChar c : sid) {
        if (c.isDigit() || c == u'-' || c == u'S') {
            key.append(c);
        }
    }
    return appId() + u"-mcp-"_s + (key.isEmpty() ? u"unknown-user"_s : key);
}

QString resolveSocketName(const QString &override)
{
    QString name = override.isEmpty() ? qEnvironmentVariable(SocketEnvVar) : override;
    if (name.isEmpty()) {
        return defaultSocketName();
    }
#if defined(Q_OS_WIN)
    return name;
#else
    // QLocalServer puts a name that is not an absolute path into the temp directory.
    return name.startsWith(u'/') ? name : inPrivateDir(name);
#endif
}

} // namespace mcp::wire
