// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/format.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestUiFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void ages_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << qint64(2) << u"just now"_s;
        QTest::newRow("seconds") << qint64(42) << u"42 s ago"_s;
        QTest::newRow("minutes") << qint64(5 * 60 + 3) << u"5 min ago"_s;
        QTest::newRow("hours") << qint64(26 * 3600) << u"26 h ago"_s;
        QTest::newRow("days") << qint64(3 * 86400) << u"3 days ago"_s;
    }

    void ages()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, text);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000);
        QCOMPARE(ui::formatAge(now.addSecs(-secondsAgo), now), text);
    }

    void neverSeen() { QCOMPARE(ui::formatAge({}, QDateTime::currentDateTimeUtc()), u"never"_s); }
};

QTEST_GUILESS_MAIN(TestUiFormat)
#include "tst_uiformat.moc"
