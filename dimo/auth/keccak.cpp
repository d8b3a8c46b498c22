// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/keccak.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace dimo::eth {

QByteArray keccak256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Keccak_256);
}

QByteArray personalMessageDigest(const QByteArray &message)
{
    QByteArray prefixed = QByteArrayLiteral("\x19"
                                            "Ethereum Signed Message:\n");
    prefixed += QByteArray::number(message.size());
    prefixed += message;
    return keccak256(prefixed);
}

bool isHexAddress(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^0x[0-9a-fA-F]{40}$"));
    return re.match(text).hasMatch();
}

QString checksumAddress(const QString &hexAddress)
{
    QString lower = hexAddress.toLower();
    if (lower.startsWith(QLatin1String("0x"))) {
        lower = lower.mid(2);
    }
    const QByteArray hash = keccak256(lower.toLatin1()).toHex();
    QString out = QStringLiteral("0x");
    out.reserve(42);
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const QChar c = lower.at(i);
        const bool upper = c.isLetter() && i < hash.size() && QByteArray(1, hash.at(i)).toInt(nullptr, 16) >= 8;
        out += upper ? c.toUpper() : c;
    }
    return out;
}

bool hasValidChecksum(const QString &hexAddress)
{
    const QString body = hexAddress.mid(2);
    if (body == body.toLower() || body == body.toUpper()) {
        return true;
    }
    return checksumAddress(hexAddress) == hexAddress;
}

bool sameAddress(const QString &a, const QString &b)
{
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace dimo::eth
