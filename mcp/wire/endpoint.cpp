// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/endpoint.h"

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
    // Named pipes live in one global namespace: suffix the user so two accounts never meet.
    QString user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty()) {
        user = u"user"_s;
    }
    return appId() + u"-mcp-"_s + user;
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
