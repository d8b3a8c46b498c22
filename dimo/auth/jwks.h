// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>

namespace dimo {

// An RS256 JSON Web Key Set (the auth service's /keys), verified with OpenSSL 3 EVP APIs.
class Jwks
{
public:
    static Result<Jwks> parse(const QByteArray &json);

    bool contains(const QString &kid) const { return m_keys.contains(kid); }

    int size() const { return static_cast<int>(m_keys.size()); }

    // True iff `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `signingInput` by key `kid`.
    bool verifyRs256(const QString &kid, const QByteArray &signingInput, const QByteArray &signature) const;

private:
    struct Key;
    QHash<QString, std::shared_ptr<Key>> m_keys;
};

} // namespace dimo
