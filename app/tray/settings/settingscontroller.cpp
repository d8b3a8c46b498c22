// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/settingscontroller.h"

#include "app/tray/settings/secretstore.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace app {

SettingsController::SettingsController(QSettings *settings, const QProcessEnvironment &env, QObject *parent)
    : QObject(parent)
    , m_store(settings)
    , m_secrets(new SecretStore(this))
    , m_env(env)
    , m_values(m_store.load())
{}

std::unique_ptr<StoredCredentialSource> SettingsController::credentialSource() const
{
    return std::make_unique<StoredCredentialSource>(m_values, m_keychainError, m_env);
}

bool SettingsController::needsWelcome() const
{
    const bool licenseFromEnvironment = !m_env.value(u"DIMO_CLIENT_ID"_s).trimmed().isEmpty();
    return !m_store.welcomeDone() && !m_store.demoMode() && m_values.licenseEmpty() && !licenseFromEnvironment;
}

void SettingsController::setKeychainError(const QString &message)
{
    if (message == m_keychainError) {
        return;
    }
    m_keychainError = message;
    Q_EMIT keychainErrorChanged(message);
}

void SettingsController::load(const std::function<void()> &done)
{
    m_values = m_store.load();
    if (m_values.clientId.isEmpty()) {
        done(); // nothing to read: no license stored
        return;
    }
    const QString clientId = m_values.clientId;
    m_secrets->read(SecretStore::apiKeyKey(clientId), [this, clientId, done](const SecretResult &r) {
        if (r.ok()) {
            m_values.apiKey = r.value;
            setKeychainError({});
            done();
        } else if (r.status == SecretResult::Status::Unavailable) {
            setKeychainError(r.error);
            done();
        } else {
            // "Not found" is also what a locked keyring says: only a write tells them apart.
            m_secrets->probe([this, done](const SecretResult &probe) {
                setKeychainError(probe.ok() ? QString() : probe.error);
                done();
            });
        }
    });
}

void SettingsController::httpToken(const std::function<void(const QString &, const QString &)> &done)
{
    m_secrets->read(SecretStore::httpTokenKey(), [this, done](const SecretResult &r) {
        if (r.ok() && !r.value.isEmpty()) {
            done(r.value, {});
            return;
        }
        if (r.status == SecretResult::Status::Unavailable) {
            done({}, r.error);
            return;
        }
        QByteArray bytes(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        const QString token =
            QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        m_secrets->write(SecretStore::httpTokenKey(), token, [token, done](const SecretResult &w) {
            if (w.ok()) {
                done(token, {});
            } else {
                done({}, w.error);
            }
        });
    });
}

void SettingsController::retryKeychain()
{
    m_secrets->probe([this](const SecretResult &probe) {
        setKeychainError(probe.ok() ? QString() : probe.error);
        Q_EMIT keychainRetried(m_keychainError);
        if (!probe.ok()) {
            return;
        }
        if (m_values.clientId.isEmpty()) {
            return;
        }
        m_secrets->read(SecretStore::apiKeyKey(m_values.clientId), [this](const SecretResult &r) {
            if (r.ok()) {
                m_values.apiKey = r.value;
                Q_EMIT apiKeyRead(r.value);
            }
        });
    });
}

void SettingsController::save(const Settings &values, bool storeSecrets)
{
    const Settings before = m_values;
    Settings next = values;
    if (!m_store.save(next)) {
        Q_EMIT saveFailed(tr("The settings could not be saved: %1.").arg(m_store.errorString()));
        return;
    }
    const bool sameLicense = before.clientId.compare(next.clientId, Qt::CaseInsensitive) == 0;
    if (!storeSecrets || !m_keychainError.isEmpty()) {
        // Secrets are refused while the keychain is down: the key stays what it was, if anything.
        next.apiKey = sameLicense ? before.apiKey : QString();
        m_values = next;
        Q_EMIT saved(m_values);
        return;
    }
    if (sameLicense && next.apiKey == before.apiKey) {
        m_values = next;
        Q_EMIT saved(m_values);
        return;
    }
    auto finish = [this, next](const SecretResult &r) {
        m_values = next;
        if (r.status == SecretResult::Status::Unavailable) {
            m_values.apiKey.clear();
            setKeychainError(r.error);
            Q_EMIT saveFailed(tr("The settings were saved, but the API key could not be stored: %1").arg(r.error));
        } else {
            setKeychainError({});
        }
        Q_EMIT saved(m_values);
    };
    auto storeNew = [this, next, finish](const SecretResult &removedOld) {
        if (removedOld.status == SecretResult::Status::Unavailable || next.clientId.isEmpty()) {
            finish(removedOld);
        } else if (next.apiKey.isEmpty()) {
            m_secrets->remove(SecretStore::apiKeyKey(next.clientId), finish);
        } else {
            m_secrets->write(SecretStore::apiKeyKey(next.clientId), next.apiKey, finish);
        }
    };
    // The old license's key goes first when the client ID changes or the license is cleared;
    // saved() comes only once the keychain has answered.
    if (!before.clientId.isEmpty() && !sameLicense) {
        m_secrets->remove(SecretStore::apiKeyKey(before.clientId), storeNew);
    } else {
        storeNew(SecretResult{});
    }
}

} // namespace app
