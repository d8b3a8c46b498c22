// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QNetworkAccessManager;
class QWidget;

namespace ui {
class SettingsDialog;
}

namespace app {

class CredentialTest;
class SettingsController;

// The desktop's Settings dialog: filled from SettingsController (settingsform.h converts), wired
// to "Test credentials" (CredentialTest) and to the keychain's state (shown, with Retry); Save
// goes through SettingsController::save().
class SettingsDialogController : public QObject
{
    Q_OBJECT
public:
    SettingsDialogController(SettingsController &settings, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~SettingsDialogController() override;

    // Opens the dialog (or raises the open one), its lists filled from settingsform::choices(). Deleted on close.
    ui::SettingsDialog *open(QWidget *parent = nullptr);

Q_SIGNALS:
    // open() created a dialog (not emitted when it only raised the open one): more to bind.
    void opened(ui::SettingsDialog *dialog);

private:
    SettingsController &m_settings;
    CredentialTest *m_test;
    QPointer<ui::SettingsDialog> m_dialog;
};

} // namespace app
