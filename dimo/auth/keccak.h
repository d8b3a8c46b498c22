// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace dimo::eth {

// Ethereum's Keccak-256 (the original Keccak padding, not FIPS SHA3-256).
QByteArray keccak256(const QByteArray &data);

// keccak256("\x19Ethereum Signed Message:\n" + decimal(len) + message): the EIP-191 digest.
QByteArray personalMessageDigest(const QByteArray &message);

// EIP-55 mixed-case checksum form of a 20-byte address given as 40 hex chars (with or without 0x).
QString checksumAddress(const QString &hexAddress);

// 0x + 40 hex characters, any case.
bool isHexAddress(const QString &text);

// True if the text is all-lower, all-upper, or a correct EIP-55 checksum.
bool hasValidChecksum(const QString &hexAddress);

// Case-insensitive address comparison.
bool sameAddress(const QString &a, const QString &b);

} // namespace dimo::eth
