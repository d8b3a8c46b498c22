// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace dimo {

// Service root URLs (no trailing slash) and chain constants of one DIMO deployment.
// Endpoint paths are appended as in production: auth "/auth/web3/...", "/keys"; identity and
// telemetry "/query"; token exchange "/v1/tokens/exchange"; ...
struct Environment
{
    QString name; // "production", "dev" or "custom"
    QUrl auth;
    QUrl tokenExchange;
    QUrl identity;
    QUrl telemetry;
    QUrl devices; // legacy command route (devices-api); used only without teslaOracle
    QUrl teslaOracle; // vehicle commands (dimo-api README §6.1)
    QUrl attestation;
    QUrl deviceDefinitions;
    QUrl login;
    QUrl creditTracker; // credits per license and vehicle (optional in an environment file)
    int chainId = 137;
    QString vehicleNftAddress;

    static Environment production();
    static Environment dev(); // Polygon Amoy
    // The simulator's environment file: {"auth": "http://…", "identity": "http://…", …}.
    // `devices`, `teslaOracle` and `creditTracker` are optional; every other service is required.
    static Result<Environment> fromFile(const QString &path);
    static Result<Environment> fromJson(const QJsonObject &object);
    // "production", "dev", or a path to an environment file. Applies DIMO_LOGIN_BASE_URL.
    static Result<Environment> byName(const QString &nameOrPath);

    // Honours DIMO_LOGIN_BASE_URL (an absolute http(s) URL) for the Login with DIMO web app.
    Environment withOverrides() const;

    // root + path, e.g. endpoint(identity, "/query").
    static QUrl endpoint(const QUrl &root, const QString &path);
    // The issuer expected in developer/user JWTs: the auth root without a trailing slash.
    QString authIssuer() const;
};

} // namespace dimo
