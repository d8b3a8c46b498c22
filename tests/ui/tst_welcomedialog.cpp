// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// The first-run welcome: explanation, the fee note before creating a license, the three choices.
#include "ui/welcome/welcomedialog.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWelcomeDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void explainsTheLicense()
    {
        ui::WelcomeDialog dialog;
        auto *text = dialog.findChild<QLabel *>(u"explanation"_s);
        QVERIFY(text);
        QVERIFY(text->text().contains(u"developer license"_s));
        QVERIFY(text->text().contains(u"API key"_s));
        auto *create = dialog.findChild<QCommandLinkButton *>(u"createLicense"_s);
        QVERIFY(create);
        // The fee is said on the button itself, before the user commits to anything.
        QVERIFY2(create->description().contains(u"charges a fee"_s), qPrintable(create->description()));
        QCOMPARE(dialog.choice(), ui::WelcomeDialog::Choice::Later);
        if (const QString dir = qEnvironmentVariable("DIMOTRAY_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog.show();
            QTest::qWait(100);
            dialog.grab().save(dir + u"/welcome.png"_s);
        }
    }

    void choices_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<ui::WelcomeDialog::Choice>("expected");
        QTest::newRow("create") << u"createLicense"_s << ui::WelcomeDialog::Choice::CreateLicense;
        QTest::newRow("enter") << u"enterLicense"_s << ui::WelcomeDialog::Choice::EnterLicense;
        QTest::newRow("demo") << u"demoMode"_s << ui::WelcomeDialog::Choice::DemoMode;
    }

    void choices()
    {
        QFETCH(QString, button);
        QFETCH(ui::WelcomeDialog::Choice, expected);
        ui::WelcomeDialog dialog;
        dialog.show();
        QSignalSpy chosen(&dialog, &ui::WelcomeDialog::chosen);
        auto *b = dialog.findChild<QCommandLinkButton *>(button);
        QVERIFY(b);
        QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().value<ui::WelcomeDialog::Choice>(), expected);
        QCOMPARE(dialog.choice(), expected);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }

    void later()
    {
        ui::WelcomeDialog dialog;
        dialog.show();
        QSignalSpy chosen(&dialog, &ui::WelcomeDialog::chosen);
        auto *later = dialog.findChild<QPushButton *>(u"later"_s);
        QVERIFY(later);
        QTest::mouseClick(later, Qt::LeftButton);
        QCOMPARE(chosen.count(), 0);
        QCOMPARE(dialog.choice(), ui::WelcomeDialog::Choice::Later);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TestWelcomeDialog)
#include "tst_welcomedialog.moc"
