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
#include "app/tray/mcphost.h"
#include "app/tray/settings/settingscontroller.h"
#include "app/tray/status.h"
#include "app/tray/traycontroller.h"
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

// One AI client on the tray's socket.
struct Client
{
    QLocalSocket socket;
    QByteArray buffer;
    int nextId = 1;
};

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
    bool connectClient(Client &client, const QString &name);
    QJsonObject call(Client &client, const QString &tool);
    // The next approval dialog gets `button` clicked; the count of dialogs shown goes up.
    void answerNextApproval(const std::function<QPushButton *(ui::ApprovalDialog *)> &button);

    int commandsSent() { return m_sim.count(u"teslaOracle"_s, u"/v1/commands"_s, "POST"); }

    app::tools::ApprovalGate &gate() { return m_dimo->backend()->approvals(); }

    DimoSim m_sim;
    QTemporaryDir m_dir{QDir::tempPath() + u"/tst-tdg-XXXXXX"_s};
    std::unique_ptr<app::McpHost> m_host;
    std::unique_ptr<app::DimoService> m_dimo;
    std::unique_ptr<app::Desktop> m_desktop;
    Client m_a;
    Client m_b;
    int m_dialogs = 0;
};

void TestTrayDesktopGrants::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("DIMOTRAY_KEYCHAIN", "off");
    qunsetenv("DIMOTRAY_APPROVAL");
    QString error;
    QVERIFY2(m_sim.start(&error), qPrintable(error));
    app::Options options;
    options.demo = true;
    options.environmentFile = m_sim.environmentFile();
    options.socketName = m_dir.filePath(u"mcp.sock"_s);
    m_host = std::make_unique<app::McpHost>(options);
    m_dimo = std::make_unique<app::DimoService>(options);
    m_dimo->backend()->setCommandWatchMs(4000);
    m_dimo->attach(m_host->server());
    QSignalSpy ready(m_host.get(), &app::McpHost::ready);
    m_host->start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, testsupport::scaled(5000));
    m_desktop = std::make_unique<app::Desktop>(options, *m_host, *m_dimo);
    m_desktop->show();
    QTRY_COMPARE_WITH_TIMEOUT(
        int(m_desktop->status().state().connection), int(ui::Connection::Connected), testsupport::scaled(15000));
    auto *approver = m_desktop->findChild<app::DialogApprover *>();
    QVERIFY(approver);
    connect(approver, &app::DialogApprover::asking, this, [this] {
        ++m_dialogs;
    });
    QVERIFY(connectClient(m_a, u"client-a"_s));
    QVERIFY(connectClient(m_b, u"client-b"_s));
    // The tray says which policy is in force, and why.
    QCOMPARE(m_desktop->status().state().approval, u"ask (settings)"_s);
    QVERIFY(ui::present(m_desktop->status().state()).tooltip.contains(u"Command approval: ask (settings)"_s));
}

void TestTrayDesktopGrants::cleanupTestCase()
{
    m_a.socket.disconnectFromServer();
    m_b.socket.disconnectFromServer();
    m_desktop.reset();
    m_dimo.reset();
    m_host.reset();
}

bool TestTrayDesktopGrants::connectClient(Client &client, const QString &name)
{
    client.socket.connectToServer(m_dir.filePath(u"mcp.sock"_s));
    if (!client.socket.waitForConnected(testsupport::scaled(5000))) {
        return false;
    }
    const QJsonObject init{{u"jsonrpc"_s, u"2.0"_s},
                           {u"id"_s, 0},
                           {u"method"_s, u"initialize"_s},
                           {u"params"_s,
                            QJsonObject{{u"protocolVersion"_s, u"2025-11-25"_s},
                                        {u"capabilities"_s, QJsonObject{{u"elicitation"_s, QJsonObject()}}},
                                        {u"clientInfo"_s, QJsonObject{{u"name"_s, name}, {u"version"_s, u"1"_s}}}}}};
    client.socket.write(QJsonDocument(init).toJson(QJsonDocument::Compact) + '\n'
                        + R"({"jsonrpc":"2.0","method":"notifications/initialized"})" + '\n');
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < testsupport::scaled(5000)) {
        client.buffer += client.socket.readAll();
        if (client.buffer.contains("\"id\":0")) {
            client.buffer.clear();
            return true;
        }
        QTest::qWait(20);
    }
    return false;
}

QJsonObject TestTrayDesktopGrants::call(Client &client, const QString &tool)
{
    const int id = client.nextId++;
    const QJsonObject request{
        {u"jsonrpc"_s, u"2.0"_s},
        {u"id"_s, id},
        {u"method"_s, u"tools/call"_s},
        {u"params"_s, QJsonObject{{u"name"_s, tool}, {u"arguments"_s, QJsonObject{{u"tokenId"_s, TeslaOfAlice}}}}}};
    client.socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    const QByteArray marker = "\"id\":" + QByteArray::number(id) + ',';
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < testsupport::scaled(30000)) {
        client.buffer += client.socket.readAll();
        const QList<QByteArray> lines = client.buffer.split('\n');
        for (const QByteArray &line : lines) {
            if (line.contains(marker) && line.contains("\"result\"")) {
                client.buffer.clear();
                return QJsonDocument::fromJson(line).object().value(u"result"_s).toObject();
            }
        }
        QTest::qWait(20);
    }
    return {};
}

void TestTrayDesktopGrants::answerNextApproval(const std::function<QPushButton *(ui::ApprovalDialog *)> &button)
{
    auto *approver = m_desktop->findChild<app::DialogApprover *>();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(approver, &app::DialogApprover::asking, this, [connection, button](QWidget *dialog) {
        QObject::disconnect(*connection);
        auto *approval = qobject_cast<ui::ApprovalDialog *>(dialog);
        QTimer::singleShot(50, approval, [approval, button] {
            QTest::mouseClick(button(approval), Qt::LeftButton);
        });
    });
}

namespace {

QString textOf(const QJsonObject &result)
{
    return result.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString();
}

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
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(textOf(r)));
    QCOMPARE(m_dialogs, 1);
    QCOMPARE(gate().grants().size(), 1);

    // The same session: no dialog.
    r = call(m_a, u"lock_doors"_s);
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(textOf(r)));
    QVERIFY2(textOf(r).contains(u"allowed earlier by the user (for this AI client session"_s), qPrintable(textOf(r)));
    QCOMPARE(m_dialogs, 1);
    QCOMPARE(commandsSent(), sent + 2);

    // Another AI client's session is asked (and denied here): nothing sent.
    answerNextApproval(deny);
    r = call(m_b, u"lock_doors"_s);
    QVERIFY(r.value(u"isError"_s).toBool());
    QVERIFY2(textOf(r).contains(u"denied"_s), qPrintable(textOf(r)));
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
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(textOf(r)));
    QCOMPARE(m_dialogs, dialogs + 1);
    r = call(m_a, u"unlock_doors"_s); // any AI client: no dialog
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(textOf(r)));
    QCOMPARE(m_dialogs, dialogs + 1);
    QCOMPARE(commandsSent(), sent + 2);

    // Settings lists both grants and the policy in force; Revoke and Revoke all end them.
    ui::SettingsDialog *settings = m_dimo->settings()->openDialog({u"all"_s});
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
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(textOf(r)));
    QCOMPARE(gate().grants().size(), 1);
    const qint64 later = QDateTime::currentSecsSinceEpoch() + 8 * 3600 + 60;
    m_dimo->backend()->setClock([later] {
        return later;
    });
    const int dialogs = m_dialogs;
    const int sent = commandsSent();
    answerNextApproval(deny);
    r = call(m_b, u"lock_doors"_s);
    m_dimo->backend()->setClock(dimo::systemClock());
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
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(textOf(r)));
    QCOMPARE(gate().grants().size(), 1);
    ui::SettingsValues values = m_dimo->settings()->values();
    values.approvalPolicy = u"unlock-and-trunk"_s; // looser: the grant stays
    m_dimo->applySettings(values);
    QCOMPARE(gate().grants().size(), 1);
    QCOMPARE(m_desktop->status().state().approval, u"unlock-and-trunk (settings)"_s);
    values.approvalPolicy = u"ask"_s; // stricter: every grant ends
    m_dimo->applySettings(values);
    QVERIFY(gate().grants().isEmpty());
    QCOMPARE(m_desktop->status().state().approval, u"ask (settings)"_s);
}

void TestTrayDesktopGrants::logOutEndsGrants()
{
    answerNextApproval([](ui::ApprovalDialog *d) {
        return d->allowAlwaysButton();
    });
    QJsonObject r = call(m_a, u"lock_doors"_s);
    QVERIFY2(!r.value(u"isError"_s).toBool(), qPrintable(textOf(r)));
    QCOMPARE(gate().grants().size(), 1);
    const QList<QAction *> actions = m_desktop->tray().menu().actions();
    QCOMPARE(actions.at(2)->text(), u"Log out"_s);
    actions.at(2)->trigger();
    QTRY_COMPARE(int(m_desktop->status().state().connection), int(ui::Connection::SignedOut));
    QVERIFY(gate().grants().isEmpty());
}

QTEST_MAIN(TestTrayDesktopGrants)

#include "tst_traydesktopgrants.moc"
