// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/activity/activitymodel.h"
#include "ui/activity/activitywindow.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using ui::ActivityEntry;
using ui::ActivityModel;

namespace {

ActivityEntry call(const QString &tool, qint64 tokenId = 0)
{
    ActivityEntry e;
    e.arrived = QDateTime::fromString(u"2026-12-01T12:00:00Z"_s, Qt::ISODate);
    e.client = u"Claude Desktop"_s;
    e.tool = tool;
    e.tokenId = tokenId;
    return e;
}

QString text(const ActivityModel &m, int row, int column)
{
    return m.data(m.index(row, column)).toString();
}

} // namespace

class TestActivity : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void boundedNewestFirst()
    {
        ActivityModel m;
        QCOMPARE(m.capacity(), 1000);
        m.setCapacity(3);
        QList<quint64> ids;
        for (int i = 1; i <= 5; ++i) {
            ids << m.begin(call(u"tool_%1"_s.arg(i)));
        }
        QCOMPARE(ids, (QList<quint64>{1, 2, 3, 4, 5}));
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(text(m, 0, ActivityModel::ToolColumn), u"tool_5"_s);
        QCOMPARE(text(m, 1, ActivityModel::ToolColumn), u"tool_4"_s);
        QCOMPARE(text(m, 2, ActivityModel::ToolColumn), u"tool_3"_s);
        QCOMPARE(m.rowOfId(5), 0);
        QCOMPARE(m.rowOfId(3), 2);
        QCOMPARE(m.rowOfId(2), -1);
        QVERIFY(!m.entryById(1));
        // Dropped calls' running state no longer counts.
        QCOMPARE(m.runningCount(), 3);

        // Shrinking drops the oldest.
        m.setCapacity(1);
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.entryAt(0).id, 5u);
        QCOMPARE(m.runningCount(), 1);
    }

    void updates()
    {
        ActivityModel m;
        QSignalSpy running(&m, &ActivityModel::runningCountChanged);
        const quint64 lock = m.begin(call(u"vehicle_doors_lock"_s, 1234));
        const quint64 read = m.begin(call(u"telemetry_get_latest_signals"_s, 1234));
        QCOMPARE(m.runningCount(), 2);
        QCOMPARE(text(m, 1, ActivityModel::OutcomeColumn), u"running…"_s);
        QCOMPARE(text(m, 1, ActivityModel::DurationColumn), QString());
        QCOMPARE(text(m, 1, ActivityModel::VehicleColumn), u"1234"_s);

        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setApproval(lock, u"allowed once by the user"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        m.finish(lock, ActivityEntry::Ok, 1234, 2);
        m.setConfirmation(lock, u"confirmed by telemetry"_s);
        m.finish(read, ActivityEntry::Error, 340, 1, u"DIMO unreachable"_s);
        QCOMPARE(changed.count(), 4);
        QCOMPARE(m.runningCount(), 0);
        QCOMPARE(running.count(), 4); // 1, 2, 1, 0

        QCOMPARE(text(m, 1, ActivityModel::OutcomeColumn), u"ok"_s);
        QCOMPARE(text(m, 1, ActivityModel::DurationColumn), u"1.2 s"_s);
        QCOMPARE(text(m, 1, ActivityModel::RequestsColumn), u"2"_s);
        QCOMPARE(text(m, 1, ActivityModel::NotesColumn), u"allowed once by the user; confirmed by telemetry"_s);
        QCOMPARE(text(m, 0, ActivityModel::OutcomeColumn), u"error: DIMO unreachable"_s);
        QCOMPARE(text(m, 0, ActivityModel::DurationColumn), u"340 ms"_s);
        QCOMPARE(m.entryById(lock)->approval, u"allowed once by the user"_s);
        QCOMPARE(m.entryById(lock)->durationMs, 1234);
    }

    void droppedIdUpdatesIgnored()
    {
        ActivityModel m;
        m.setCapacity(3);
        const quint64 first = m.begin(call(u"first"_s));
        for (int i = 0; i < 4; ++i) {
            m.begin(call(u"later"_s));
        }
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.finish(first, ActivityEntry::Ok, 5, 1);
        m.setApproval(first, u"denied"_s);
        m.setConfirmation(first, u"accepted"_s);
        m.finish(999, ActivityEntry::Ok, 5, 1);
        m.setApproval(0, u"denied"_s);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m.runningCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(m.entryAt(row).outcome, ActivityEntry::Running);
            QVERIFY(m.entryAt(row).approval.isEmpty());
        }

        // After Clear, old ids stay unknown and new ids keep counting.
        m.clear();
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(m.runningCount(), 0);
        m.finish(first + 4, ActivityEntry::Ok, 5, 1);
        QCOMPARE(changed.count(), 0);
        const quint64 next = m.begin(call(u"next"_s));
        QCOMPARE(next, first + 5);
        QCOMPARE(m.rowOfId(next), 0);
    }

    void windowEmptyTextDetailsAndClear()
    {
        ActivityModel m;
        ui::ActivityWindow w(&m);
        w.show();
        QVERIFY(w.isShowingEmptyText());
        QVERIFY(w.emptyLabel()->text().contains(u"No tool calls yet"_s));
        QVERIFY(w.emptyLabel()->text().contains(u"Connect an AI client"_s));
        QVERIFY(!w.clearButton()->isEnabled());

        const quint64 id = m.begin(call(u"vehicle_doors_lock"_s, 77));
        QVERIFY(!w.isShowingEmptyText());
        QCOMPARE(w.tableView()->model()->rowCount(), 1);
        QVERIFY(w.selectId(id));
        QCOMPARE(w.selectedId(), id);
        QVERIFY(w.detailsLabel()->text().contains(u"vehicle_doors_lock"_s));
        QVERIFY(w.detailsLabel()->text().contains(u"running…"_s));
        // The pane follows updates of the selected call, also when newer calls push it down.
        m.begin(call(u"telemetry_get_latest_signals"_s));
        m.setApproval(id, u"timed out (denied)"_s);
        m.finish(id, ActivityEntry::Cancelled, 60000, 0);
        QCOMPARE(w.selectedId(), id);
        QVERIFY(w.detailsLabel()->text().contains(u"timed out (denied)"_s));
        QVERIFY(w.detailsLabel()->text().contains(u"cancelled"_s));
        QVERIFY(w.detailsLabel()->text().contains(u"token 77"_s));

        QVERIFY(w.clearButton()->isEnabled());
        QTest::mouseClick(w.clearButton(), Qt::LeftButton);
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(w.isShowingEmptyText());
        QCOMPARE(w.selectedId(), 0u);
    }
};

QTEST_MAIN(TestActivity)
#include "tst_activity.moc"
