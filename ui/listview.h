// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <initializer_list>
#include <utility>

class QLabel;
class QTableView;

namespace ui {

// The look shared by the tray's list windows (vehicles, activity).

// A read-only list of whole rows, one selected at a time, with fixed row heights (nothing measures
// every row) and the last column stretched. columnWidths: {column, width in pixels}.
void setUpListTable(QTableView *table, std::initializer_list<std::pair<int, int>> columnWidths);

// The label beside the list that shows the selected row: rich text, wrapped, selectable, top-left.
void setUpDetailsLabel(QLabel *label);

} // namespace ui
