// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/settingsdialogcontroller.h"

#include "app/tray/settings/credentialtest.h"
#include "app/tray/settings/settingscontroller.h"
#include "app/tray/settings/settingsform.h"
#include "ui/settings/settingsdialog.h"

namespace app {

SettingsDialogController::SettingsDialogController(SettingsController &settings,
                                                   QNetworkAccessManager *nam,
                                                   QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_test(new CredentialTest(nam, this))
{}

SettingsDialogController::~SettingsDialogController()
{
    delete m_dialog;
}

ui::SettingsDialog *SettingsDialogController::open(QWidget *parent)
{
    if (m_dialog && m_dialog->isVisible()) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    auto *dialog = new ui::SettingsDialog(parent);
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChoices(settingsform::choices());
    dialog->setOverrides(settingsform::toForm(m_settings.overrides()));
    dialog->setValues(settingsform::toForm(m_settings.values()));
    dialog->setKeychainError(m_settings.keychainError());
    connect(&m_settings, &SettingsController::keychainErrorChanged, dialog, &ui::SettingsDialog::setKeychainError);
    connect(&m_settings, &SettingsController::apiKeyRead, dialog, &ui::SettingsDialog::setStoredApiKey);
    connect(dialog, &ui::SettingsDialog::testRequested, m_test, [this](const dimo::Credentials &c, const QString &env) {
        m_test->start(c, env);
    });
    connect(m_test, &CredentialTest::finished, dialog, &ui::SettingsDialog::showTestResult);
    connect(dialog, &ui::SettingsDialog::retryKeychainRequested, &m_settings, &SettingsController::retryKeychain);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings.save(settingsform::fromForm(dialog->values()), dialog->canStoreSecrets());
    });
    connect(dialog, &QDialog::finished, m_test, &CredentialTest::cancel);
    Q_EMIT opened(dialog);
    dialog->show();
    return dialog;
}

} // namespace app
