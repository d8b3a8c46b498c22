// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/settings.h"

#include "app/tools/approval.h"

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
    using tools::ApprovalPolicy;
    return {tools::toString(ApprovalPolicy::AskEveryCommand),
            tools::toString(ApprovalPolicy::AskUnlockAndTrunk),
            tools::toString(ApprovalPolicy::NeverAsk)};
}

QStringList Settings::logLevels()
{
    return {u"warning"_s, u"info"_s, u"debug"_s};
}

} // namespace app
