// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/tokenstore.h"

#include <QObject>

#include <functional>

namespace app {

// The developer and user JWTs in the system keychain (QtKeychain: Secret Service, macOS
// Keychain, Windows Credential Manager), never in a file: the insecure fallback is off. Keys are
// bound to the DIMO environment and the license ("<auth URL>|<client ID>|developer-jwt"), so a
// token is only ever restored for the license and deployment that issued it. Keychain failures
// are logged (without the token) and never stop the tools: the token is then fetched again.
class KeychainTokenStore
    : public QObject
    , public dimo::TokenStore
{
    Q_OBJECT
public:
    KeychainTokenStore(const QString &authUrl, const QString &clientId, QObject *parent = nullptr);

    void save(Token which, const QString &jwt) override;
    // Reads both tokens (empty when absent or unreadable), then calls `done` once.
    void load(const std::function<void(const QString &developerJwt, const QString &userJwt)> &done);

    static QString serviceName();

private:
    QString key(Token which) const;
    void read(Token which, const std::function<void(const QString &)> &done);

    QString m_prefix;
};

} // namespace app
