// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace ui {

/// "Car 9" before "Car 10": runs of digits compare by value, the rest case-insensitively
/// (QCollator's numeric mode needs ICU, which the C locale and some builds lack). <0, 0, >0.
int naturalCompare(const QString &a, const QString &b);

/// A sort/filter proxy whose string sort keys compare with naturalCompare().
class NaturalSortProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace ui
