// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/clients/platform.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace app {

Os currentOs()
{
#if defined(Q_OS_WIN)
    return Os::Windows;
#elif defined(Q_OS_DARWIN)
    return Os::MacOs;
#else
    return Os::Linux;
#endif
}

PlatformDirs PlatformDirs::current()
{
    PlatformDirs dirs;
    dirs.home = QDir::homePath();
    dirs.xdgConfigHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    dirs.appData = qEnvironmentVariable("APPDATA");
    dirs.localAppData = qEnvironmentVariable("LOCALAPPDATA");
    return dirs;
}

QString PlatformDirs::configHome() const
{
    // The XDG base directory spec: a relative $XDG_CONFIG_HOME is invalid and must be ignored.
    if (!xdgConfigHome.isEmpty() && QDir::isAbsolutePath(xdgConfigHome)) {
        return xdgConfigHome;
    }
    return home + u"/.config"_s;
}

QString PlatformDirs::roamingAppData() const
{
    if (!appData.isEmpty()) {
        return appData;
    }
    return home + u"\\AppData\\Roaming"_s;
}

QString PlatformDirs::localAppDataDir() const
{
    if (!localAppData.isEmpty()) {
        return localAppData;
    }
    return home + u"\\AppData\\Local"_s;
}

QString shimPathIn(const QString &dir, Os os)
{
    if (os == Os::Windows) {
        // Pure: QDir::toNativeSeparators only converts when built for Windows.
        return QString(dir + u"/mcp-dimo.exe"_s).replace(u'/', u'\\');
    }
    return dir + u"/mcp-dimo"_s;
}

QString shimPath()
{
    return shimPathIn(QCoreApplication::applicationDirPath(), currentOs());
}

} // namespace app
