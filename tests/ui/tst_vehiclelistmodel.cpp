// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "tests/ui/syntheticvehicles.h"
#include "ui/vehicles/naturalsort.h"
#include "ui/vehicles/vehiclelistmodel.h"
#include "ui/vehicles/vehiclesignals.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using ui::VehicleListModel;

namespace {

const QDateTime now = QDateTime::fromString(u"2026-12-01T12:00:00Z"_s, Qt::ISODate);

QString text(const VehicleListModel &m, int row, int column)
{
    return m.data(m.index(row, column)).toString();
}

QSet<qint64> wantedIds(const QSignalSpy &spy)
{
    QSet<qint64> ids;
    for (const auto &args : spy) {
        for (qint64 id : args.at(0).value<QList<qint64>>()) {
            ids.insert(id);
        }
    }
    return ids;
}

} // namespace

class TestVehicleListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rowsAndColumns()
    {
        VehicleListModel m;
        m.setVehicles(testvehicles::make(250), testvehicles::myWallet);
        QCOMPARE(m.rowCount(), 250);
        QCOMPARE(m.columnCount(), int(VehicleListModel::ColumnCount));
        QCOMPARE(m.columnCount(), 11);
        QCOMPARE(text(m, 7, VehicleListModel::NameColumn), u"Car 7"_s);
        QCOMPARE(text(m, 7, VehicleListModel::MakeModelYearColumn), u"Ford F-150 2022"_s);
        QCOMPARE(text(m, 7, VehicleListModel::TokenIdColumn), u"1007"_s);
        QCOMPARE(m.vehicleAt(7).tokenId, 1007);
        QCOMPARE(m.rowOfToken(1249), 249);
        QCOMPARE(m.rowOfToken(5), -1);
        QCOMPARE(m.headerData(VehicleListModel::OdometerColumn, Qt::Horizontal).toString(), u"Odometer"_s);
    }

    void ownerYouOrOther()
    {
        VehicleListModel m;
        m.setVehicles(testvehicles::make(6), testvehicles::myWallet);
        // Vehicle 0 and 3 are owned by the wallet written in upper case.
        QVERIFY(m.vehicleAt(0).owner != testvehicles::myWallet);
        QCOMPARE(text(m, 0, VehicleListModel::OwnerColumn), u"you"_s);
        QCOMPARE(text(m, 1, VehicleListModel::OwnerColumn), u"other"_s);
        QCOMPARE(text(m, 3, VehicleListModel::OwnerColumn), u"you"_s);
        m.setVehicles(testvehicles::make(6), QString());
        QCOMPARE(text(m, 0, VehicleListModel::OwnerColumn), u"other"_s);
    }

    void privilegesText()
    {
        VehicleListModel m;
        m.setVehicles(testvehicles::make(4), testvehicles::myWallet);
        QCOMPARE(text(m, 0, VehicleListModel::PrivilegesColumn), u"data, commands, location, VIN, live"_s);
        QCOMPARE(text(m, 1, VehicleListModel::PrivilegesColumn), u"data, location"_s);
        QCOMPARE(text(m, 3, VehicleListModel::PrivilegesColumn), u"not shared"_s);
    }

    void lazySignalsWantedOnlyForAskedRowsAndBatched()
    {
        VehicleListModel m;
        m.setVehicles(testvehicles::make(250), testvehicles::myWallet);
        QSignalSpy spy(&m, &VehicleListModel::signalsWanted);
        // Identity columns, sorting and filtering never ask for telemetry.
        for (int row = 0; row < 250; ++row) {
            for (int col = 0; col < VehicleListModel::LastSeenColumn; ++col) {
                text(m, row, col);
            }
            for (int col = 0; col < VehicleListModel::ColumnCount; ++col) {
                m.data(m.index(row, col), VehicleListModel::SortRole);
                m.data(m.index(row, col), VehicleListModel::FilterRole);
            }
        }
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 0);

        for (int row : {3, 4, 5}) {
            for (int col = VehicleListModel::LastSeenColumn; col < VehicleListModel::ColumnCount; ++col) {
                QCOMPARE(text(m, row, col), u"…"_s);
            }
        }
        QCOMPARE(spy.count(), 0); // batched: emitted from the event loop
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<QList<qint64>>(), (QList<qint64>{1003, 1004, 1005}));

        // Asked once: showing the rows again does not ask again.
        text(m, 3, VehicleListModel::RangeColumn);
        text(m, 5, VehicleListModel::LocationColumn);
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 1);

        // A later turn asks for new rows only.
        text(m, 5, VehicleListModel::RangeColumn);
        text(m, 200, VehicleListModel::RangeColumn);
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).value<QList<qint64>>(), QList<qint64>{1200});

        // setVehicles forgets what was asked: rows still not loaded are asked again.
        m.setVehicles(testvehicles::make(250), testvehicles::myWallet);
        text(m, 3, VehicleListModel::RangeColumn);
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.at(2).at(0).value<QList<qint64>>(), QList<qint64>{1003});
        QCOMPARE(wantedIds(spy).size(), 4);
    }

    void setSignalsFillsCells()
    {
        VehicleListModel m;
        m.setNow(now);
        m.setVehicles(testvehicles::make(10), testvehicles::myWallet);
        QSignalSpy wanted(&m, &VehicleListModel::signalsWanted);
        QCOMPARE(text(m, 2, VehicleListModel::EnergyColumn), u"…"_s);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setSignals(1002, testvehicles::latest(u"2026-12-01T11:55:00Z"_s, 81.6, 312.4, 12345.6, true));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), m.index(2, VehicleListModel::LastSeenColumn));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), m.index(2, VehicleListModel::LocationColumn));
        QVERIFY(m.signalsLoaded(1002));
        QCOMPARE(text(m, 2, VehicleListModel::LastSeenColumn), u"5 min ago"_s);
        QCOMPARE(text(m, 2, VehicleListModel::EnergyColumn), u"82 % charge"_s);
        QCOMPARE(text(m, 2, VehicleListModel::RangeColumn), u"312 km"_s);
        QCOMPARE(text(m, 2, VehicleListModel::OdometerColumn), u"12346 km"_s);
        QCOMPARE(text(m, 2, VehicleListModel::LockColumn), u"locked"_s);
        QCOMPARE(text(m, 2, VehicleListModel::LocationColumn), u"52.52000, 13.40500"_s);
        QCOMPARE(m.data(m.index(2, VehicleListModel::RangeColumn), VehicleListModel::SortRole).toDouble(), 312.4);

        // Loaded without data: "—", never asked again.
        m.setSignals(1003, QJsonObject{});
        QCOMPARE(text(m, 3, VehicleListModel::EnergyColumn), u"—"_s);
        QCOMPARE(text(m, 3, VehicleListModel::LastSeenColumn), u"—"_s);
        QCoreApplication::processEvents();
        // 1002 was queued, but its signals came before the queue was emitted; 1003 was loaded
        // before anyone asked: nothing to ask for.
        QCOMPARE(wanted.count(), 0);

        // Signals of an unknown vehicle are kept quietly, no dataChanged.
        changed.clear();
        m.setSignals(99, QJsonObject{});
        QCOMPARE(changed.count(), 0);

        // clearSignals: rows ask again.
        m.clearSignals();
        QCOMPARE(text(m, 2, VehicleListModel::EnergyColumn), u"…"_s);
        QCoreApplication::processEvents();
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.last().at(0).value<QList<qint64>>(), QList<qint64>{1002});
    }

    void mergeSignalsAndLocation()
    {
        // The data of two dimo::graphql::latestSignals() queries: signals, and location.
        const QJsonObject signalsData{
            {u"signalsLatest"_s,
             QJsonObject{{u"lastSeen"_s, u"2026-12-01T11:00:00Z"_s},
                         {u"powertrainTractionBatteryRange"_s, QJsonObject{{u"value"_s, 250}}},
                         {u"speed"_s, QJsonObject{{u"value"_s, 0}}}}}};
        const QJsonObject locationData{
            {u"signalsLatest"_s,
             QJsonObject{{u"lastSeen"_s, u"2026-12-01T10:00:00Z"_s},
                         {u"currentLocationCoordinates"_s,
                          QJsonObject{{u"value"_s, QJsonObject{{u"latitude"_s, 1.5}, {u"longitude"_s, 2.5}}}}}}}};
        const auto s = ui::VehicleSignals::fromJson(ui::mergeLatestSignals(signalsData, locationData));
        QCOMPARE(*s.range, 250.0);
        QCOMPARE(s.position->longitude, 2.5);
        QCOMPARE(s.lastSeen, QDateTime::fromString(u"2026-12-01T11:00:00Z"_s, Qt::ISODate));
        const auto t = ui::VehicleSignals::fromJson(ui::mergeLatestSignals(locationData, signalsData));
        QCOMPARE(t.lastSeen, QDateTime::fromString(u"2026-12-01T11:00:00Z"_s, Qt::ISODate));
        QCOMPARE(t.position->latitude, 1.5);
        // Only one answer (no location privilege): merging with nothing keeps it.
        const auto u = ui::VehicleSignals::fromJson(ui::mergeLatestSignals(signalsData, {}));
        QCOMPARE(*u.range, 250.0);
        QVERIFY(!u.position);
    }

    void naturalOrder()
    {
        QVERIFY(ui::naturalCompare(u"Car 9"_s, u"Car 10"_s) < 0);
        QVERIFY(ui::naturalCompare(u"car 10"_s, u"Car 9"_s) > 0);
        QVERIFY(ui::naturalCompare(u"Car 009"_s, u"Car 10"_s) < 0);
        QCOMPARE(ui::naturalCompare(u"Car 7"_s, u"car 7"_s), 0);
        QVERIFY(ui::naturalCompare(u"Car"_s, u"Car 1"_s) < 0);
        QVERIFY(ui::naturalCompare(u"Ford"_s, u"Audi"_s) > 0);
    }

    void signalShapes()
    {
        // A raw signalsLatest object, fuel, unlocked, latitude/longitude floats.
        const QJsonObject raw{{u"signalsLatest"_s,
                               QJsonObject{{u"lastSeen"_s, u"2026-12-01T10:00:00.123Z"_s},
                                           {u"powertrainFuelSystemRelativeLevel"_s, QJsonObject{{u"value"_s, 44.6}}},
                                           {u"bodyLockIsLocked"_s, QJsonObject{{u"value"_s, 0}}},
                                           {u"currentLocationLatitude"_s, QJsonObject{{u"value"_s, 48.1}}},
                                           {u"currentLocationLongitude"_s, QJsonObject{{u"value"_s, 11.5}}}}}};
        const ui::VehicleSignals s = ui::VehicleSignals::fromJson(raw);
        QCOMPARE(s.lastSeen, QDateTime::fromString(u"2026-12-01T10:00:00.123Z"_s, Qt::ISODateWithMs));
        QVERIFY(!s.stateOfCharge);
        QCOMPARE(*s.fuelLevel, 44.6);
        QCOMPARE(*s.locked, false);
        QCOMPARE(s.position->latitude, 48.1);
        QVERIFY(!s.range);

        // A signals snapshot (array) with approximate coordinates absent.
        const QJsonObject snapshot{
            {u"lastSeen"_s, u"2026-12-01T10:00:00Z"_s},
            {u"signals"_s,
             QJsonArray{QJsonObject{{u"name"_s, u"powertrainRange"_s}, {u"valueNumber"_s, 100}},
                        QJsonObject{{u"name"_s, u"vehicleIdentificationBrand"_s}, {u"valueString"_s, u"Ford"_s}}}}};
        const ui::VehicleSignals t = ui::VehicleSignals::fromJson(snapshot);
        QCOMPARE(*t.range, 100.0);
        QVERIFY(t.lastSeen.isValid());
        QVERIFY(!t.position);

        VehicleListModel m;
        m.setVehicles(testvehicles::make(1), QString());
        m.setSignals(
            1000,
            QJsonObject{{u"signals"_s,
                         QJsonObject{{u"currentLocationApproximateCoordinates"_s,
                                      QJsonObject{{u"value"_s,
                                                   QJsonObject{{u"latitude"_s, 52.5234}, {u"longitude"_s, 13.4111}}}}},
                                     {u"powertrainFuelSystemRelativeLevel"_s, QJsonObject{{u"value"_s, 20}}}}}});
        QCOMPARE(text(m, 0, VehicleListModel::LocationColumn), u"≈ 52.52, 13.41"_s);
        QCOMPARE(text(m, 0, VehicleListModel::EnergyColumn), u"20 % fuel"_s);
        QCOMPARE(text(m, 0, VehicleListModel::LastSeenColumn), u"—"_s);
    }
};

QTEST_MAIN(TestVehicleListModel)
#include "tst_vehiclelistmodel.moc"
