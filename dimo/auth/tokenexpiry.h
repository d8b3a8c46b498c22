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

// A cached JWT is reused until shortly before it expires: margin = a tenth of its lifetime,
// between 5 s and 5 min (vehicle JWTs, 600 s: 60 s; developer JWTs, 14 days: 5 min). The
// lifetime is the token's own exp − iat counted from when we received it, so a skewed local
// clock neither keeps a dead token nor throws away a fresh one. Without iat, exp is used as is.
inline qint64 refreshAt(qint64 issuedAt, qint64 expiry, qint64 receivedAt)
{
    const qint64 lifetime = issuedAt > 0 ? expiry - issuedAt : expiry - receivedAt;
    const qint64 margin = std::clamp<qint64>(lifetime / 10, 5, 300);
    return (issuedAt > 0 ? receivedAt + lifetime : expiry) - margin;
}

} // namespace dimo
