// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace dimo {

// A verified Login-with-DIMO user session.
struct UserSession
{
    QString token; // the user JWT (secret)
    QString walletAddress;
    QString email;
    QDateTime expiresAt;
};

} // namespace dimo
