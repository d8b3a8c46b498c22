// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/vehicles/vehicle.h"
#include "ui/vehicles/vehiclesignals.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace ui {

/// The vehicles the tools can reach, one row each, with their latest signals loaded lazily.
///
/// Signal columns (last seen … location) are filled by setSignals(). When a view asks for the
/// display text of a signal column of a row whose signals are not loaded, the model queues the
/// vehicle and emits signalsWanted() once per event-loop turn with every vehicle queued in that
/// turn; each vehicle is asked for at most once until setSignals() or setVehicles(). While wanted
/// a cell shows "…"; once loaded, a signal the vehicle did not report shows "—".
class VehicleListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        MakeModelYearColumn,
        TokenIdColumn,
        OwnerColumn,
        PrivilegesColumn,
        LastSeenColumn, // first signal column
        EnergyColumn, // state of charge or fuel level
        RangeColumn,
        OdometerColumn,
        LockColumn,
        LocationColumn,
        ColumnCount
    };

    enum Role {
        TokenIdRole = Qt::UserRole + 1, // qint64, any column
        SortRole, // numbers and times for sorting; never triggers signalsWanted
        FilterRole, // name, make, model, year, token id, owner (column 0 only)
    };

    explicit VehicleListModel(QObject *parent = nullptr);

    /// Replaces the list. `myWallet` is the signed-in user's wallet (owner "you"), empty if none.
    /// Loaded signals of vehicles still in the list are kept; pending requests are forgotten.
    void setVehicles(const QList<dimo::Vehicle> &vehicles, const QString &myWallet);
    /// The latest signals of a vehicle (Backend's VehicleSnapshot::latest shape; see
    /// VehicleSignals::fromJson). An empty object marks it loaded without data (cells show "—").
    void setSignals(qint64 tokenId, const QJsonObject &latest);
    /// Forgets every loaded signal (e.g. on Refresh): visible rows ask again.
    void clearSignals();
    /// The clock for ages; invalid (the default) = the current time.
    void setNow(const QDateTime &now);
    QDateTime now() const;
    /// Repaints the "last seen" ages (the window calls it every 30 s while shown).
    void refreshAges();

    dimo::Vehicle vehicleAt(int row) const;
    int rowOfToken(qint64 tokenId) const; // -1 if absent
    bool isMine(int row) const;

    QString wallet() const { return m_wallet; } // the signed-in wallet, empty if none

    bool signalsLoaded(qint64 tokenId) const;
    const VehicleSignals *signalsFor(qint64 tokenId) const; // null if not loaded
    /// Queues a vehicle's signals as if a view had shown it (no-op if loaded or already asked).
    void want(qint64 tokenId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// Token ids whose latest signals a view wants to show (batched per event-loop turn).
    void signalsWanted(const QList<qint64> &tokenIds);

private:
    QVariant displayText(int row, int column) const;
    QVariant signalText(int row, int column) const;
    QVariant sortValue(int row, int column) const;
    void flushWanted();

    QList<dimo::Vehicle> m_vehicles;
    QHash<qint64, int> m_rows; // token id → row
    QString m_wallet;
    QHash<qint64, VehicleSignals> m_signals;
    QDateTime m_now;
    mutable QSet<qint64> m_asked;
    mutable QList<qint64> m_queue;
    mutable bool m_flushScheduled = false;
};

} // namespace ui
