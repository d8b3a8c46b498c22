// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/activity/activitywindow.h"

#include "ui/activity/activitymodel.h"
#include "ui/listview.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
// Translation context for the free functions here (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ui::ActivityWindow)
};
} // namespace

namespace {

QString row(const QString &label, const QString &value)
{
    // Label above value: error texts get the pane's full width.
    return u"<p style=\"margin: 0 0 6px 0\"><b>%1</b><br>%2</p>"_s.arg(
        label.toHtmlEscaped(), value.isEmpty() ? u"—"_s : value.toHtmlEscaped());
}

QString detailsHtml(const ActivityEntry &e)
{
    QString html = u"<h3>%1</h3>"_s.arg(e.tool.toHtmlEscaped());
    html += row(Text::tr("Arrived"), e.arrived.toLocalTime().toString(Qt::ISODateWithMs));
    html += row(Text::tr("Client"), e.client);
    html += row(Text::tr("Vehicle"), e.tokenId != 0 ? Text::tr("token %1").arg(e.tokenId) : QString());
    html += row(Text::tr("Outcome"), outcomeText(e));
    html += row(Text::tr("Duration"), durationText(e.durationMs));
    html += row(Text::tr("DIMO requests"), QString::number(e.dimoRequests));
    if (!e.approval.isEmpty()) {
        html += row(Text::tr("Approval"), e.approval);
    }
    if (!e.confirmation.isEmpty()) {
        html += row(Text::tr("Confirmation"), e.confirmation);
    }
    return html;
}

} // namespace

ActivityWindow::ActivityWindow(ActivityModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_table(new QTableView(this))
    , m_details(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear"), this))
{
    setWindowTitle(tr("Activity — DIMO Tray"));
    resize(1100, 500);

    m_table->setModel(m_model);
    setUpListTable(m_table,
                   {{ActivityModel::TimeColumn, 80},
                    {ActivityModel::ClientColumn, 130},
                    {ActivityModel::ToolColumn, 220},
                    {ActivityModel::VehicleColumn, 80},
                    {ActivityModel::OutcomeColumn, 160},
                    {ActivityModel::DurationColumn, 80},
                    {ActivityModel::RequestsColumn, 110}});

    setUpDetailsLabel(m_details);
    m_details->setMargin(6);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_details);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(240);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({700, 280});

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(24);
    m_empty->setText(tr("No tool calls yet.\n\nIf your AI client seems stuck, check that it lists the dimo server and "
                        "is connected (tray menu → Connect an AI client…). Every call it makes appears here as it "
                        "arrives."));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(splitter);

    auto *bottom = new QHBoxLayout;
    auto *note = new QLabel(tr("Kept in memory only, for this session."), this);
    note->setEnabled(false);
    bottom->addWidget(note, 1);
    bottom->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addLayout(bottom);

    connect(m_clear, &QPushButton::clicked, m_model, &ActivityModel::clear);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ActivityWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityWindow::updateDetails);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ActivityWindow::updateDetails);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ActivityWindow::updateDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const int row = m_model->rowOfId(selectedId());
        if (row >= from.row() && row <= to.row()) {
            updateDetails();
        }
    });
    updateEmptyState();
    updateDetails();
}

quint64 ActivityWindow::selectedId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ActivityModel::IdRole).toULongLong() : 0;
}

bool ActivityWindow::selectId(quint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0) {
        return false;
    }
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

bool ActivityWindow::isShowingEmptyText() const
{
    return m_stack->currentWidget() == m_empty;
}

void ActivityWindow::updateEmptyState()
{
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
    m_clear->setEnabled(m_model->rowCount() > 0);
}

void ActivityWindow::updateDetails()
{
    const ActivityEntry *e = m_model->entryById(selectedId());
    m_details->setText(e ? detailsHtml(*e) : tr("Select a call to see its details."));
}

} // namespace ui
