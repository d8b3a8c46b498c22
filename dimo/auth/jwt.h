// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace dimo {

// A decoded (NOT verified) JWT: base64url header and payload as JSON, the signing input and
// the raw signature. Verification of user JWTs is UserJwtVerifier's job.
struct Jwt
{
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput; // "<header>.<payload>" as sent
    QByteArray signature; // decoded third segment

    static Result<Jwt> decode(const QString &token);

    QString algorithm() const { return header.value(QLatin1String("alg")).toString(); }

    QString kid() const { return header.value(QLatin1String("kid")).toString(); }

    qint64 expiry() const; // `exp` in Unix seconds, 0 if absent
    qint64 issuedAt() const;

    QString stringClaim(const QString &name) const { return payload.value(name).toString(); }

    // `aud` as a list whether serialised as a string or an array.
    QStringList audience() const;
};

} // namespace dimo
