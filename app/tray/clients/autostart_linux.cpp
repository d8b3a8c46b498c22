// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Start at login on Linux and other XDG desktops: $XDG_CONFIG_HOME/autostart/dimo-tray.desktop
// (XDG Autostart Specification).
#include "app/tray/clients/autostart.h"
#include "app/tray/clients/platform.h"

#include <QCoreApplication>
#include <QFile>

#include <utility>

using namespace Qt::StringLiterals;

namespace app {

Autostart::Autostart()
    : Autostart(QCoreApplication::applicationFilePath(), PlatformDirs::current().configHome())
{}

Autostart::Autostart(QString executable, QString base)
    : m_executable(std::move(executable))
    , m_base(std::move(base))
{}

QString Autostart::location() const
{
    return m_base + u"/autostart/dimo-tray.desktop"_s;
}

bool Autostart::isEnabled() const
{
    QFile file(location());
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    // The entry counts unless a desktop's settings app switched it off in place.
    const QList<QByteArray> lines = file.readAll().split('\n');
    return !lines.contains("Hidden=true") && !lines.contains("X-GNOME-Autostart-enabled=false");
}

AutostartResult Autostart::setEnabled(bool enabled)
{
    if (enabled) {
        return autostartdetail::writeEntry(location(), autostartDesktopEntry(m_executable));
    }
    return autostartdetail::removeEntry(location());
}

} // namespace app
