// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QUrl>

namespace dimo {

// Removes secrets from text meant for logs: JWTs, bearer tokens, 64-hex private keys, signatures,
// and the values of secret-bearing query/form/JSON fields. Use on everything that reaches a log.
inline QString redact(const QString &text)
{
    static const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)\\S+"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"));
    static const QRegularExpression field(
        QStringLiteral("((?:access_token|id_token|refresh_token|token|signature|api_?key|private_?key|secret|"
                       "password)\"?\\s*[=:]\\s*\"?)([^&\"\\s,}]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression longHex(QStringLiteral("\\b(0x)?[0-9a-fA-F]{64,}\\b"));
    QString s = text;
    s.replace(bearer, QStringLiteral("\\1<redacted>"));
    s.replace(jwt, QStringLiteral("<redacted-jwt>"));
    s.replace(field, QStringLiteral("\\1<redacted>"));
    s.replace(longHex, QStringLiteral("<redacted-hex>"));
    return s;
}

inline QString redact(const QUrl &url)
{
    return redact(url.toString(QUrl::RemoveUserInfo));
}

} // namespace dimo
