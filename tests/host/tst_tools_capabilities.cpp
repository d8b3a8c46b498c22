// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// vehicle_capabilities ("the doctor", issue 17) end to end: the real shim in front of
// `dimo-tray --headless --demo` against the simulator, whose fixtures carry each state.
#include "tests/host/toolfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class TestToolsCapabilities : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void readyTeslaWarmIsThreeRequests();
    void teslaNeedsFirmware();
    void staleAndMissingPrivilege();
    void notYourVehicle();
    void fleetNeverSeenAndExpiringSoon();
    void accessStatusPointsToTheDoctor();
    void contractOfEveryDocument(); // keep last

private:
    static QJsonObject row(const QJsonObject &result, const QString &id);

    ToolFixture m_fx;
    DimoSim &m_sim = m_fx.sim;
};

TOOL_SUITE_SETUP(TestToolsCapabilities)

QJsonObject TestToolsCapabilities::row(const QJsonObject &result, const QString &id)
{
    for (const QJsonValue &r : result[u"structuredContent"_s][u"capabilities"_s].toArray()) {
        if (r[u"capability"_s].toString() == id) {
            return r.toObject();
        }
    }
    return {};
}

void TestToolsCapabilities::readyTeslaWarmIsThreeRequests()
{
    ToolSession s;
    QVERIFY(m_fx.startSession(s));
    const QJsonObject args{{u"tokenId"_s, 24567}};
    QJsonObject r = s.call(u"vehicle_capabilities"_s, args);
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonArray before = m_sim.requests();
    r = s.call(u"vehicle_capabilities"_s, args);
    const QJsonArray after = m_sim.requests();
    QStringList sent;
    for (qsizetype i = before.size(); i < after.size(); ++i) {
        sent << after.at(i)[u"service"_s].toString() + after.at(i)[u"path"_s].toString();
    }
    QVERIFY2(sent.size() <= 3, qPrintable(sent.join(u' ')));
    QVERIFY2(sent.contains(u"teslaOracle/v1/24567/status"_s), qPrintable(sent.join(u' ')));
    const QString text = ToolSession::text(r);
    QVERIFY2(text.contains(u"6 of 6 capabilities available"_s), qPrintable(text));
    QCOMPARE(r[u"structuredContent"_s][u"capabilities"_s].toArray().size(), 6);
    QVERIFY(row(r, u"commands"_s)[u"available"_s].toBool());
    QCOMPARE(row(r, u"latest"_s)[u"fix"_s][u"action"_s].toString(), u"none"_s);
    VERIFY_FINISH(s);
}

void TestToolsCapabilities::teslaNeedsFirmware()
{
    QVERIFY(
        !simControl(
             m_sim, "POST", u"/tesla-status"_s, QJsonObject{{u"tokenId"_s, 24567}, {u"action"_s, u"update_firmware"_s}})
             .isEmpty());
    ToolSession s;
    QVERIFY(m_fx.startSession(s));
    const QJsonObject r = s.call(u"vehicle_capabilities"_s, QJsonObject{{u"tokenId"_s, 24567}});
    const QJsonObject commands = row(r, u"commands"_s);
    QVERIFY2(!commands[u"available"_s].toBool(), qPrintable(ToolSession::text(r)));
    QVERIFY(commands[u"reason"_s].toString().contains(u"update_firmware"_s));
    QCOMPARE(commands[u"fix"_s][u"action"_s].toString(), u"tesla_owner"_s);
    QVERIFY(commands[u"fix"_s][u"text"_s].toString().contains(u"firmware"_s));
    QVERIFY(row(r, u"latest"_s)[u"available"_s].toBool());
    VERIFY_FINISH(s);
}

void TestToolsCapabilities::staleAndMissingPrivilege()
{
    ToolSession s;
    QVERIFY(m_fx.startSession(s));
    // 24558: Alice's Hashdog device last reported 26 h ago.
    QJsonObject r = s.call(u"vehicle_capabilities"_s, QJsonObject{{u"tokenId"_s, 24558}});
    const QJsonObject latest = row(r, u"latest"_s);
    QVERIFY2(!latest[u"available"_s].toBool(), qPrintable(ToolSession::text(r)));
    QVERIFY(latest[u"reason"_s].toString().contains(u"stale: last seen 26 h ago"_s));
    QVERIFY(latest[u"reason"_s].toString().contains(u"Hashdog aftermarket device"_s));
    QCOMPARE(latest[u"fix"_s][u"action"_s].toString(), u"check_source"_s);
    QVERIFY(row(r, u"history"_s)[u"available"_s].toBool());
    // 24566: shared with privileges 1,3,4,5,6 — commands lack privilege 2; the link re-shares all plus 2.
    r = s.call(u"vehicle_capabilities"_s, QJsonObject{{u"tokenId"_s, 24566}});
    const QJsonObject commands = row(r, u"commands"_s);
    QVERIFY2(!commands[u"available"_s].toBool(), qPrintable(ToolSession::text(r)));
    QVERIFY(commands[u"reason"_s].toString().contains(u"lacks privilege 2"_s));
    QCOMPARE(commands[u"fix"_s][u"action"_s].toString(), u"share"_s);
    const QString url = commands[u"fix"_s][u"url"_s].toString();
    QVERIFY2(url.contains(u"permissions=11111100"_s) && url.contains(u"vehicles=24566"_s)
                 && url.contains(u"entryState=VEHICLE_MANAGER"_s),
             qPrintable(url));
    QVERIFY(row(r, u"vin"_s)[u"available"_s].toBool());
    VERIFY_FINISH(s);
}

void TestToolsCapabilities::notYourVehicle()
{
    ToolSession s;
    QVERIFY(m_fx.startSession(s));
    // 24561 is Bob's and shared with this license: fleet mode would reach it.
    QJsonObject r = s.call(u"vehicle_capabilities"_s, QJsonObject{{u"tokenId"_s, 24561}});
    QJsonObject latest = row(r, u"latest"_s);
    QVERIFY2(!latest[u"available"_s].toBool(), qPrintable(ToolSession::text(r)));
    QVERIFY(latest[u"reason"_s].toString().startsWith(u"not your vehicle"_s));
    QCOMPARE(latest[u"fix"_s][u"action"_s].toString(), u"fleet_mode"_s);
    // 24564 is Bob's and not shared with this license: only the owner's login helps.
    r = s.call(u"vehicle_capabilities"_s, QJsonObject{{u"tokenId"_s, 24564}});
    QCOMPARE(row(r, u"commands"_s)[u"fix"_s][u"action"_s].toString(), u"sign_in"_s);
    QVERIFY(ToolSession::text(r).contains(u"0 of 6 capabilities available"_s));
    VERIFY_FINISH(s);
}

void TestToolsCapabilities::fleetNeverSeenAndExpiringSoon()
{
    ToolSession::Options fleet;
    fleet.fleetMode = true;
    ToolSession s;
    QVERIFY(m_fx.startSession(s, fleet));
    // 24559: a Motorq connection that never sent data.
    QJsonObject r = s.call(u"vehicle_capabilities"_s, QJsonObject{{u"tokenId"_s, 24559}});
    const QJsonObject history = row(r, u"history"_s);
    QVERIFY2(!history[u"available"_s].toBool(), qPrintable(ToolSession::text(r)));
    QVERIFY(history[u"reason"_s].toString().contains(u"never seen"_s));
    QVERIFY(history[u"reason"_s].toString().contains(u"Motorq connection"_s));
    QCOMPARE(history[u"fix"_s][u"action"_s].toString(), u"check_source"_s);
    // 24556: the grant expires in 4-5 days: available, and the fix is a re-share of all six.
    r = s.call(u"vehicle_capabilities"_s, QJsonObject{{u"tokenId"_s, 24556}});
    const QJsonObject latest = row(r, u"latest"_s);
    QVERIFY2(latest[u"available"_s].toBool(), qPrintable(ToolSession::text(r)));
    QVERIFY(latest[u"reason"_s].toString().contains(u"the grant expires in"_s));
    QCOMPARE(latest[u"fix"_s][u"action"_s].toString(), u"share"_s);
    QVERIFY(latest[u"fix"_s][u"url"_s].toString().contains(u"permissions=11111100"_s));
    // 24561: Bob's Tesla (reachable in fleet mode) lacks privilege 2.
    r = s.call(u"vehicle_capabilities"_s, QJsonObject{{u"tokenId"_s, 24561}});
    QVERIFY(row(r, u"commands"_s)[u"reason"_s].toString().contains(u"lacks privilege 2"_s));
    QVERIFY(row(r, u"latest"_s)[u"available"_s].toBool());
    VERIFY_FINISH(s);
}

void TestToolsCapabilities::accessStatusPointsToTheDoctor()
{
    ToolSession s;
    QVERIFY(m_fx.startSession(s));
    const QString text = ToolSession::text(s.call(u"check_vehicle_access_status"_s));
    QVERIFY2(text.contains(u"vehicle_capabilities {tokenId} says why"_s), qPrintable(text));
    VERIFY_FINISH(s);
}

void TestToolsCapabilities::contractOfEveryDocument()
{
    QString why;
    const int rc = m_fx.contract.validate(&why);
    qInfo().noquote() << why.trimmed();
    if (rc == 3) {
        QSKIP(qPrintable(why));
    }
    QVERIFY2(rc == 0, qPrintable(why));
}

QTEST_GUILESS_MAIN(TestToolsCapabilities)
#include "tst_tools_capabilities.moc"
