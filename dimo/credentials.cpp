// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/credentials.h"

#include "dimo/auth/keccak.h"
#include "dimo/auth/signer.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

Error invalid(const QString &what, const QString &hint)
{
    return Error::make(Error::Kind::InvalidInput, what, hint);
}

const QString consoleHint = u"Copy it again from the DIMO developer console (console.dimo.org)."_s;

} // namespace

Result<QString> Credentials::validateClientId(const QString &clientIdIn)
{
    const QString id = clientIdIn.trimmed();
    if (id.isEmpty()) {
        return invalid(u"the client ID is empty"_s, consoleHint);
    }
    if (!id.startsWith(QLatin1String("0x"))) {
        return invalid(u"the client ID must start with 0x followed by 40 hexadecimal characters"_s, consoleHint);
    }
    const qsizetype digits = id.size() - 2;
    if (digits != 40) {
        return invalid(u"the client ID must be 0x followed by 40 hexadecimal characters; you gave %1"_s.arg(digits),
                       consoleHint);
    }
    if (!eth::isHexAddress(id)) {
        return invalid(u"the client ID may only contain hexadecimal characters (0-9, a-f) after 0x"_s, consoleHint);
    }
    if (!eth::hasValidChecksum(id)) {
        return invalid(u"the client ID's upper/lower case does not match its EIP-55 checksum (expected %1)"_s.arg(
                           eth::checksumAddress(id)),
                       u"A single mistyped letter changes the checksum. "_s + consoleHint);
    }
    return eth::checksumAddress(id);
}

Result<QString> Credentials::validateRedirectUri(const QString &redirectUriIn)
{
    const QString uri = redirectUriIn.trimmed();
    const QString hint = u"Use one of the redirect URIs registered for the license in the DIMO developer console, "
                         "character for character (e.g. https://example.com/callback)."_s;
    if (uri.isEmpty()) {
        return invalid(u"the redirect URI is empty"_s, hint);
    }
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative()) {
        return invalid(u"the redirect URI is not an absolute URL"_s, hint);
    }
    if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) {
        return invalid(u"the redirect URI must start with https:// or http://; it starts with %1:"_s.arg(url.scheme()),
                       hint);
    }
    if (url.host().isEmpty()) {
        return invalid(u"the redirect URI has no host name"_s, hint);
    }
    return uri;
}

Result<QString> Credentials::validateApiKey(const QString &apiKey)
{
    auto signer = Signer::fromHex(apiKey);
    if (!signer) {
        return signer.error();
    }
    QString hex = apiKey.trimmed().toLower();
    if (hex.startsWith(QLatin1String("0x"))) {
        hex = hex.mid(2);
    }
    return hex;
}

Result<Credentials> Credentials::validated(const QString &clientId, const QString &redirectUri, const QString &apiKey)
{
    const auto id = validateClientId(clientId);
    if (!id) {
        return id.error();
    }
    const auto uri = validateRedirectUri(redirectUri);
    if (!uri) {
        return uri.error();
    }
    const auto key = validateApiKey(apiKey);
    if (!key) {
        return key.error();
    }
    return Credentials{id.value(), uri.value(), key.value()};
}

} // namespace dimo
