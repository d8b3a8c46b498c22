// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace app {

// The outcome of one keychain operation.
struct SecretResult
{
    enum class Status {
        Ok,
        NotFound, // read: no such entry (a locked Secret Service keyring also reads like this)
        Unavailable, // the keychain cannot be used: `error` says why and what to do
    };

    Status status = Status::Ok;
    QString value; // read: the secret
    QString error; // Unavailable: a sentence for the user (what is wrong and what to do)
    QString detail; // QtKeychain's own words, for logs and a "details" line

    bool ok() const { return status == Status::Ok; }
};

using SecretCallback = std::function<void(const SecretResult &result)>;

// The tray's secrets that are not DIMO tokens: the API key (one entry per client ID) and the HTTP
// endpoint's bearer token, in the system keychain through QtKeychain (service
// KeychainTokenStore::serviceName(), next to the user and developer JWTs that KeychainTokenStore
// keeps). The insecure fallback is always off: when the keychain cannot be used, nothing is
// written anywhere and the callback says why in words (no Secret Service, locked, no session bus).
// Every call is asynchronous and calls `done` exactly once (unless the store is destroyed first).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(QObject *parent = nullptr);

    static QString serviceName();
    static QString apiKeyKey(const QString &clientId); // "api-key|0x…" (client ID in lower case)
    static QString httpTokenKey(); // "http-token"

    // A job that does not finish within this time reports Unavailable (an unlock prompt may be
    // waiting for the user). Default 30 s; 0: wait forever.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void read(const QString &key, const SecretCallback &done);
    void write(const QString &key, const QString &value, const SecretCallback &done);
    void remove(const QString &key, const SecretCallback &done); // a missing entry counts as removed

    // Can secrets be stored right now? Writes, reads back and deletes a random value (a locked
    // keyring reads as "not found", so only a write tells). Ok, or Unavailable with the words.
    void probe(const SecretCallback &done);

    // The sentence for a QtKeychain error (QKeychain::Error as int and its errorString()).
    static QString describe(int keychainError, const QString &errorString);

private:
    enum class Op { Read, Write, Remove };
    void run(Op op, const QString &key, const QString &value, const SecretCallback &done);

    int m_timeoutMs = 30000;
};

} // namespace app
