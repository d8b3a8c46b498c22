// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace ui {

// "just now", "42 s ago", "5 min ago", "3 h ago", "2 days ago"; "never" for an invalid time.
QString formatAge(const QDateTime &when, const QDateTime &now);

} // namespace ui
