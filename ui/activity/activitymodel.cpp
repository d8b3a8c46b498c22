// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/activity/activitymodel.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
// Translation context for the free functions here (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ui::ActivityModel)
};
} // namespace

QString outcomeText(const ActivityEntry &e)
{
    switch (e.outcome) {
    case ActivityEntry::Running:
        return Text::tr("running…");
    case ActivityEntry::Ok:
        return Text::tr("ok");
    case ActivityEntry::Error:
        return e.detail.isEmpty() ? Text::tr("error") : Text::tr("error: %1").arg(e.detail);
    case ActivityEntry::Cancelled:
        return Text::tr("cancelled");
    }
    return {};
}

QString durationText(qint64 ms)
{
    if (ms < 0) {
        return {};
    }
    if (ms < 1000) {
        return Text::tr("%1 ms").arg(ms);
    }
    return u"%1 s"_s.arg(static_cast<double>(ms) / 1000.0, 0, 'f', 1);
}

ActivityModel::ActivityModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ActivityModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    trim();
}

/*!
  Ids are assigned in increasing order and calls are only ever dropped from the old end, so the
  row of an id is m_lastId - id: lookups stay O(1) at any capacity.
*/
quint64 ActivityModel::begin(ActivityEntry entry)
{
    entry.id = ++m_lastId;
    if (!entry.arrived.isValid()) {
        entry.arrived = QDateTime::currentDateTime();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
    trim();
    if (entry.outcome == ActivityEntry::Running) {
        setRunning(m_running + 1);
    }
    return entry.id;
}

void ActivityModel::finish(
    quint64 id, ActivityEntry::Outcome outcome, qint64 durationMs, int dimoRequests, const QString &detail)
{
    const int row = rowOfId(id);
    if (row < 0) {
        return;
    }
    ActivityEntry &e = m_entries[row];
    const bool wasRunning = e.outcome == ActivityEntry::Running;
    e.outcome = outcome;
    e.durationMs = durationMs;
    e.dimoRequests = dimoRequests;
    e.detail = detail;
    changed(row);
    if (wasRunning && outcome != ActivityEntry::Running) {
        setRunning(m_running - 1);
    }
}

void ActivityModel::setApproval(quint64 id, const QString &text)
{
    const int row = rowOfId(id);
    if (row >= 0) {
        m_entries[row].approval = text;
        changed(row);
    }
}

void ActivityModel::setConfirmation(quint64 id, const QString &text)
{
    const int row = rowOfId(id);
    if (row >= 0) {
        m_entries[row].confirmation = text;
        changed(row);
    }
}

void ActivityModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    setRunning(0);
}

const ActivityEntry *ActivityModel::entryById(quint64 id) const
{
    const int row = rowOfId(id);
    return row < 0 ? nullptr : &m_entries.at(row);
}

ActivityEntry ActivityModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : ActivityEntry{};
}

int ActivityModel::rowOfId(quint64 id) const
{
    if (id == 0 || id > m_lastId || m_lastId - id >= static_cast<quint64>(m_entries.size())) {
        return -1;
    }
    const int row = static_cast<int>(m_lastId - id);
    return m_entries.at(row).id == id ? row : -1;
}

void ActivityModel::trim()
{
    if (m_entries.size() <= m_capacity) {
        return;
    }
    int dropped = 0;
    for (qsizetype i = m_capacity; i < m_entries.size(); ++i) {
        dropped += m_entries.at(i).outcome == ActivityEntry::Running ? 1 : 0;
    }
    beginRemoveRows({}, m_capacity, static_cast<int>(m_entries.size() - 1));
    m_entries.resize(m_capacity);
    endRemoveRows();
    if (dropped > 0) {
        setRunning(m_running - dropped);
    }
}

void ActivityModel::changed(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ActivityModel::setRunning(int running)
{
    if (running != m_running) {
        m_running = running;
        Q_EMIT runningCountChanged(running);
    }
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size()) {
        return {};
    }
    const ActivityEntry &e = m_entries.at(index.row());
    if (role == IdRole) {
        return e.id;
    }
    if (role == Qt::ToolTipRole && index.column() == TimeColumn) {
        return e.arrived.toLocalTime().toString(Qt::ISODateWithMs);
    }
    if (role == Qt::TextAlignmentRole
        && (index.column() == DurationColumn || index.column() == RequestsColumn || index.column() == VehicleColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return e.arrived.toLocalTime().toString(u"HH:mm:ss"_s);
    case ClientColumn:
        return e.client;
    case ToolColumn:
        return e.tool;
    case VehicleColumn:
        return e.tokenId != 0 ? QString::number(e.tokenId) : QString();
    case OutcomeColumn:
        return outcomeText(e);
    case DurationColumn:
        return durationText(e.durationMs);
    case RequestsColumn:
        return e.outcome == ActivityEntry::Running && e.dimoRequests == 0 ? QString() : QString::number(e.dimoRequests);
    case NotesColumn: {
        QStringList notes;
        for (const QString &n : {e.approval, e.confirmation}) {
            if (!n.isEmpty()) {
                notes << n;
            }
        }
        return notes.join(u"; "_s);
    }
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const QStringList titles{tr("Time"),
                             tr("Client"),
                             tr("Tool"),
                             tr("Vehicle"),
                             tr("Outcome"),
                             tr("Duration"),
                             tr("DIMO requests"),
                             tr("Approval / confirmation")};
    return section >= 0 && section < titles.size() ? QVariant(titles.at(section)) : QVariant();
}

} // namespace ui
