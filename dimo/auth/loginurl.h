// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace dimo {

struct Credentials;
struct Environment;

// What to ask Login with DIMO for (dimo-api README §9.1).
struct LoginRequest
{
    enum class Entry {
        Login, // EMAIL_INPUT: sign in only
        ShareVehicles, // VEHICLE_MANAGER: sign in and share vehicles
    };
    Entry entry = Entry::Login;
    int permissionTemplateId = 0; // 1 = [1..6], 2 = [1,3,4,5,6]; takes precedence over permissions
    QList<int> permissions; // explicit privilege ids
    QList<qint64> vehicles; // token ids to preselect
    QStringList vehicleMakes;
    QDateTime expiration; // share expiry; invalid = DIMO's default (100 years)
    // Echoed on the redirect as `state=…`: sent as `utm=state%3D…`, whose key/values Login with
    // DIMO merges into the return URL (§9.1/§9.2). Binds a redirect to one login attempt.
    QString state;
};

// Builds https://login.dimo.org/?clientId=…&redirectUri=…&entryState=… (arrays as repeated keys).
// Rejects a share request without permissions, unknown privilege ids, or an expiry in the past
// (before `nowSecs`, the client's clock).
Result<QUrl>
buildLoginUrl(const Environment &env, const Credentials &creds, const LoginRequest &request, qint64 nowSecs);

// "11011100" for [1,2,4,5,6]: one digit per privilege, leftmost = privilege 1, at least 8 digits.
QString permissionsBitString(const QList<int> &ids);

} // namespace dimo
