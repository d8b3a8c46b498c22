// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/loginredirect.h"

#include "dimo/auth/keccak.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

QString param(const QUrlQuery &q, const QString &key)
{
    const QString v = q.queryItemValue(key, QUrl::FullyDecoded).trimmed();
    return (v == QLatin1String("undefined") || v == QLatin1String("null")) ? QString() : v;
}

QList<qint64> ids(const QUrlQuery &q, const QString &key)
{
    QList<qint64> out;
    const QStringList parts = param(q, key).split(u',', Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        bool ok = false;
        const qint64 id = p.trimmed().toLongLong(&ok);
        if (ok) {
            out << id;
        }
    }
    return out;
}

} // namespace

bool LoginRedirect::matches(const QUrl &url, const QString &redirectUri)
{
    const QUrl expected(redirectUri);
    auto path = [](const QUrl &u) {
        return u.path().isEmpty() ? u"/"_s : u.path();
    };
    return url.scheme() == expected.scheme() && url.host().compare(expected.host(), Qt::CaseInsensitive) == 0
        && url.port(url.scheme() == QLatin1String("https") ? 443 : 80)
        == expected.port(expected.scheme() == QLatin1String("https") ? 443 : 80)
        && path(url) == path(expected);
}

Result<LoginRedirect> LoginRedirect::parse(const QUrl &url, const QString &redirectUri)
{
    if (!matches(url, redirectUri)) {
        return Error::make(Error::Kind::InvalidInput,
                           u"the URL is not the registered redirect URI %1"_s.arg(redirectUri));
    }
    const QUrlQuery q(url);
    if (!param(q, u"error"_s).isEmpty()) {
        return Error::make(Error::Kind::Unauthorized,
                           u"Login with DIMO reported an error"_s,
                           u"Try signing in again."_s,
                           param(q, u"error"_s) + u": "_s + param(q, u"error_description"_s));
    }
    LoginRedirect r;
    r.logout = param(q, u"logout"_s) == QLatin1String("true");
    r.token = param(q, u"token"_s);
    r.walletAddress = param(q, u"walletAddress"_s);
    r.email = param(q, u"email"_s);
    r.sharedVehicles = ids(q, u"sharedVehicles"_s);
    r.revokedVehicles = ids(q, u"revokedVehicles"_s);
    r.extendedVehicles = ids(q, u"extendedVehicles"_s);
    if (r.logout) {
        return r;
    }
    if (r.token.isEmpty()) {
        return Error::make(Error::Kind::NotSignedIn,
                           u"the login redirect carries no token"_s,
                           u"Finish the Login with DIMO flow (the redirect happens after sign-in)."_s);
    }
    if (!eth::isHexAddress(r.walletAddress)) {
        return Error::make(
            Error::Kind::InvalidInput, u"the login redirect carries no valid walletAddress"_s, u"Sign in again."_s);
    }
    return r;
}

} // namespace dimo
