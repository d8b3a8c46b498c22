// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/settings/settingsstore.h"
#include "app/tray/settings/storedcredentialsource.h"
#include "ui/settings/settingsvalues.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QSettings;
class QWidget;

namespace ui {
class SettingsDialog;
}

namespace app {

class CredentialTest;
class SecretStore;

// The settings and the license as the tray uses them: the non-secret values in QSettings
// (SettingsStore), the API key in the keychain (SecretStore), and the Settings dialog wired to
// both and to "Test credentials" (CredentialTest). The keychain's state is tracked: when it cannot
// be used, keychainError() says why (and the dialog shows it, with Retry); secrets are then never
// written anywhere.
class SettingsController : public QObject
{
    Q_OBJECT
public:
    // `settings` is not owned (SettingsStore::openDefault() in the app, a temp ini in tests).
    SettingsController(QSettings *settings,
                       QNetworkAccessManager *nam,
                       const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                       QObject *parent = nullptr);
    ~SettingsController() override;

    // Reads the settings and the license's API key from the keychain (a key that should be there
    // but reads "not found" is checked with a probe: a locked keyring reads like that). Calls
    // `done` once; then values(), keychainError() and credentialSource() are current.
    void load(const std::function<void()> &done);

    ui::SettingsValues values() const { return m_values; } // with the API key when it was readable

    // First run: the welcome window was never answered, no license is stored, none comes from the
    // environment, and not in demo mode.
    bool needsWelcome() const;

    QString keychainError() const { return m_keychainError; }

    // The license for tools::Backend::setCredentialSource (environment variables override).
    std::unique_ptr<StoredCredentialSource> credentialSource() const;

    // Fields the environment overrides for this run (for the dialog and the UI).
    QList<ui::SettingsOverride> overrides() const { return environmentOverrides(m_env); }

    // Opens the Settings dialog (or raises the open one), filled and wired. Save writes the
    // settings and the API key, then emits saved(). Deleted on close.
    ui::SettingsDialog *openDialog(const QStringList &toolsets, QWidget *parent = nullptr);

    SettingsStore &store() { return m_store; }

    SecretStore &secrets() { return *m_secrets; }

    // The HTTP endpoint's bearer token from the keychain; generated (32 random bytes, base64url)
    // and stored on first use. `done(token, error)`: exactly one of them is empty. The endpoint must
    // not start without a token: when the keychain is down, `error` says why.
    void httpToken(const std::function<void(const QString &token, const QString &error)> &done);

    // Saves like the dialog's Save (settings, then the API key unless the keychain is down).
    void save(const ui::SettingsValues &values, bool storeSecrets = true);

Q_SIGNALS:
    // After a save: the settings are written; the API key is in the keychain unless
    // keychainError() is set. Rebuild the credential source and apply the other values.
    void saved(const ui::SettingsValues &values);
    void keychainErrorChanged(const QString &message); // empty: the keychain works again
    void keychainRetried(const QString &message); // after each Retry, with the outcome (empty: works)
    void saveFailed(const QString &words); // the settings file or the keychain refused
    // openDialog() created a dialog (not emitted when it only raised the open one).
    void dialogOpened(ui::SettingsDialog *dialog);

private:
    void setKeychainError(const QString &message);
    void retryKeychain();

    SettingsStore m_store;
    SecretStore *m_secrets;
    CredentialTest *m_test;
    QProcessEnvironment m_env;
    ui::SettingsValues m_values;
    QString m_keychainError;
    QPointer<ui::SettingsDialog> m_dialog;
};

} // namespace app
