// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/vehicles/vehiclelistmodel.h"

#include "ui/format.h"
#include "ui/vehicles/vehicletext.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace ui {

VehicleListModel::VehicleListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void VehicleListModel::setVehicles(const QList<dimo::Vehicle> &vehicles, const QString &myWallet)
{
    beginResetModel();
    m_vehicles = vehicles;
    m_wallet = myWallet;
    m_rows.clear();
    for (int i = 0; i < m_vehicles.size(); ++i) {
        m_rows.insert(m_vehicles.at(i).tokenId, i);
    }
    m_signals.removeIf([this](const auto &it) {
        return !m_rows.contains(it.key());
    });
    m_asked.clear();
    m_queue.clear();
    endResetModel();
}

void VehicleListModel::setSignals(qint64 tokenId, const QJsonObject &latest)
{
    m_signals.insert(tokenId, VehicleSignals::fromJson(latest));
    m_asked.remove(tokenId);
    m_queue.removeAll(tokenId);
    const int row = rowOfToken(tokenId);
    if (row >= 0) {
        Q_EMIT dataChanged(index(row, LastSeenColumn), index(row, ColumnCount - 1));
    }
}

void VehicleListModel::clearSignals()
{
    m_signals.clear();
    m_asked.clear();
    m_queue.clear();
    if (!m_vehicles.isEmpty()) {
        Q_EMIT dataChanged(index(0, LastSeenColumn), index(rowCount() - 1, ColumnCount - 1));
    }
}

void VehicleListModel::setNow(const QDateTime &now)
{
    m_now = now;
    refreshAges();
}

void VehicleListModel::refreshAges()
{
    if (!m_vehicles.isEmpty()) {
        Q_EMIT dataChanged(index(0, LastSeenColumn), index(rowCount() - 1, LastSeenColumn));
    }
}

QDateTime VehicleListModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

dimo::Vehicle VehicleListModel::vehicleAt(int row) const
{
    return row >= 0 && row < m_vehicles.size() ? m_vehicles.at(row) : dimo::Vehicle{};
}

int VehicleListModel::rowOfToken(qint64 tokenId) const
{
    return m_rows.value(tokenId, -1);
}

bool VehicleListModel::isMine(int row) const
{
    return !m_wallet.isEmpty() && row >= 0 && row < m_vehicles.size()
        && m_vehicles.at(row).owner.compare(m_wallet, Qt::CaseInsensitive) == 0;
}

bool VehicleListModel::signalsLoaded(qint64 tokenId) const
{
    return m_signals.contains(tokenId);
}

const VehicleSignals *VehicleListModel::signalsFor(qint64 tokenId) const
{
    const auto it = m_signals.constFind(tokenId);
    return it == m_signals.constEnd() ? nullptr : &it.value();
}

/*!
  Queues `tokenId` unless its signals are loaded or it was asked for already; the queue is
  emitted by signalsWanted() from the event loop (a queued call), so a view painting 40 rows
  produces one signal with 40 ids. const because data() calls it.
*/
void VehicleListModel::want(qint64 tokenId) const
{
    if (m_signals.contains(tokenId) || m_asked.contains(tokenId) || !m_rows.contains(tokenId)) {
        return;
    }
    m_asked.insert(tokenId);
    m_queue.append(tokenId);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        auto *self = const_cast<VehicleListModel *>(this);
        QMetaObject::invokeMethod(
            self,
            [self] {
                self->flushWanted();
            },
            Qt::QueuedConnection);
    }
}

void VehicleListModel::flushWanted()
{
    m_flushScheduled = false;
    if (m_queue.isEmpty()) {
        return;
    }
    const QList<qint64> ids = std::exchange(m_queue, {});
    Q_EMIT signalsWanted(ids);
}

int VehicleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_vehicles.size());
}

int VehicleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VehicleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_vehicles.size()) {
        return {};
    }
    const dimo::Vehicle &v = m_vehicles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row(), index.column());
    case TokenIdRole:
        return v.tokenId;
    case SortRole:
        return sortValue(index.row(), index.column());
    case FilterRole:
        return QStringList{v.name,
                           v.make,
                           v.model,
                           QString::number(v.year),
                           QString::number(v.tokenId),
                           isMine(index.row()) ? u"you"_s : u"other"_s}
            .join(u' ');
    case Qt::TextAlignmentRole:
        if (index.column() == TokenIdColumn || index.column() == RangeColumn || index.column() == OdometerColumn) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LastSeenColumn) {
            const VehicleSignals *s = signalsFor(v.tokenId);
            return s && s->lastSeen.isValid() ? s->lastSeen.toLocalTime().toString(Qt::ISODate) : QVariant();
        }
        if (index.column() == OwnerColumn) {
            return v.owner;
        }
        if (index.column() == PrivilegesColumn) {
            return privilegesLongText(v);
        }
        return {};
    default:
        return {};
    }
}

QVariant VehicleListModel::displayText(int row, int column) const
{
    const dimo::Vehicle &v = m_vehicles.at(row);
    switch (column) {
    case NameColumn:
        return v.name.isEmpty() ? tr("Vehicle %1").arg(v.tokenId) : v.name;
    case MakeModelYearColumn:
        return u"%1 %2 %3"_s.arg(v.make, v.model, v.year > 0 ? QString::number(v.year) : QString()).trimmed();
    case TokenIdColumn:
        return QString::number(v.tokenId);
    case OwnerColumn:
        return isMine(row) ? tr("you") : tr("other");
    case PrivilegesColumn:
        return privilegesShortText(v);
    default:
        return signalText(row, column);
    }
}

QVariant VehicleListModel::signalText(int row, int column) const
{
    const qint64 tokenId = m_vehicles.at(row).tokenId;
    const VehicleSignals *s = signalsFor(tokenId);
    if (!s) {
        want(tokenId);
        return u"…"_s;
    }
    QString text;
    switch (column) {
    case LastSeenColumn:
        text = s->lastSeen.isValid() ? formatAge(s->lastSeen, now()) : QString();
        break;
    case EnergyColumn:
        text = energyText(*s);
        break;
    case RangeColumn:
        text = distanceText(s->range);
        break;
    case OdometerColumn:
        text = distanceText(s->odometer);
        break;
    case LockColumn:
        text = lockText(*s);
        break;
    case LocationColumn:
        text = positionText(*s);
        break;
    default:
        return {};
    }
    return text.isEmpty() ? u"—"_s : text;
}

QVariant VehicleListModel::sortValue(int row, int column) const
{
    const dimo::Vehicle &v = m_vehicles.at(row);
    const VehicleSignals *s = signalsFor(v.tokenId);
    const auto num = [](const std::optional<double> &d) {
        return d ? QVariant(*d) : QVariant(-1.0);
    };
    switch (column) {
    case TokenIdColumn:
        return v.tokenId;
    case LastSeenColumn:
        return s && s->lastSeen.isValid() ? s->lastSeen.toMSecsSinceEpoch() : qint64(0);
    case EnergyColumn:
        return s ? num(s->stateOfCharge ? s->stateOfCharge : s->fuelLevel) : QVariant(-1.0);
    case RangeColumn:
        return s ? num(s->range) : QVariant(-1.0);
    case OdometerColumn:
        return s ? num(s->odometer) : QVariant(-1.0);
    case LockColumn:
    case LocationColumn:
        return s ? signalText(row, column) : QVariant(QString());
    default:
        return displayText(row, column).toString().toLower();
    }
}

QVariant VehicleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const QStringList titles{tr("Name"),
                             tr("Vehicle"),
                             tr("Token id"),
                             tr("Owner"),
                             tr("Privileges"),
                             tr("Last seen"),
                             tr("Charge / fuel"),
                             tr("Range"),
                             tr("Odometer"),
                             tr("Locked"),
                             tr("Location")};
    return section >= 0 && section < titles.size() ? QVariant(titles.at(section)) : QVariant();
}

} // namespace ui
