// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "tests/ui/syntheticvehicles.h"
#include "ui/vehicles/vehiclelistmodel.h"
#include "ui/vehicles/vehicleswindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using ui::VehicleListModel;
using ui::VehiclesWindow;

namespace {

QPushButton *button(QWidget *w, const QString &text)
{
    for (auto *b : w->findChildren<QPushButton *>()) {
        if (b->text() == text) {
            return b;
        }
    }
    return nullptr;
}

} // namespace

class TestVehiclesWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void emptyListExplains()
    {
        VehiclesWindow w;
        w.show();
        QVERIFY(w.isShowingEmptyText());
        w.setVehicles(testvehicles::make(3), testvehicles::myWallet);
        QVERIFY(!w.isShowingEmptyText());
        w.setVehicles({}, testvehicles::myWallet);
        QVERIFY(w.isShowingEmptyText());
        w.setEmptyText(u"Signed out: log in to see your vehicles."_s);
        const auto labels = w.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
            return l->isVisible() && l->text() == u"Signed out: log in to see your vehicles."_s;
        }));
    }

    void showingAsksOnlyForVisibleRows()
    {
        VehiclesWindow w;
        QSignalSpy wanted(w.model(), &VehicleListModel::signalsWanted);
        w.setVehicles(testvehicles::make(250), testvehicles::myWallet);
        w.resize(2400, 400); // every signal column visible: a row is painted in 6 signal cells
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(wanted.count() >= 1);
        QTest::qWait(50);
        QSet<qint64> ids;
        for (const auto &args : wanted) {
            for (qint64 id : args.at(0).value<QList<qint64>>()) {
                QVERIFY2(!ids.contains(id), "a vehicle was asked for twice");
                ids.insert(id);
            }
        }
        QVERIFY2(ids.size() < 60, qPrintable(u"asked for %1 vehicles"_s.arg(ids.size())));
        QVERIFY(ids.size() >= 5);
        QVERIFY(wanted.count() <= 3); // batched, not one signal per cell

        // Scrolling to the end asks for the rows that came into view, and only those.
        const qsizetype before = wanted.count();
        w.tableView()->scrollToBottom();
        QTRY_VERIFY(wanted.count() > before);
        QTest::qWait(50);
        QSet<qint64> later;
        for (qsizetype i = before; i < wanted.count(); ++i) {
            for (qint64 id : wanted.at(i).at(0).value<QList<qint64>>()) {
                QVERIFY2(!ids.contains(id) && !later.contains(id), "a vehicle was asked for twice");
                later.insert(id);
            }
        }
        QVERIFY(later.size() >= 5 && later.size() < 60);
    }

    void filterAndSort()
    {
        VehiclesWindow w;
        w.setVehicles(testvehicles::make(250), testvehicles::myWallet);
        w.show();
        QAbstractItemModel *view = w.tableView()->model();
        QCOMPARE(view->rowCount(), 250);
        // Sorted by name, numbers by value: Car 0, Car 1, Car 2 … Car 249.
        QCOMPARE(view->index(0, VehicleListModel::NameColumn).data().toString(), u"Car 0"_s);
        QCOMPARE(view->index(2, VehicleListModel::NameColumn).data().toString(), u"Car 2"_s);
        QCOMPARE(view->index(249, VehicleListModel::NameColumn).data().toString(), u"Car 249"_s);
        QTest::keyClicks(w.filterEdit(), u"car 17"_s);
        QCOMPARE(view->rowCount(), 11); // Car 17, Car 170 … Car 179
        w.filterEdit()->setText(u"1042"_s);
        QCOMPARE(view->rowCount(), 1);
        QCOMPARE(view->index(0, VehicleListModel::NameColumn).data().toString(), u"Car 42"_s);
        w.filterEdit()->setText(u"prius"_s);
        QCOMPARE(view->rowCount(), 83); // i % 3 == 2 for i < 250
        w.filterEdit()->clear();
        w.tableView()->sortByColumn(VehicleListModel::TokenIdColumn, Qt::DescendingOrder);
        QCOMPARE(view->index(0, VehicleListModel::TokenIdColumn).data().toString(), u"1249"_s);
    }

    void selectionShowsDetailsAndReshare()
    {
        VehiclesWindow w;
        w.model()->setNow(QDateTime::fromString(u"2026-12-01T12:00:00Z"_s, Qt::ISODate));
        w.setVehicles(testvehicles::make(250), testvehicles::myWallet);
        w.show();
        QSignalSpy reshare(&w, &VehiclesWindow::reshareRequested);

        // Car 9: yours, shared with {1, 4}: lacks commands, VIN and live data.
        QVERIFY(w.selectToken(1009));
        QCOMPARE(w.selectedTokenId(), 1009);
        const QString details = w.detailsLabel()->text();
        QVERIFY2(details.contains(u"Car 9"_s), qPrintable(details));
        QVERIFY(details.contains(u"1009"_s));
        QVERIFY(details.contains(u"All-time location"_s));
        QVERIFY(details.contains(u"2027-06-01"_s)); // grant expiry
        QVERIFY(details.contains(u"loading…"_s));
        QVERIFY(w.grantButton()->isVisible());
        QVERIFY(w.grantButton()->isEnabled());
        QCOMPARE(w.grantButton()->text(), u"Grant commands, VIN, live…"_s);
        QTest::mouseClick(w.grantButton(), Qt::LeftButton);
        QCOMPARE(reshare.count(), 1);
        QCOMPARE(reshare.at(0).at(0).toLongLong(), 1009);
        QCOMPARE(reshare.at(0).at(1).value<QList<int>>(), (QList<int>{2, 5, 6}));

        // Signals arriving for the selected vehicle update the pane.
        w.model()->setSignals(1009, testvehicles::latest(u"2026-12-01T11:00:00Z"_s, 55, 200, 1000, false));
        QVERIFY(w.detailsLabel()->text().contains(u"55 % charge"_s));
        QVERIFY(w.detailsLabel()->text().contains(u"unlocked"_s));

        // Car 0: every wanted privilege granted: no button.
        QVERIFY(w.selectToken(1000));
        QVERIFY(!w.grantButton()->isVisible());

        // Car 2: someone else's: the button is there but only the owner can grant.
        QVERIFY(w.selectToken(1002));
        QVERIFY(w.grantButton()->isVisible());
        QVERIFY(!w.grantButton()->isEnabled());

        // The selection survives a refresh of the list.
        w.setVehicles(testvehicles::make(250), testvehicles::myWallet);
        QCOMPARE(w.selectedTokenId(), 1002);
    }

    void detailsSayWhatTheAppCanDo()
    {
        VehiclesWindow w;
        w.model()->setNow(QDateTime::fromString(u"2026-12-01T12:00:00Z"_s, Qt::ISODate));
        w.setVehicles(testvehicles::make(250), testvehicles::myWallet);
        w.show();

        // Car 9: yours, shared with {1, 4}: data yes, commands and VIN need a re-share.
        QVERIFY(w.selectToken(1009));
        QString details = w.detailsLabel()->text();
        QVERIFY2(details.contains(u"What this app can do"_s), qPrintable(details));
        QVERIFY2(details.contains(u"✓ Latest data"_s), qPrintable(details));
        QVERIFY2(details.contains(u"✗ Commands: the grant lacks"_s), qPrintable(details));
        QVERIFY2(details.contains(u"✗ VIN credential: the grant lacks"_s), qPrintable(details));
        QVERIFY2(details.contains(u"fix: the owner re-shares"_s), qPrintable(details));

        // Its data three hours old: the latest values and the location are stale.
        w.model()->setSignals(1009, testvehicles::latest(u"2026-12-01T09:00:00Z"_s, 55, 200, 1000, false));
        details = w.detailsLabel()->text();
        QVERIFY2(details.contains(u"✗ Latest data: stale: last seen 3 h"_s), qPrintable(details));

        // Car 1: someone else's, shared with {1, 4}: only fleet mode reaches it.
        QVERIFY(w.selectToken(1001));
        QVERIFY2(w.detailsLabel()->text().contains(u"✗ Latest data: not your vehicle"_s),
                 qPrintable(w.detailsLabel()->text()));
        QVERIFY(w.detailsLabel()->text().contains(u"fix: turn fleet mode on"_s));
        w.setFleetMode(true);
        QVERIFY2(w.detailsLabel()->text().contains(u"✓ Latest data"_s), qPrintable(w.detailsLabel()->text()));
    }

    void buttonsAndBanner()
    {
        VehiclesWindow w;
        w.show();
        QSignalSpy refresh(&w, &VehiclesWindow::refreshRequested);
        QSignalSpy share(&w, &VehiclesWindow::shareRequested);
        QVERIFY(button(&w, u"Refresh"_s));
        QVERIFY(button(&w, u"Share more vehicles…"_s));
        QTest::mouseClick(button(&w, u"Refresh"_s), Qt::LeftButton);
        QTest::mouseClick(button(&w, u"Share more vehicles…"_s), Qt::LeftButton);
        QCOMPARE(refresh.count(), 1);
        QCOMPARE(share.count(), 1);

        QVERIFY(!w.bannerLabel()->isVisible());
        w.setDemoMode(true);
        QVERIFY(w.bannerLabel()->isVisible());
        QCOMPARE(w.bannerLabel()->text(), u"Demo mode: the DIMO simulator's vehicles"_s);
        w.setStatusText(u"Signed out"_s);
        QCOMPARE(w.bannerLabel()->text(), u"Signed out"_s);
        w.setStatusText({});
        w.setDemoMode(false);
        QVERIFY(!w.bannerLabel()->isVisible());
    }
};

QTEST_MAIN(TestVehiclesWindow)
#include "tst_vehicleswindow.moc"
