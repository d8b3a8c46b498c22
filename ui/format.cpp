// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/format.h"

#include <QCoreApplication>

namespace ui {

QString formatAge(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return QCoreApplication::translate("ui::formatAge", "never");
    }
    const qint64 secs = when.secsTo(now);
    if (secs < 5) {
        return QCoreApplication::translate("ui::formatAge", "just now");
    }
    if (secs < 60) {
        return QCoreApplication::translate("ui::formatAge", "%1 s ago").arg(secs);
    }
    if (secs < 3600) {
        return QCoreApplication::translate("ui::formatAge", "%1 min ago").arg(secs / 60);
    }
    if (secs < 48 * 3600) {
        return QCoreApplication::translate("ui::formatAge", "%1 h ago").arg(secs / 3600);
    }
    return QCoreApplication::translate("ui::formatAge", "%1 days ago").arg(secs / 86400);
}

} // namespace ui
