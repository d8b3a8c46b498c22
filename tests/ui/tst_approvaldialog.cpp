// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/approval/approvaldialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using ui::ApprovalChoice;
using ui::ApprovalDialog;

namespace {

ui::ApprovalPrompt prompt()
{
    return {u"Claude Desktop"_s, u"vehicle_doors_unlock"_s, u"Unlock the doors"_s, 1234, u"2023 Tesla Model 3"_s};
}

ApprovalChoice only(const QSignalSpy &spy)
{
    return spy.at(0).at(0).value<ApprovalChoice>();
}

} // namespace

class TestApprovalDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void saysWhoWhatWhere()
    {
        ApprovalDialog d(prompt());
        d.show();
        const QString text = d.messageLabel()->text();
        QVERIFY(text.contains(u"Claude Desktop"_s));
        QVERIFY(text.contains(u"Unlock the doors"_s));
        QVERIFY(text.contains(u"vehicle_doors_unlock"_s));
        QVERIFY(text.contains(u"2023 Tesla Model 3"_s));
        QVERIFY(text.contains(u"1234"_s));
        QVERIFY(text.contains(u"real car"_s));
        QVERIFY(d.windowFlags().testFlag(Qt::WindowStaysOnTopHint));
        QCOMPARE(d.countdownLabel()->text(), u"Denied automatically in 60 s."_s);
        QVERIFY(d.denyButton()->isDefault());
        QVERIFY(!d.allowOnceButton()->isDefault());
        QVERIFY(!d.allowSessionButton()->isDefault());
        QVERIFY(!d.allowAlwaysButton()->isDefault());
        // "Always" has a scope the user chooses, and an end.
        QCOMPARE(d.allowSessionButton()->text(), u"Allow for this session (8 h)"_s);
        QCOMPARE(d.allowAlwaysButton()->text(), u"Allow for any AI client (8 h)"_s);
        d.decide(ApprovalChoice::Deny);
    }

    void buttons_data()
    {
        QTest::addColumn<int>("button");
        QTest::addColumn<ApprovalChoice>("choice");
        QTest::addColumn<int>("result");
        QTest::newRow("allow once") << 0 << ApprovalChoice::AllowOnce << int(QDialog::Accepted);
        QTest::newRow("this session") << 1 << ApprovalChoice::AllowForSession << int(QDialog::Accepted);
        QTest::newRow("any client") << 2 << ApprovalChoice::AllowAlways << int(QDialog::Accepted);
        QTest::newRow("deny") << 3 << ApprovalChoice::Deny << int(QDialog::Rejected);
    }

    void buttons()
    {
        QFETCH(int, button);
        QFETCH(ApprovalChoice, choice);
        QFETCH(int, result);
        ApprovalDialog d(prompt(), 60000);
        QSignalSpy spy(&d, &ApprovalDialog::decided);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QPushButton *b =
            QList<QPushButton *>{d.allowOnceButton(), d.allowSessionButton(), d.allowAlwaysButton(), d.denyButton()}.at(
                button);
        QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(only(spy), choice);
        QCOMPARE(d.choice(), std::optional<ApprovalChoice>(choice));
        QCOMPARE(d.result(), result);
        QVERIFY(!d.isVisible());
        // Nothing else counts any more: other buttons, close, Esc, the timeout.
        d.show();
        QTest::mouseClick(d.allowOnceButton(), Qt::LeftButton);
        QTest::mouseClick(d.denyButton(), Qt::LeftButton);
        d.close();
        d.reject();
        d.decide(ApprovalChoice::TimedOut);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(d.choice(), std::optional<ApprovalChoice>(choice));
    }

    void closingDenies()
    {
        ApprovalDialog d(prompt());
        QSignalSpy spy(&d, &ApprovalDialog::decided);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(d.close());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(only(spy), ApprovalChoice::Deny);
    }

    void escapeDenies()
    {
        ApprovalDialog d(prompt());
        QSignalSpy spy(&d, &ApprovalDialog::decided);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTest::keyClick(&d, Qt::Key_Escape);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(only(spy), ApprovalChoice::Deny);
    }

    void enterNeverApproves()
    {
        ApprovalDialog d(prompt());
        QSignalSpy spy(&d, &ApprovalDialog::decided);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // Even with an allow button focused, Enter triggers the default button: Deny.
        d.allowOnceButton()->setFocus();
        QTest::keyClick(d.focusWidget() ? d.focusWidget() : &d, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(only(spy), ApprovalChoice::Deny);

        ApprovalDialog d2(prompt());
        QSignalSpy spy2(&d2, &ApprovalDialog::decided);
        d2.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d2));
        d2.allowAlwaysButton()->setFocus();
        QTest::keyClick(d2.focusWidget() ? d2.focusWidget() : &d2, Qt::Key_Enter);
        QCOMPARE(spy2.count(), 1);
        QCOMPARE(only(spy2), ApprovalChoice::Deny);
    }

    void timeoutDenies()
    {
        ApprovalDialog d(prompt(), 2500);
        QSignalSpy spy(&d, &ApprovalDialog::decided);
        d.show();
        QCOMPARE(d.countdownLabel()->text(), u"Denied automatically in 3 s."_s);
        QTRY_COMPARE_WITH_TIMEOUT(d.countdownLabel()->text(), u"Denied automatically in 2 s."_s, 2000);
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(only(spy), ApprovalChoice::TimedOut);
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QTest::qWait(100);
        QCOMPARE(spy.count(), 1);
    }

    void dismissNeverDecides()
    {
        ApprovalDialog d(prompt(), 300);
        QSignalSpy spy(&d, &ApprovalDialog::decided);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.dismiss();
        QVERIFY(!d.isVisible());
        d.close();
        d.decide(ApprovalChoice::AllowOnce);
        QTest::qWait(600); // past the timeout
        QCOMPARE(spy.count(), 0);
        QVERIFY(!d.choice());
    }
};

QTEST_MAIN(TestApprovalDialog)
#include "tst_approvaldialog.moc"
