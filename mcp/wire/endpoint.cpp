// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/endpoint.h"

#include "mcp/wire/usersid.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace mcp::wire {

QString appId()
{
    return u"dimo-tray"_s;
}

QString defaultSocketName()
{
#if defined(Q_OS_WIN)
    return windowsPipeName(currentUserSid());
#else
    QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty()) {
        runtime = QDir::tempPath();
    }
    const QString dir = runtime + u"/app/"_s + appId();
    if (QDir().mkpath(dir)) {
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    return dir + u"/mcp.sock"_s;
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
    if (!override.isEmpty()) {
        return override;
    }
    QString env = qEnvironmentVariable(SocketEnvVar);
    if (!env.isEmpty()) {
        return env;
    }
    return defaultSocketName();
}

} // namespace mcp::wire
