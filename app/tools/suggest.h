// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace app::tools {

// Levenshtein distance, case-insensitive.
int editDistance(QStringView a, QStringView b);

// Up to `max` names from `candidates` that look like `name` (small edit distance, or one
// contains the other), best first. Empty when nothing is close.
QStringList closestNames(const QString &name, const QStringList &candidates, int max = 3);

// " Did you mean a, b or c?" or an empty string.
QString didYouMean(const QStringList &names);

} // namespace app::tools
