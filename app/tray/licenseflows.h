// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/welcome/welcomedialog.h"

#include <QObject>
#include <QPointer>

namespace ui {
class SettingsDialog;
}

namespace app {

class DimoService;
class LoginProcess;
class SettingsDialogController;

// The developer license from the tray: the Settings dialog (saved changes applied at once where
// they can be), the first-run welcome, and "Create a license…" (Login with DIMO's provisioning,
// with a key generated on this machine and stored in the keychain).
class LicenseFlows : public QObject
{
    Q_OBJECT
public:
    LicenseFlows(DimoService &dimo, LoginProcess &login, QObject *parent = nullptr);

    // Opens the Settings dialog (or raises the open one): the license, the approval grants and the
    // credits left, all kept current while it is open.
    ui::SettingsDialog *openSettings();
    void showWelcome();
    void createLicense();

    ui::WelcomeDialog *welcome() const { return m_welcome; }

Q_SIGNALS:
    void notify(const QString &title, const QString &message, bool warning);

private:
    DimoService &m_dimo;
    LoginProcess &m_login;
    SettingsDialogController *m_settingsDialog;
    QPointer<ui::WelcomeDialog> m_welcome;
};

} // namespace app
