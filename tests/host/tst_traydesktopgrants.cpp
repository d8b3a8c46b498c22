// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// "Always" approvals from the tray's own dialog (issue 15, hole 2), in demo mode against the DIMO
// simulator, in process (offscreen), with two AI client sessions on the real local socket: the
// scope the user chose (this session / any AI client), Settings listing and revoking the grants
// and showing the policy in force, expiry, a stricter policy and Log out ending them.
#include "app/tools/backend.h"
#include "app/tray/desktop.h"
#include "app/tray/dialogapprover.h"
#include "app/tray/dimoservice.h"
#include "app/tray/licenseflows.h"
#include "app/tray/mcphost.h"
#include "app/tray/settings/settingscontroller.h"
#include "app/tray/status.h"
#include "app/tray/traycontroller.h"
#include "tests/host/demotray.h"
#include "tests/support/dimosim.h"
#include "tests/support/timeout.h"
#include "ui/approval/approvaldialog.h"
#include "ui/settings/approvalgrantspanel.h"
#include "ui/settings/settingsdialog.h"
#include "ui/tray/traymenu.h"
#include "ui/tray/traystate.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocalSocket>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 TeslaOfAlice = 24567; // commands privilege granted (tests/dimosim fixtures)

} // namespace

class TestTrayDesktopGrants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sessionScopeCoversOnlyThatSession();
    void anyClientScopeAndSettingsRevoke();
    void grantsExpire();
    void stricterPolicyEndsGrants();
    void logOutEndsGrants(); // keep last

private:
    QJsonObject call(TrayClient &client, const QString &tool)
    {
        return client.call(tool, {{u"tokenId"_s, TeslaOfAlice}});
    }

    // The next approval dialog gets `button` clicked; the count of dialogs shown goes up.
    void answerNextApproval(const std::function<QPushButton *(ui::ApprovalDialog *)> &button)
    {
        m_tray.answerNextApproval(this, button);
    }

    int commandsSent() { return m_sim.count(u"teslaOracle"_s, u"/v1/commands"_s, "POST"); }

    app::tools::ApprovalGate &gate() { return m_tray.dimo->backend()->approvals(); }

    DemoTray m_tray;
    DimoSim &m_sim = m_tray.sim;
    TrayClient m_a;
    TrayClient m_b;
    int m_dialogs = 0;
};

void TestTrayDesktopGrants::initTestCase()
{
    qunsetenv("DIMOTRAY_APPROVAL");
    QString why;
    QVERIFY2(m_tray.start(&why), qPrintable(why));
    auto *approver = m_tray.desktop->findChild<app::DialogApprover *>();
    QVERIFY(approver);
    connect(approver, &app::DialogApprover::asking, this, [this] {
        ++m_dialogs;
    });
    QVERIFY(m_a.connect(m_tray.socketName(), u"client-a"_s));
    QVERIFY(m_b.connect(m_tray.socketName(), u"client-b"_s));
    // The tray says which policy is in force, and why.
    QCOMPARE(m_tray.desktop->status().state().approval, u"ask (settings)"_s);
    QVERIFY(ui::present(m_tray.desktop->status().state()).tooltip.contains(u"Command approval: ask (settings)"_s));
}

void TestTrayDesktopGrants::cleanupTestCase()
{
    m_a.socket.disconnectFromServer();
    m_b.socket.disconnectFromServer();
    m_tray.stop();
}

namespace {

QPushButton *deny(ui::ApprovalDialog *d)
{
    return d->denyButton();
}

} // namespace

void TestTrayDesktopGrants::sessionScopeCoversOnlyThatSession()
{
    const int sent = commandsSent();
    answerNextApproval([](ui::ApprovalDialog *d) {
        return d->allowSessionButton();
    });
    QJsonObject r = call(m_a, u"lock_doors"_s);
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(TrayClient::text(r)));
    QCOMPARE(m_dialogs, 1);
    QCOMPARE(gate().grants().size(), 1);

    // The same session: no dialog.
    r = call(m_a, u"lock_doors"_s);
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(TrayClient::text(r)));
    QVERIFY2(TrayClient::text(r).contains(u"allowed earlier by the user (for this AI client session"_s),
             qPrintable(TrayClient::text(r)));
    QCOMPARE(m_dialogs, 1);
    QCOMPARE(commandsSent(), sent + 2);

    // Another AI client's session is asked (and denied here): nothing sent.
    answerNextApproval(deny);
    r = call(m_b, u"lock_doors"_s);
    QVERIFY(r.value(u"isError"_s).toBool());
    QVERIFY2(TrayClient::text(r).contains(u"denied"_s), qPrintable(TrayClient::text(r)));
    QCOMPARE(m_dialogs, 2);
    QCOMPARE(commandsSent(), sent + 2);
}

void TestTrayDesktopGrants::anyClientScopeAndSettingsRevoke()
{
    const int sent = commandsSent();
    answerNextApproval([](ui::ApprovalDialog *d) {
        return d->allowAlwaysButton();
    });
    const int dialogs = m_dialogs;
    QJsonObject r = call(m_b, u"unlock_doors"_s);
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(TrayClient::text(r)));
    QCOMPARE(m_dialogs, dialogs + 1);
    r = call(m_a, u"unlock_doors"_s); // any AI client: no dialog
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(TrayClient::text(r)));
    QCOMPARE(m_dialogs, dialogs + 1);
    QCOMPARE(commandsSent(), sent + 2);

    // Settings lists both grants and the policy in force; Revoke and Revoke all end them.
    ui::SettingsDialog *settings = m_tray.desktop->license().openSettings();
    ui::ApprovalGrantsPanel *panel = settings->grantsPanel();
    QCOMPARE(panel->policyLabel()->text(), u"In force: ask (settings)"_s);
    QCOMPARE(panel->list()->count(), 2);
    QStringList rows{panel->list()->item(0)->text(), panel->list()->item(1)->text()};
    rows.sort();
    QVERIFY2(rows.at(0).startsWith(u"Lock the doors on"_s) && rows.at(0).contains(u"client-a's session only"_s),
             qPrintable(rows.at(0)));
    QVERIFY2(rows.at(1).startsWith(u"Unlock the doors on"_s) && rows.at(1).contains(u"any AI client"_s),
             qPrintable(rows.at(1)));
    QVERIFY(!panel->revokeButton()->isEnabled()); // nothing selected
    for (int i = 0; i < panel->list()->count(); ++i) {
        if (panel->list()->item(i)->text().startsWith(u"Unlock"_s)) {
            panel->list()->setCurrentRow(i);
        }
    }
    QTest::mouseClick(panel->revokeButton(), Qt::LeftButton);
    QCOMPARE(panel->list()->count(), 1);
    QCOMPARE(gate().grants().size(), 1);
    answerNextApproval(deny);
    r = call(m_a, u"unlock_doors"_s); // revoked: asked again
    QVERIFY(r.value(u"isError"_s).toBool());
    QCOMPARE(m_dialogs, dialogs + 2);

    QTest::mouseClick(panel->revokeAllButton(), Qt::LeftButton);
    QCOMPARE(panel->list()->count(), 0);
    QVERIFY(gate().grants().isEmpty());
    answerNextApproval(deny);
    r = call(m_a, u"lock_doors"_s); // the session grant is gone too
    QVERIFY(r.value(u"isError"_s).toBool());
    QCOMPARE(m_dialogs, dialogs + 3);
    QCOMPARE(commandsSent(), sent + 2);
    settings->close();
}

void TestTrayDesktopGrants::grantsExpire()
{
    answerNextApproval([](ui::ApprovalDialog *d) {
        return d->allowAlwaysButton();
    });
    QJsonObject r = call(m_a, u"lock_doors"_s);
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(TrayClient::text(r)));
    QCOMPARE(gate().grants().size(), 1);
    const qint64 later = QDateTime::currentSecsSinceEpoch() + 8 * 3600 + 60;
    m_tray.dimo->backend()->setClock([later] {
        return later;
    });
    const int dialogs = m_dialogs;
    const int sent = commandsSent();
    answerNextApproval(deny);
    r = call(m_b, u"lock_doors"_s);
    m_tray.dimo->backend()->setClock(dimo::systemClock());
    QVERIFY(r.value(u"isError"_s).toBool());
    QCOMPARE(m_dialogs, dialogs + 1);
    QCOMPARE(commandsSent(), sent);
    QVERIFY(gate().grants().isEmpty());
}

void TestTrayDesktopGrants::stricterPolicyEndsGrants()
{
    answerNextApproval([](ui::ApprovalDialog *d) {
        return d->allowAlwaysButton();
    });
    QJsonObject r = call(m_a, u"unlock_doors"_s);
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(TrayClient::text(r)));
    QCOMPARE(gate().grants().size(), 1);
    app::Settings values = m_tray.dimo->settings()->values();
    values.approvalPolicy = u"unlock-and-trunk"_s; // looser: the grant stays
    m_tray.dimo->applySettings(values);
    QCOMPARE(gate().grants().size(), 1);
    QCOMPARE(m_tray.desktop->status().state().approval, u"unlock-and-trunk (settings)"_s);
    values.approvalPolicy = u"ask"_s; // stricter: every grant ends
    m_tray.dimo->applySettings(values);
    QVERIFY(gate().grants().isEmpty());
    QCOMPARE(m_tray.desktop->status().state().approval, u"ask (settings)"_s);
}

void TestTrayDesktopGrants::logOutEndsGrants()
{
    answerNextApproval([](ui::ApprovalDialog *d) {
        return d->allowAlwaysButton();
    });
    QJsonObject r = call(m_a, u"lock_doors"_s);
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(TrayClient::text(r)));
    QCOMPARE(gate().grants().size(), 1);
    const QList<QAction *> actions = m_tray.desktop->tray().menu().actions();
    QCOMPARE(actions.at(2)->text(), u"Log out"_s);
    actions.at(2)->trigger();
    QTRY_COMPARE(int(m_tray.desktop->status().state().connection), int(ui::Connection::SignedOut));
    QVERIFY(gate().grants().isEmpty());
}

QTEST_MAIN(TestTrayDesktopGrants)

#include "tst_traydesktopgrants.moc"
