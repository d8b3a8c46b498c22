// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// The tray's state → icon, tooltip and menu (a pure function), and the fallback window.
#include "ui/tray/fallbackwindow.h"
#include "ui/tray/traymenu.h"
#include "ui/tray/traystate.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using ui::Connection;

class TestUiTrayState : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void stateLines_data()
    {
        QTest::addColumn<int>("connection");
        QTest::addColumn<int>("vehicles");
        QTest::addColumn<QString>("stateLine");
        QTest::addColumn<QString>("loginText");
        QTest::addColumn<bool>("canLogIn");
        QTest::newRow("not configured") << int(Connection::NotConfigured) << 0
                                        << u"Not configured — add a developer license in Settings"_s << u"Log in…"_s
                                        << false;
        QTest::newRow("signed out") << int(Connection::SignedOut) << 0
                                    << u"Signed out — log in to reach your vehicles"_s << u"Log in…"_s << true;
        QTest::newRow("signing in") << int(Connection::SigningIn) << 0 << u"Signing in…"_s << u"Log in…"_s << true;
        QTest::newRow("connected") << int(Connection::Connected) << 3 << u"Connected — 3 vehicles"_s << u"Log out"_s
                                   << true;
        QTest::newRow("one vehicle") << int(Connection::Connected) << 1 << u"Connected — 1 vehicle"_s << u"Log out"_s
                                     << true;
        QTest::newRow("unreachable") << int(Connection::Unreachable) << 0 << u"DIMO unreachable"_s << u"Log in…"_s
                                     << true;
        QTest::newRow("rejected") << int(Connection::CredentialsRejected) << 0 << u"Credentials rejected"_s
                                  << u"Log in…"_s << true;
    }

    void stateLines()
    {
        QFETCH(int, connection);
        QFETCH(int, vehicles);
        QFETCH(QString, stateLine);
        QFETCH(QString, loginText);
        QFETCH(bool, canLogIn);
        ui::TrayState state;
        state.connection = Connection(connection);
        state.vehicles = vehicles;
        const ui::TrayPresentation p = ui::present(state);
        QCOMPARE(p.stateLine, stateLine);
        QCOMPARE(p.loginText, loginText);
        QCOMPARE(p.canLogIn, canLogIn);
        QVERIFY(p.tooltip.startsWith(u"DIMO Tray — "_s + stateLine));
        QVERIFY(!p.busy);
    }

    void tooltipSaysClientsCallsAndWhy()
    {
        ui::TrayState state;
        state.connection = Connection::CredentialsRejected;
        state.detail = u"DIMO refused the API key."_s;
        state.clients = 2;
        state.activeCalls = 1;
        const ui::TrayPresentation p = ui::present(state);
        QCOMPARE(
            p.tooltip,
            u"DIMO Tray — Credentials rejected\nDIMO refused the API key.\n2 AI clients connected · 1 call running"_s);
        QVERIFY(p.busy);
        state.connection = Connection::Connected; // the detail belongs to the failure states only
        QVERIFY(!ui::present(state).tooltip.contains(u"refused"_s));
    }

    void demoAndFleetModes()
    {
        ui::TrayState state;
        state.connection = Connection::Connected;
        state.vehicles = 5;
        state.demo = true;
        QCOMPARE(ui::present(state).stateLine, u"Demo mode · Connected — 5 vehicles"_s);
        state.fleet = true; // fleet mode has no user session to log out of
        QCOMPARE(ui::present(state).loginText, u"Log in…"_s);
        QVERIFY(!ui::present(state).signedIn);
    }

    void iconBadgeFollowsTheState()
    {
        QPixmap blank(32, 32);
        blank.fill(Qt::white);
        const QIcon base(blank);
        const auto pixelAt = [&base](const ui::TrayState &state, int x, int y) {
            return ui::renderIcon(base, ui::present(state)).pixmap(32, 32).toImage().pixelColor(x, y);
        };
        ui::TrayState state;
        state.connection = Connection::Connected;
        QCOMPARE(pixelAt(state, 26, 26), QColor(0x2e, 0xb8, 0x5c)); // green dot, bottom right
        state.connection = Connection::CredentialsRejected;
        QCOMPARE(pixelAt(state, 26, 26), QColor(0xd9, 0x3f, 0x3f));
        QCOMPARE(pixelAt(state, 26, 5), QColor(Qt::white)); // no activity mark
        state.activeCalls = 1;
        QCOMPARE(pixelAt(state, 26, 5), QColor(0x1e, 0x88, 0xe5));
        QCOMPARE(pixelAt(state, 5, 5), QColor(Qt::white)); // the logo itself is untouched
    }

    void menuFollowsThePresentation()
    {
        ui::TrayMenu menu;
        const QList<QAction *> actions = menu.actions();
        QStringList texts;
        for (QAction *a : actions.mid(1)) {
            texts << a->text();
        }
        QCOMPARE(texts,
                 (QStringList{u"Vehicles…"_s,
                              u"Log in…"_s,
                              u"Share vehicles…"_s,
                              u"Settings…"_s,
                              u"Connect an AI client…"_s,
                              u"Activity…"_s,
                              u"Quit"_s}));
        QSignalSpy logIn(&menu, &ui::TrayMenu::logInRequested);
        QSignalSpy logOut(&menu, &ui::TrayMenu::logOutRequested);
        ui::TrayState state;
        menu.apply(ui::present(state));
        QVERIFY(!actions.at(0)->isEnabled()); // the state line
        QVERIFY(!actions.at(2)->isEnabled()); // nothing to log in to without a license
        QVERIFY(actions.at(4)->isEnabled()); // Settings always
        state.connection = Connection::SignedOut;
        menu.apply(ui::present(state));
        actions.at(2)->trigger();
        QCOMPARE(logIn.size(), 1);
        state.connection = Connection::Connected;
        menu.apply(ui::present(state));
        QCOMPARE(actions.at(0)->text(), u"Connected — 0 vehicles"_s);
        QCOMPARE(actions.at(2)->text(), u"Log out"_s);
        actions.at(2)->trigger();
        QCOMPARE(logOut.size(), 1);
        QCOMPARE(logIn.size(), 1);
    }

    void fallbackWindowOffersTheSameMenu()
    {
        ui::TrayMenu menu;
        ui::FallbackWindow window(menu);
        QSignalSpy settings(&menu, &ui::TrayMenu::settingsRequested);
        QSignalSpy quit(&menu, &ui::TrayMenu::quitRequested);
        const QList<QToolButton *> buttons = window.findChildren<QToolButton *>();
        QCOMPARE(buttons.size(), 7);
        for (QToolButton *b : buttons) {
            if (b->text() == u"Settings…"_s || b->text() == u"Quit"_s) {
                QTest::mouseClick(b, Qt::LeftButton);
            }
        }
        QCOMPARE(settings.size(), 1);
        QCOMPARE(quit.size(), 1);
        QVERIFY(window.findChild<QLabel *>(u"fallbackNote"_s)->text().contains(u"No system tray"_s));
        ui::TrayState state;
        state.connection = Connection::Unreachable;
        window.apply(ui::present(state), QIcon());
        QVERIFY(window.findChildren<QLabel *>().at(1)->text().contains(u"DIMO unreachable"_s));
    }
};

QTEST_MAIN(TestUiTrayState)
#include "tst_uitraystate.moc"
