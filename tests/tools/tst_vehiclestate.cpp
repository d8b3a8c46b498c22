// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The tools' seams (issue 16): the one VehicleState (find, clear, refresh policy, latest signals)
// and the DesktopHooks the tray sets and clears in one place (approval dialog, login window).

#include "app/tools/approval.h"
#include "app/tools/backend.h"
#include "app/tools/desktophooks.h"
#include "app/tools/vehiclestate.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace app::tools;

namespace {

dimo::Vehicle vehicle(qint64 tokenId, QList<int> privileges = {1})
{
    dimo::Vehicle v;
    v.tokenId = tokenId;
    v.privileges = std::move(privileges);
    v.shared = !v.privileges.isEmpty();
    return v;
}

const QDateTime Now = QDateTime::fromString(u"2026-12-05T08:00:00Z"_s, Qt::ISODate);

dimo::Result<dimo::Client *> noLicense()
{
    return dimo::Error::make(dimo::Error::Kind::InvalidInput, u"no license"_s, u"add one"_s);
}

class AllowOnce : public Approver
{
public:
    void ask(const ApprovalRequest &, SharedResponder, ApprovalCallback done) override
    {
        ++asked;
        done({ApprovalAnswer::AllowOnce, u"dialog"_s, GrantScope::Session});
    }

    int asked = 0;
};

class FakeDesktop : public DesktopHooks
{
public:
    Approver &approver() override { return dialog; }

    bool openLoginWindow(const QUrl &loginUrl) override
    {
        opened << loginUrl;
        return true;
    }

    AllowOnce dialog;
    QList<QUrl> opened;
};

ApprovalRequest unlock()
{
    ApprovalRequest r;
    r.tool = u"unlock_doors"_s;
    r.command = u"doors/unlock"_s;
    r.commandTitle = u"Unlock the doors"_s;
    r.tokenId = 7;
    r.sessionId = 1;
    return r;
}

} // namespace

class TstVehicleState : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void findAndClear()
    {
        VehicleState state(noLicense, [] {
            return Now;
        });
        QSignalSpy changed(&state, &VehicleState::changed);
        QVERIFY(!state.known());
        QCOMPARE(state.find(7), nullptr);
        state.setVehicles({vehicle(7, {1, 4}), vehicle(9)});
        QVERIFY(state.known());
        QCOMPARE(state.snapshot().updatedAt, Now);
        QCOMPARE(changed.size(), 1);
        const dimo::Vehicle *seven = state.find(7);
        QVERIFY(seven);
        QCOMPARE(seven->privileges, (QList<int>{1, 4}));
        QCOMPARE(state.find(8), nullptr);
        state.setLatestSignals(9, QJsonObject{{u"signals"_s, QJsonObject{}}});
        QVERIFY(state.snapshot().latest.contains(9));
        state.clear(); // sign-out, another license: nothing of the previous user's stays
        QCOMPARE(changed.size(), 2);
        QVERIFY(!state.known());
        QCOMPARE(state.find(7), nullptr);
        QVERIFY(state.snapshot().latest.isEmpty());
    }

    void refreshNeedsAClient()
    {
        VehicleState state(noLicense, [] {
            return Now;
        });
        QSignalSpy finished(&state, &VehicleState::refreshFinished);
        state.refresh();
        state.refreshIfUnknown();
        QCOMPARE(finished.size(), 0); // nothing to ask without a license
        bool answered = false;
        state.fetchLatestSignals(7, {u"speed"_s}, this, [&answered](const dimo::Result<QJsonObject> &r) {
            answered = true;
            QVERIFY(!r);
            QCOMPARE(r.error().message, u"no license"_s);
        });
        QVERIFY(answered);
    }

    void backendClearsVehiclesWithANewLicense()
    {
        QNetworkAccessManager nam;
        Backend backend(&nam, dimo::Environment::production(), std::make_unique<EnvironmentCredentialSource>());
        backend.vehicles().setVehicles({vehicle(7)});
        QSignalSpy changed(&backend.vehicles(), &VehicleState::changed);
        backend.setCredentialSource(std::make_unique<FixedCredentialSource>(dimo::Credentials{}, false, u"x"_s));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(backend.vehicles().find(7), nullptr);
    }

    void desktopHooksSetAndClearedInOnePlace()
    {
        QNetworkAccessManager nam;
        Backend backend(&nam, dimo::Environment::production(), std::make_unique<EnvironmentCredentialSource>());
        const QUrl login(u"https://login.dimo.org/?clientId=x"_s);
        QVERIFY(!backend.openLoginWindow(login)); // headless: init_oauth falls back to the listener
        QCOMPARE(backend.desktopHooks(), nullptr);
        {
            FakeDesktop desktop;
            backend.setDesktopHooks(&desktop);
            QCOMPARE(backend.desktopHooks(), &desktop);
            QVERIFY(backend.openLoginWindow(login));
            QCOMPARE(desktop.opened, QList<QUrl>{login});
            bool allowed = false;
            backend.approvals().request(unlock(), nullptr, [&allowed](const ApprovalDecision &d) {
                allowed = d.allowed();
            });
            QVERIFY(allowed);
            QCOMPARE(desktop.dialog.asked, 1); // the desktop's dialog answered, not elicitation
            backend.setDesktopHooks(nullptr);
        }
        // The desktop is gone: nothing of it is reachable any more.
        QCOMPARE(backend.desktopHooks(), nullptr);
        QVERIFY(!backend.openLoginWindow(login));
    }
};

QTEST_GUILESS_MAIN(TstVehicleState)
#include "tst_vehiclestate.moc"
