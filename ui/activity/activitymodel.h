// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace ui {

/// One tool call as the activity window shows it. Holds only what the caller puts in it: never
/// put arguments, tokens or responses here.
struct ActivityEntry
{
    enum Outcome { Running, Ok, Error, Cancelled };

    quint64 id = 0; // assigned by ActivityModel::begin()
    QDateTime arrived;
    QString client; // "Claude Desktop"
    QString tool; // "telemetry_get_latest_signals"
    qint64 tokenId = 0; // 0 = no vehicle
    Outcome outcome = Running;
    QString detail; // short error text
    qint64 durationMs = -1; // -1 while running
    int dimoRequests = 0;
    QString approval; // "allowed once by the user", "denied", "timed out"
    QString confirmation; // "accepted", "confirmed by telemetry", "not confirmed within 20 s"
};

/// The last `capacity` tool calls, newest first (row 0 is the most recent call). Beyond the
/// capacity the oldest call is dropped; updates for a dropped or unknown id are ignored.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ClientColumn,
        ToolColumn,
        VehicleColumn,
        OutcomeColumn,
        DurationColumn,
        RequestsColumn,
        NotesColumn, // approval and confirmation
        ColumnCount
    };

    enum Role { IdRole = Qt::UserRole + 1 };

    explicit ActivityModel(QObject *parent = nullptr);

    int capacity() const { return m_capacity; }

    void setCapacity(int capacity); // at least 1; drops the oldest calls beyond it (default 1000)

    /// Adds a call (outcome Running unless set, `arrived` now if invalid) and returns its new id.
    quint64 begin(ActivityEntry entry);
    void
    finish(quint64 id, ActivityEntry::Outcome outcome, qint64 durationMs, int dimoRequests, const QString &detail = {});
    void setApproval(quint64 id, const QString &text);
    void setConfirmation(quint64 id, const QString &text);
    void clear();

    int runningCount() const { return m_running; }

    const ActivityEntry *entryById(quint64 id) const; // null if dropped or unknown
    ActivityEntry entryAt(int row) const;
    int rowOfId(quint64 id) const; // -1 if dropped or unknown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The number of calls still running changed (for the tray's activity mark).
    void runningCountChanged(int running);

private:
    void trim();
    void changed(int row);
    void setRunning(int running);

    QList<ActivityEntry> m_entries; // newest first
    int m_capacity = 1000;
    quint64 m_lastId = 0;
    int m_running = 0;
};

/// Texts for the table and details: "running…", "ok", "error: …", "cancelled"; "340 ms", "1.2 s".
QString outcomeText(const ActivityEntry &entry);
QString durationText(qint64 durationMs);

} // namespace ui
