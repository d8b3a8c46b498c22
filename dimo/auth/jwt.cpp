// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/jwt.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

Error malformed(const QString &why)
{
    return Error::make(
        Error::Kind::Parse, u"the token is not a well-formed JWT: "_s + why, u"Sign in again to get a fresh token."_s);
}

Result<QJsonObject> decodeSegment(const QByteArray &segment, const char *what)
{
    const auto decoded = QByteArray::fromBase64Encoding(segment,
                                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return malformed(u"the %1 is not base64url"_s.arg(QLatin1String(what)));
    }
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    if (!doc.isObject()) {
        return malformed(u"the %1 is not a JSON object"_s.arg(QLatin1String(what)));
    }
    return doc.object();
}

} // namespace

Result<Jwt> Jwt::decode(const QString &token)
{
    const QByteArray raw = token.trimmed().toLatin1();
    const QList<QByteArray> parts = raw.split('.');
    if (parts.size() != 3) {
        return malformed(u"expected 3 dot-separated parts, found %1"_s.arg(parts.size()));
    }
    Jwt jwt;
    auto header = decodeSegment(parts.at(0), "header");
    if (!header) {
        return header.error();
    }
    auto payload = decodeSegment(parts.at(1), "payload");
    if (!payload) {
        return payload.error();
    }
    const auto sig = QByteArray::fromBase64Encoding(parts.at(2),
                                                    QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                        | QByteArray::AbortOnBase64DecodingErrors);
    if (!sig) {
        return malformed(u"the signature is not base64url"_s);
    }
    jwt.header = header.value();
    jwt.payload = payload.value();
    jwt.signingInput = parts.at(0) + '.' + parts.at(1);
    jwt.signature = *sig;
    return jwt;
}

qint64 Jwt::expiry() const
{
    return static_cast<qint64>(payload.value(QLatin1String("exp")).toDouble(0));
}

qint64 Jwt::issuedAt() const
{
    return static_cast<qint64>(payload.value(QLatin1String("iat")).toDouble(0));
}

QStringList Jwt::audience() const
{
    const QJsonValue aud = payload.value(QLatin1String("aud"));
    if (aud.isString()) {
        return {aud.toString()};
    }
    QStringList out;
    const QJsonArray arr = aud.toArray();
    for (const QJsonValue &v : arr) {
        out << v.toString();
    }
    return out;
}

} // namespace dimo
