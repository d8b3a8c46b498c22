// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace ui {

class ActivityModel;

/// The activity window: every tool call (newest first), a details pane for the selected call and
/// Clear. With no calls it answers "did my AI client even call the server?". Shows the model it
/// is given (the tray keeps one ActivityModel for the whole session, window open or not).
class ActivityWindow : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityWindow(ActivityModel *model, QWidget *parent = nullptr);

    ActivityModel *model() const { return m_model; }

    quint64 selectedId() const; // 0 if none
    bool selectId(quint64 id);

    // For tests and the screenshots script.
    QTableView *tableView() const { return m_table; }

    QLabel *detailsLabel() const { return m_details; }

    QLabel *emptyLabel() const { return m_empty; }

    QPushButton *clearButton() const { return m_clear; }

    bool isShowingEmptyText() const;

private:
    void updateEmptyState();
    void updateDetails();

    ActivityModel *m_model;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTableView *m_table;
    QLabel *m_details;
    QPushButton *m_clear;
};

} // namespace ui
