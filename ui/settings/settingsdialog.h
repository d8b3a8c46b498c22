// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/credentials.h"
#include "ui/settings/settingsvalues.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFrame;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QVBoxLayout;
class QWidget;

namespace ui {

class ApprovalGrantsPanel;
class ValidatedField;

// The Settings dialog: the DIMO license (environment, client ID, redirect URI, API key), fleet
// mode, command approval, toolset, the HTTP endpoint, start at login and the log level.
// * Every license field is validated as the user types with dimo::Credentials' validators; the
//   words appear under the field and Save stays disabled while anything is invalid. A license
//   left entirely empty is valid: the app then runs "not configured".
// * "Test credentials" emits testRequested(); the app answers with showTestResult(). Until then
//   the dialog shows that it is busy.
// * Fields set by environment variables (setOverrides) are read-only and say so; values() keeps
//   the stored value underneath, so saving never copies an environment variable into settings.
// * setKeychainError(): a banner with Retry; the API key is then locked and never handed out for
//   storing (canStoreSecrets() is false), because secrets are never written in plain text.
// The dialog saves nothing itself: on accept() the app reads values().
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void setValues(const SettingsValues &values);
    // The edited values. Overridden fields and a locked API key keep what setValues() gave.
    SettingsValues values() const;

    // The entries of the approval, toolset and log-level lists; give them before setValues.
    void setChoices(const SettingsChoices &choices);
    void setOverrides(const QList<SettingsOverride> &overrides);

    // Empty: the keychain works. Otherwise the banner shows `message` with a Retry button.
    void setKeychainError(const QString &message);

    QString keychainError() const { return m_keychainError; }

    // The API key as read from the keychain later (after Retry): shown unless the user typed one.
    void setStoredApiKey(const QString &apiKey);

    bool canStoreSecrets() const { return m_keychainError.isEmpty(); }

    // The policy in force and the remembered approvals (the app fills it; it saves nothing).
    ApprovalGrantsPanel *grantsPanel() const { return m_grants; }

    // The license's DIMO credits left ("4,210 left on 3 vehicles · lowest: 24558, 12 left"), as
    // the app last read them; empty hides the row.
    void setCredits(const QString &summary);

    // True when Save is enabled (every field valid).
    bool isSavable() const;
    // The license as typed (overrides applied), validated; an error when incomplete or invalid.
    dimo::Result<dimo::Credentials> credentials() const;

public Q_SLOTS:
    // The outcome of testRequested(), in words ("DIMO accepted the license …"). Ends the busy state.
    void showTestResult(bool ok, const QString &words);

Q_SIGNALS:
    // `environment` is "production", "dev" or an environment file's path (dimo::Environment::byName).
    void testRequested(const dimo::Credentials &credentials, const QString &environment);
    void retryKeychainRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildLicense();
    QVBoxLayout *buildEnvironmentColumn(QWidget *box);
    QHBoxLayout *buildTestRow(QWidget *box);
    QWidget *buildTools();
    QWidget *buildGeneral();
    void buildBanner();
    void updateEnvironmentRow();
    void updateLicenseRules();
    void updateButtons();
    void fitHeight();
    void setBusy(bool busy);
    void requestTest();
    void browseEnvironmentFile();
    void applyOverride(const SettingsOverride &o);
    QString environmentName() const;

    SettingsValues m_stored;
    QMap<SettingsField, QString> m_overrideValues;
    QString m_keychainError;
    bool m_busy = false;

    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QComboBox *m_environment = nullptr;
    QWidget *m_environmentFileRow = nullptr;
    ValidatedField *m_environmentFile = nullptr;
    QLabel *m_environmentNote = nullptr;
    ValidatedField *m_clientId = nullptr;
    ValidatedField *m_redirectUri = nullptr;
    ValidatedField *m_apiKey = nullptr;
    QLabel *m_licenseNote = nullptr;
    QCheckBox *m_fleetMode = nullptr;
    QLabel *m_fleetNote = nullptr;
    QPushButton *m_test = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_credits = nullptr;
    QComboBox *m_approval = nullptr;
    ApprovalGrantsPanel *m_grants = nullptr;
    QComboBox *m_toolset = nullptr;
    QLabel *m_toolsNote = nullptr;
    QCheckBox *m_httpEnabled = nullptr;
    QSpinBox *m_httpPort = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QComboBox *m_logLevel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ui
