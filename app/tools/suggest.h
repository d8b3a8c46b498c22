// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace app::tools {

// Names longer than this get no suggestions: no DIMO name is near that long (signals reach 57),
// and the edit distance costs |name| × |candidate| per candidate (issue 15: a 3.9 MB name froze
// the tray). Also the maxLength the tool schemas declare for names (signals, types, searches).
inline constexpr qsizetype MaxSuggestedNameLength = 100;

// Levenshtein distance, case-insensitive. With `maxDistance` ≥ 0 the work stops as soon as the
// distance must exceed it, and maxDistance + 1 is returned then.
int editDistance(QStringView a, QStringView b, int maxDistance = -1);

// Up to `max` names from `candidates` that look like `name` (small edit distance, or one
// contains the other), best first. Empty when nothing is close or `name` is longer than
// MaxSuggestedNameLength.
QStringList closestNames(const QString &name, const QStringList &candidates, int max = 3);

// " Did you mean a, b or c?" or an empty string.
QString didYouMean(const QStringList &names);

// `name` to quote in a message: cut to MaxSuggestedNameLength characters with "…" when longer.
QString quotable(const QString &name);

} // namespace app::tools
