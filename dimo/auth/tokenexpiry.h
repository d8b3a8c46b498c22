// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>

#include <algorithm>
#include <functional>

namespace dimo {

// Seconds since the epoch; injectable so tests can move time.
using Clock = std::function<qint64()>;

inline Clock systemClock()
{
    return [] {
        return QDateTime::currentSecsSinceEpoch();
    };
}

// A cached JWT is reused until `exp - margin`, margin = a tenth of its lifetime, between 5 s and
// 5 min (vehicle JWTs, 600 s: 60 s; developer JWTs, 14 days: 5 min).
inline qint64 refreshAt(qint64 issuedAt, qint64 expiry, qint64 now)
{
    const qint64 lifetime = expiry - (issuedAt > 0 ? issuedAt : now);
    const qint64 margin = std::clamp<qint64>(lifetime / 10, 5, 300);
    return expiry - margin;
}

} // namespace dimo
