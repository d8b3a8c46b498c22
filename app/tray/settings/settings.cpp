// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/settings.h"

#include "app/tools/approval.h"
#include "app/tools/toolkit.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace app {

QString Settings::environmentName() const
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

void Settings::setEnvironmentName(const QString &nameOrPath)
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

QStringList Settings::approvalPolicies()
{
    QStringList names;
    for (tools::ApprovalPolicy policy : tools::approvalPolicies()) {
        names.append(tools::toString(policy));
    }
    return names;
}

QStringList Settings::toolsets()
{
    QStringList names;
    for (tools::Toolset toolset : tools::toolsets()) {
        names.append(tools::toString(toolset));
    }
    return names;
}

QStringList Settings::logLevels()
{
    return {toString(LogLevel::Warning), toString(LogLevel::Info), toString(LogLevel::Debug)};
}

QString Settings::toString(LogLevel level)
{
    switch (level) {
    case LogLevel::Warning:
        return u"warning"_s;
    case LogLevel::Info:
        break;
    case LogLevel::Debug:
        return u"debug"_s;
    }
    return u"info"_s;
}

QString Settings::defaultApprovalPolicy()
{
    return tools::toString(tools::ApprovalPolicy::AskEveryCommand);
}

QString Settings::defaultToolset()
{
    return tools::toString(tools::Toolset::All);
}

} // namespace app
