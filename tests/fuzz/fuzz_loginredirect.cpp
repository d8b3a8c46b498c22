// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: parsing of Login with DIMO redirects (dimo::LoginRedirect), the URL the login
// window or the headless listener hands over. The input is the redirect URL (or, after a NUL, the
// query string appended to the registered URI). Invariants: no crash; only a URL that matches the
// registered redirect URI is ever accepted, and an accepted sign-in (not a logout) carries a token
// and a wallet address.
#include "dimo/auth/loginredirect.h"

#include <QUrl>

#include <cstdint>

#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    static const QString registered = u"http://127.0.0.1:47100/callback"_s;
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto [url, query] = fuzz::split(input);
    QUrl target;
    if (input.contains('\0')) {
        target = QUrl(registered);
        target.setQuery(QString::fromUtf8(query), QUrl::TolerantMode);
    } else {
        target = QUrl(QString::fromUtf8(url), QUrl::TolerantMode);
    }
    const bool matches = dimo::LoginRedirect::matches(target, registered);
    const auto parsed = dimo::LoginRedirect::parse(target, registered);
    if (parsed) {
        fuzz::check(matches, "an accepted redirect matches the registered URI");
        if (!parsed.value().logout) {
            fuzz::check(!parsed.value().token.isEmpty(), "an accepted sign-in carries a token");
            fuzz::check(parsed.value().walletAddress.size() == 42, "an accepted sign-in carries a wallet address");
        }
    } else {
        fuzz::check(!parsed.error().message.isEmpty(), "a refused redirect says why");
    }
    return 0;
}
