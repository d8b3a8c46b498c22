// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace dimo {

// The parameters Login with DIMO appends to the redirect URI (dimo-api README §9.2).
// The literal "undefined" and empty values are treated as absent.
struct LoginRedirect
{
    QString token; // user JWT: not yet verified, see UserJwtVerifier
    QString walletAddress;
    QString email;
    QList<qint64> sharedVehicles;
    QList<qint64> revokedVehicles;
    QList<qint64> extendedVehicles;
    bool logout = false;

    // True if `url` is a navigation to the registered redirect URI (scheme, host, port, path).
    static bool matches(const QUrl &url, const QString &redirectUri);
    // Parses a redirect. Errors: not our redirect URI, an `error` parameter, or no token/wallet.
    static Result<LoginRedirect> parse(const QUrl &url, const QString &redirectUri);
};

} // namespace dimo
