// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/credentialsource.h"
#include "app/tray/settings/settings.h"

#include <QList>
#include <QProcessEnvironment>

namespace app {

// Every setting an environment variable overrides for this run, for SettingsDialog::setOverrides:
// the old server's DIMO_CLIENT_ID, DIMO_DOMAIN, DIMO_PRIVATE_KEY (its value is carried for the
// credential test only; the dialog never shows it), FLEET_MODE, DIMO_ENTRY_STATE,
// DIMO_LOGIN_BASE_URL, and the tray's DIMOTRAY_TOOLSET. Blank variables do not count.
// DIMOTRAY_APPROVAL does not override: it can only tighten (tools::effectiveApprovalPolicy).
QList<SettingsOverride> environmentOverrides(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// The tray's license: the stored settings plus the API key read from the keychain, each field
// overridden by its environment variable when that is set (the semantics of
// EnvironmentCredentialSource: a trimmed, non-empty value wins; FLEET_MODE true/1/yes). Immutable:
// after the settings change, build a new one and hand it to Backend::setCredentialSource().
class StoredCredentialSource : public tools::CredentialSource
{
public:
    // `stored.apiKey`: as read from the keychain (empty when absent). `keychainError`: why it could
    // not be read (SecretResult::error), empty when the keychain answered.
    explicit StoredCredentialSource(Settings stored,
                                    QString keychainError = {},
                                    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

    dimo::Result<dimo::Credentials> credentials() const override;
    bool fleetMode() const override;
    QString entryState() const override;
    // "settings", "settings (client ID from DIMO_CLIENT_ID)", or "environment variables (…)"
    // when all three license fields come from the environment.
    QString origin() const override;

    // The credential-related overrides (a subset of environmentOverrides()).
    QList<SettingsOverride> overriddenFields() const;

private:
    QString env(const QString &name) const { return m_env.value(name).trimmed(); }

    Settings m_stored;
    QString m_keychainError;
    QProcessEnvironment m_env;
};

} // namespace app
