// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/settingsstore.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace app {
namespace {

// One place for the keys; the API key has none on purpose.
const QString kEnvironment = u"license/environment"_s;
const QString kClientId = u"license/clientId"_s;
const QString kRedirectUri = u"license/redirectUri"_s;
const QString kFleetMode = u"license/fleetMode"_s;
const QString kApprovalPolicy = u"tools/approvalPolicy"_s;
const QString kToolset = u"tools/toolset"_s;
const QString kHttpEnabled = u"http/enabled"_s;
const QString kHttpPort = u"http/port"_s;
const QString kStartAtLogin = u"general/startAtLogin"_s;
const QString kLogLevel = u"general/logLevel"_s;
const QString kWelcomeDone = u"general/welcomeDone"_s;
const QString kDemoMode = u"general/demoMode"_s;
const QString kVersion = u"version"_s;

QString oneOf(const QString &value, const QStringList &allowed, const QString &fallback)
{
    return allowed.contains(value) ? value : fallback;
}

} // namespace

SettingsStore::SettingsStore(QSettings *settings)
    : m_settings(settings)
{}

std::unique_ptr<QSettings> SettingsStore::openDefault()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, u"dimo-tray"_s, u"dimo-tray"_s);
}

Settings SettingsStore::load() const
{
    const Settings defaults;
    Settings v;
    v.setEnvironmentName(m_settings->value(kEnvironment, u"production"_s).toString());
    v.clientId = m_settings->value(kClientId).toString();
    v.redirectUri = m_settings->value(kRedirectUri).toString();
    v.fleetMode = m_settings->value(kFleetMode, false).toBool();
    v.approvalPolicy =
        oneOf(m_settings->value(kApprovalPolicy).toString(), Settings::approvalPolicies(), defaults.approvalPolicy);
    v.toolset = m_settings->value(kToolset, defaults.toolset).toString();
    v.httpEnabled = m_settings->value(kHttpEnabled, false).toBool();
    bool ok = false;
    const int port = m_settings->value(kHttpPort, int(defaults.httpPort)).toInt(&ok);
    v.httpPort = ok && port >= 1024 && port <= 65535 ? quint16(port) : defaults.httpPort;
    v.startAtLogin = m_settings->value(kStartAtLogin, false).toBool();
    v.logLevel = oneOf(m_settings->value(kLogLevel).toString(), Settings::logLevels(), defaults.logLevel);
    return v;
}

bool SettingsStore::save(const Settings &v)
{
    m_settings->setValue(kVersion, 1);
    m_settings->setValue(kEnvironment, v.environmentName());
    m_settings->setValue(kClientId, v.clientId);
    m_settings->setValue(kRedirectUri, v.redirectUri);
    m_settings->setValue(kFleetMode, v.fleetMode);
    m_settings->setValue(kApprovalPolicy, v.approvalPolicy);
    m_settings->setValue(kToolset, v.toolset);
    m_settings->setValue(kHttpEnabled, v.httpEnabled);
    m_settings->setValue(kHttpPort, int(v.httpPort));
    m_settings->setValue(kStartAtLogin, v.startAtLogin);
    m_settings->setValue(kLogLevel, v.logLevel);
    if (!v.licenseEmpty()) {
        m_settings->setValue(kDemoMode, false);
    }
    return sync();
}

bool SettingsStore::welcomeDone() const
{
    return m_settings->value(kWelcomeDone, false).toBool();
}

void SettingsStore::setWelcomeDone(bool done)
{
    m_settings->setValue(kWelcomeDone, done);
    sync();
}

bool SettingsStore::demoMode() const
{
    return m_settings->value(kDemoMode, false).toBool();
}

void SettingsStore::setDemoMode(bool demo)
{
    m_settings->setValue(kDemoMode, demo);
    sync();
}

bool SettingsStore::sync()
{
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        m_error.clear();
        return true;
    case QSettings::AccessError:
        m_error = QCoreApplication::translate("app::SettingsStore", "cannot write the settings file %1 (access denied)")
                      .arg(m_settings->fileName());
        return false;
    case QSettings::FormatError:
        m_error = QCoreApplication::translate("app::SettingsStore", "the settings file %1 is malformed")
                      .arg(m_settings->fileName());
        return false;
    }
    return false;
}

} // namespace app
