// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/format.h"

using namespace Qt::StringLiterals;

namespace ui {

QString formatAge(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return u"never"_s;
    }
    const qint64 secs = when.secsTo(now);
    if (secs < 5) {
        return u"just now"_s;
    }
    if (secs < 60) {
        return u"%1 s ago"_s.arg(secs);
    }
    if (secs < 3600) {
        return u"%1 min ago"_s.arg(secs / 60);
    }
    if (secs < 48 * 3600) {
        return u"%1 h ago"_s.arg(secs / 3600);
    }
    return u"%1 days ago"_s.arg(secs / 86400);
}

} // namespace ui
