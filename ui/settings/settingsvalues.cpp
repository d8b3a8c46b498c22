// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settingsvalues.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace ui {

QString SettingsValues::environmentName() const
{
    switch (environment) {
    case Environment::Production:
        return u"production"_s;
    case Environment::Dev:
        return u"dev"_s;
    case Environment::Custom:
        return environmentFile;
    }
    return u"production"_s;
}

void SettingsValues::setEnvironmentName(const QString &nameOrPath)
{
    if (nameOrPath.isEmpty() || nameOrPath == u"production"_s) {
        environment = Environment::Production;
        environmentFile.clear();
    } else if (nameOrPath == u"dev"_s) {
        environment = Environment::Dev;
        environmentFile.clear();
    } else {
        environment = Environment::Custom;
        environmentFile = nameOrPath;
    }
}

QStringList SettingsValues::approvalPolicies()
{
    return {u"ask"_s, u"unlock-and-trunk"_s, u"never"_s};
}

QStringList SettingsValues::logLevels()
{
    return {u"warning"_s, u"info"_s, u"debug"_s};
}

QString cleanApiKeyInput(const QString &text)
{
    QString key;
    key.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace() && c != u'"' && c != u'\'') {
            key.append(c);
        }
    }
    if (key.startsWith(u"0x"_s, Qt::CaseInsensitive)) {
        key.remove(0, 2);
    }
    return key.toLower();
}

} // namespace ui
