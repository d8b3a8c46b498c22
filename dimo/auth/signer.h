// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QByteArray>
#include <QString>

#include <array>

namespace dimo {

// Ethereum personal_sign with a secp256k1 private key (a DIMO API key). RFC 6979 nonce, low-s,
// v = 27 + recovery id, output "0x" + hex(r || s || v). The key is wiped when the Signer dies;
// keep Signers short-lived (create, sign, drop).
class Signer
{
public:
    // Accepts 64 hex characters with or without "0x". Rejects wrong length, non-hex, zero and
    // keys not below the curve order, with a message that says which.
    static Result<Signer> fromHex(const QString &privateKeyHex);
    // A fresh key from the operating system's CSPRNG (OpenSSL RAND_bytes), retried until
    // secp256k1 accepts it. Fails only if the CSPRNG does (no entropy).
    static Result<Signer> generate();

    Signer(Signer &&other) noexcept;
    Signer &operator=(Signer &&other) noexcept;
    Signer(const Signer &) = delete;
    Signer &operator=(const Signer &) = delete;
    ~Signer();

    // EIP-55 checksummed address of the key.
    QString address() const;

    // The key as 64 lowercase hex characters (dimo::Credentials::apiKey): only to hand a generated
    // key to the keychain. Secret: never log or show it, and wipe the copy (secureZero) after use.
    QString privateKeyHex() const;

    // Signs keccak256 of the EIP-191 prefixed message.
    Result<QString> personalSign(const QByteArray &message) const;

    // Signs a 32-byte digest as is; returns the 65 bytes r || s || v.
    Result<QByteArray> signDigest(const QByteArray &digest32) const;

private:
    Signer() = default;
    std::array<unsigned char, 32> m_key{};
};

} // namespace dimo
