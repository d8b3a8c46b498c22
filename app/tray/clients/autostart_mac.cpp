// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Start at login on macOS: a per-user LaunchAgent, ~/Library/LaunchAgents/io.github.dimotray.plist
// (launchd loads it at the next login; RunAtLoad starts dimo-tray --background).
#include "app/tray/clients/autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <utility>

using namespace Qt::StringLiterals;

namespace app {

Autostart::Autostart()
    : Autostart(QCoreApplication::applicationFilePath(), QDir::homePath())
{}

Autostart::Autostart(QString executable, QString base)
    : m_executable(std::move(executable))
    , m_base(std::move(base))
{}

QString Autostart::location() const
{
    return m_base + u"/Library/LaunchAgents/io.github.dimotray.plist"_s;
}

bool Autostart::isEnabled() const
{
    return QFile::exists(location());
}

AutostartResult Autostart::setEnabled(bool enabled)
{
    if (enabled) {
        return autostartdetail::writeEntry(location(), launchAgentPlist(m_executable));
    }
    return autostartdetail::removeEntry(location());
}

} // namespace app
