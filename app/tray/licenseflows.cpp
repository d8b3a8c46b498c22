// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/licenseflows.h"

#include "app/tools/backend.h"
#include "app/tray/countingnam.h"
#include "app/tray/dimoservice.h"
#include "app/tray/login/loginprocess.h"
#include "app/tray/settings/grantspanelbinding.h"
#include "app/tray/settings/settingscontroller.h"
#include "app/tray/settings/settingsdialogcontroller.h"
#include "app/tray/settings/settingsstore.h"
#include "ui/settings/settingsdialog.h"
#include "ui/welcome/welcomedialog.h"

#include <QHostInfo>

using namespace Qt::StringLiterals;

namespace app {

namespace {

// The redirect URI registered for a license created here: the loopback listener init_oauth uses
// headless, and the one the embedded login window intercepts.
const QString ProvisionedRedirectUri = u"http://127.0.0.1:8765/dimotray/callback"_s;

} // namespace

LicenseFlows::LicenseFlows(DimoService &dimo, LoginProcess &login, QObject *parent)
    : QObject(parent)
    , m_dimo(dimo)
    , m_login(login)
    , m_settingsDialog(new SettingsDialogController(*dimo.settings(), &dimo.network(), this))
{
    SettingsController *settings = dimo.settings();
    connect(m_settingsDialog, &SettingsDialogController::opened, this, [this](ui::SettingsDialog *dialog) {
        tools::Backend *backend = m_dimo.backend();
        bindGrantsPanel(*dialog->grantsPanel(), backend->approvals());
        tools::VehicleState *vehicles = &backend->vehicles();
        const auto showCredits = [dialog, vehicles] {
            dialog->setCredits(tools::creditsSummary(vehicles->list(), vehicles->credits()));
        };
        showCredits();
        connect(vehicles, &tools::VehicleState::creditsChanged, dialog, showCredits);
    });
    connect(settings, &SettingsController::saved, this, [this](const Settings &values) {
        QString problem;
        const QStringList later = m_dimo.applySettings(values, &problem);
        if (!problem.isEmpty()) {
            Q_EMIT notify(tr("Settings saved, with a problem"), problem, true);
        } else if (!later.isEmpty()) {
            Q_EMIT notify(tr("Settings saved"), tr("Restart DIMO Tray to apply: %1.").arg(later.join(u", "_s)), false);
        }
    });
    connect(settings, &SettingsController::saveFailed, this, [this](const QString &words) {
        Q_EMIT notify(tr("Settings not saved"), words, true);
    });
    connect(settings, &SettingsController::keychainErrorChanged, this, [this](const QString &message) {
        if (!message.isEmpty()) {
            Q_EMIT notify(tr("The keychain cannot be used"), message, true);
        }
    });
    connect(&m_login,
            &LoginProcess::provisioned,
            this,
            [this](const QString &clientId, qint64 tokenId, const QString &apiKeyHex, const QString &redirectUri) {
                SettingsController *s = m_dimo.settings();
                Settings values = s->values();
                values.clientId = clientId;
                values.redirectUri = redirectUri;
                values.apiKey = apiKeyHex; // to the keychain only (SettingsController::save)
                s->save(values);
                Q_EMIT notify(
                    tr("Developer license created"),
                    tr("License %1 (client ID %2) is stored in the keychain. Log in with DIMO to share vehicles.")
                        .arg(tokenId)
                        .arg(clientId),
                    false);
            });
}

ui::SettingsDialog *LicenseFlows::openSettings()
{
    return m_settingsDialog->open();
}

void LicenseFlows::showWelcome()
{
    if (m_welcome) {
        m_welcome->raise();
        return;
    }
    m_welcome = new ui::WelcomeDialog;
    m_welcome->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_welcome, &ui::WelcomeDialog::chosen, this, [this](ui::WelcomeDialog::Choice choice) {
        if (choice == ui::WelcomeDialog::Choice::Later) {
            return; // asked again at the next start
        }
        m_dimo.settings()->store().setWelcomeDone(true);
        switch (choice) {
        case ui::WelcomeDialog::Choice::CreateLicense:
            createLicense();
            break;
        case ui::WelcomeDialog::Choice::EnterLicense:
            openSettings();
            break;
        case ui::WelcomeDialog::Choice::DemoMode:
            Q_EMIT notify(tr("Demo mode"),
                          tr("Demo mode runs the DIMO simulator from DIMO Tray's source checkout: run scripts/run "
                             "there (it needs no license). An installed DIMO Tray has no simulator."),
                          false);
            break;
        case ui::WelcomeDialog::Choice::Later:
            break;
        }
    });
    m_welcome->show();
}

void LicenseFlows::createLicense()
{
    const dimo::Environment &env = m_dimo.backend()->environment();
    // Login with DIMO needs the client ID of the app that asks (DIMO Tray's own license):
    // $DIMOTRAY_PROVISIONING_CLIENT_ID, or against the simulator its published test license.
    QString appClientId = qEnvironmentVariable("DIMOTRAY_PROVISIONING_CLIENT_ID");
    if (appClientId.isEmpty() && env.name == u"custom"_s) {
        appClientId = DimoService::simulatorLicense().clientId;
    }
    if (appClientId.isEmpty()) {
        Q_EMIT notify(tr("Create the license in the DIMO console"),
                      tr("This build of DIMO Tray has no client ID of its own to present to Login with DIMO, so it "
                         "cannot create a license here. Create one at https://console.dimo.org, then enter its client "
                         "ID, redirect URI and API key in Settings."),
                      true);
        openSettings();
        return;
    }
    m_login.startProvisioning(
        {env.login, appClientId, ProvisionedRedirectUri, u"DIMO Tray on %1"_s.arg(QHostInfo::localHostName())});
}

} // namespace app
