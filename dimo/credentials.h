// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QString>

namespace dimo {

// A developer license's credentials: client ID (license address), redirect URI ("domain")
// and API key (signer private key). Build them with validated() so every field is checked.
struct Credentials
{
    QString clientId; // EIP-55 checksummed
    QString redirectUri; // exactly as registered
    QString apiKey; // 64 lowercase hex, no 0x. Secret: never log.

    bool isComplete() const { return !clientId.isEmpty() && !redirectUri.isEmpty() && !apiKey.isEmpty(); }

    static Result<Credentials> validated(const QString &clientId, const QString &redirectUri, const QString &apiKey);

    // Each returns the normalised value or an InvalidInput error naming exactly what is wrong.
    static Result<QString> validateClientId(const QString &clientId);
    static Result<QString> validateRedirectUri(const QString &redirectUri);
    static Result<QString> validateApiKey(const QString &apiKey);
};

} // namespace dimo
