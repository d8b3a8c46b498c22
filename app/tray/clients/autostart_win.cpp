// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Start at login on Windows: the value "DIMO Tray" under
// HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run.
#include "app/tray/clients/autostart.h"

#include <QCoreApplication>
#include <QSettings>

#include <utility>

using namespace Qt::StringLiterals;

namespace app {

namespace {

const QString valueName = u"DIMO Tray"_s;

} // namespace

Autostart::Autostart()
    : Autostart(QCoreApplication::applicationFilePath(),
                u"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"_s)
{}

Autostart::Autostart(QString executable, QString base)
    : m_executable(std::move(executable))
    , m_base(std::move(base))
{}

QString Autostart::location() const
{
    return m_base;
}

bool Autostart::isEnabled() const
{
    const QSettings run(m_base, QSettings::NativeFormat);
    return run.contains(valueName);
}

AutostartResult Autostart::setEnabled(bool enabled)
{
    QSettings run(m_base, QSettings::NativeFormat);
    if (enabled) {
        run.setValue(valueName, windowsRunCommand(m_executable));
    } else {
        run.remove(valueName);
    }
    run.sync();
    if (run.status() != QSettings::NoError) {
        return {false, u"Cannot change the value \"%1\" in %2"_s.arg(valueName, m_base)};
    }
    return {};
}

} // namespace app
