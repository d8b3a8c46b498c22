// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/vehicles/naturalsort.h"

using namespace Qt::StringLiterals;

namespace ui {

namespace {

QString withoutLeadingZeros(QString digits)
{
    while (digits.size() > 1 && digits.startsWith(u'0')) {
        digits.remove(0, 1);
    }
    return digits;
}

} // namespace

int naturalCompare(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            const qsizetype si = i;
            const qsizetype sj = j;
            while (i < a.size() && a.at(i).isDigit()) {
                ++i;
            }
            while (j < b.size() && b.at(j).isDigit()) {
                ++j;
            }
            const QString ta = withoutLeadingZeros(a.mid(si, i - si));
            const QString tb = withoutLeadingZeros(b.mid(sj, j - sj));
            if (ta.size() != tb.size()) {
                return ta.size() < tb.size() ? -1 : 1;
            }
            if (const int c = ta.compare(tb); c != 0) {
                return c;
            }
            continue;
        }
        const int c = QString::compare(a.at(i), b.at(j), Qt::CaseInsensitive);
        if (c != 0) {
            return c;
        }
        ++i;
        ++j;
    }
    return (a.size() - i > 0 ? 1 : 0) - (b.size() - j > 0 ? 1 : 0);
}

bool NaturalSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString) {
        return naturalCompare(l.toString(), r.toString()) < 0;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace ui
