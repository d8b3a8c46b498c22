// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/settings/settings.h"
#include "app/tray/settings/settingsstore.h"
#include "app/tray/settings/storedcredentialsource.h"

#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

class QSettings;

namespace app {

class SecretStore;

// The settings and the license as the tray uses them, headless: the non-secret values in QSettings
// (SettingsStore), the API key in the keychain (SecretStore). The keychain's state is tracked:
// when it cannot be used, keychainError() says why; secrets are then never written anywhere. The
// Settings dialog is SettingsDialogController's (the desktop's), which edits through this.
class SettingsController : public QObject
{
    Q_OBJECT
public:
    // `settings` is not owned (SettingsStore::openDefault() in the app, a temp ini in tests).
    explicit SettingsController(QSettings *settings,
                                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                                QObject *parent = nullptr);

    // Reads the settings and the license's API key from the keychain (a key that should be there
    // but reads "not found" is checked with a probe: a locked keyring reads like that). Calls
    // `done` once; then values(), keychainError() and credentialSource() are current.
    void load(const std::function<void()> &done);

    Settings values() const { return m_values; } // with the API key when it was readable

    // First run: the welcome window was never answered, no license is stored, none comes from the
    // environment, and not in demo mode.
    bool needsWelcome() const;

    QString keychainError() const { return m_keychainError; }

    // The license for tools::Backend::setCredentialSource (environment variables override).
    std::unique_ptr<StoredCredentialSource> credentialSource() const;

    // Fields the environment overrides for this run (for the dialog and the UI).
    QList<SettingsOverride> overrides() const { return environmentOverrides(m_env); }

    SettingsStore &store() { return m_store; }

    SecretStore &secrets() { return *m_secrets; }

    // The HTTP endpoint's bearer token from the keychain; generated (32 random bytes, base64url)
    // and stored on first use. `done(token, error)`: exactly one of them is empty. The endpoint must
    // not start without a token: when the keychain is down, `error` says why.
    void httpToken(const std::function<void(const QString &token, const QString &error)> &done);

    // Saves the settings, then the API key unless the keychain is down (or !storeSecrets).
    void save(const Settings &values, bool storeSecrets = true);

    // Probes the keychain again (the dialog's Retry): keychainRetried() says the outcome; when it
    // works, the stored API key is read again (apiKeyRead()).
    void retryKeychain();

Q_SIGNALS:
    // After a save: the settings are written; the API key is in the keychain unless
    // keychainError() is set. Rebuild the credential source and apply the other values.
    void saved(const Settings &values);
    void keychainErrorChanged(const QString &message); // empty: the keychain works again
    void keychainRetried(const QString &message); // after each Retry, with the outcome (empty: works)
    void saveFailed(const QString &words); // the settings file or the keychain refused
    void apiKeyRead(const QString &apiKey); // after a Retry that works: the stored key (secret)

private:
    void setKeychainError(const QString &message);

    SettingsStore m_store;
    SecretStore *m_secrets;
    QProcessEnvironment m_env;
    Settings m_values;
    QString m_keychainError;
};

} // namespace app
