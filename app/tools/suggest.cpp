// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/suggest.h"

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace app::tools {

int editDistance(QStringView a, QStringView b, int maxDistance)
{
    if (maxDistance >= 0 && std::abs(a.size() - b.size()) > maxDistance) {
        return maxDistance + 1; // the length difference alone is too much
    }
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j) {
        row[j] = int(j);
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        int best = row[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            const bool same = a[i - 1].toCaseFolded() == b[j - 1].toCaseFolded();
            row[size_t(j)] = std::min({above + 1, row[size_t(j - 1)] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
            best = std::min(best, row[size_t(j)]);
        }
        if (maxDistance >= 0 && best > maxDistance) {
            return maxDistance + 1; // every later row is at least this row's minimum
        }
    }
    return row[size_t(b.size())];
}

QStringList closestNames(const QString &name, const QStringList &candidates, int max)
{
    if (name.isEmpty() || name.size() > MaxSuggestedNameLength) {
        return {};
    }

    struct Scored
    {
        int score;
        QString name;
    };

    std::vector<Scored> scored;
    const int limit = std::max(2, int(name.size()) / 3);
    for (const QString &candidate : candidates) {
        // Past limit + 1 the exact distance does not matter: only whether it is within limit.
        int d = editDistance(name, candidate, limit + 1);
        const bool contains = name.size() >= 3
            && (candidate.contains(name, Qt::CaseInsensitive) || name.contains(candidate, Qt::CaseInsensitive));
        if (contains) {
            d = std::min(d, 1 + int(std::abs(candidate.size() - name.size())) / 8);
        }
        // A long shared prefix ("currentLocation…") makes a name a candidate too.
        qsizetype prefix = 0;
        while (prefix < name.size() && prefix < candidate.size()
               && name.at(prefix).toCaseFolded() == candidate.at(prefix).toCaseFolded()) {
            ++prefix;
        }
        const bool sharesPrefix = prefix >= std::max<qsizetype>(6, name.size() / 2);
        if (sharesPrefix) {
            d = std::min(d, limit + 1);
        }
        if (d <= limit || contains || sharesPrefix) {
            scored.push_back({d, candidate});
        }
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored &x, const Scored &y) {
        return x.score < y.score;
    });
    QStringList out;
    for (const Scored &s : scored) {
        if (out.size() >= max) {
            break;
        }
        if (!out.contains(s.name)) {
            out << s.name;
        }
    }
    return out;
}

QString didYouMean(const QStringList &names)
{
    if (names.isEmpty()) {
        return {};
    }
    if (names.size() == 1) {
        return u" Did you mean %1?"_s.arg(names.first());
    }
    QStringList head = names;
    const QString last = head.takeLast();
    return u" Did you mean %1 or %2?"_s.arg(head.join(u", "_s), last);
}

QString quotable(const QString &name)
{
    return name.size() <= MaxSuggestedNameLength ? name : name.left(MaxSuggestedNameLength) + u"…"_s;
}

} // namespace app::tools
