// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// DIMO's hosted identity tools, daily activity, attestations, login and sharing links, and fleet
// mode end to end: the real mcp-dimo shim in front of `dimo-tray --headless --demo` against the
// simulator. Every document the tray sent is validated against DIMO's real schemas.
#include "tests/host/toolfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

class TestToolsIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void identityTools();
    void identityNotFound();
    void definitionSearchBackendFailure();
    void dailyActivity();
    void attestations();
    void loginAndSharingLinks();
    void fleetModeChecksGrants();
    void contractOfEveryDocument(); // keep last

private:
    bool startSession(ToolSession &session, bool fleetMode = false);

    ToolFixture m_fx;
    DimoSim &m_sim = m_fx.sim;
};

TOOL_SUITE_SETUP(TestToolsIdentity)

bool TestToolsIdentity::startSession(ToolSession &session, bool fleetMode)
{
    ToolSession::Options options;
    options.fleetMode = fleetMode;
    return m_fx.startSession(session, options);
}

void TestToolsIdentity::identityTools()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"identity_get_vehicle"_s, {{u"tokenId"_s, 24566}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonObject vehicle = ToolSession::structured(r)[u"vehicle"_s].toObject();
    QCOMPARE(vehicle[u"definition"_s][u"model"_s].toString(), u"F-150"_s);
    QCOMPARE(vehicle[u"owner"_s].toString(), u"0x21715970edFB986Aa4E754821a4ce1b598622F18"_s);
    const QString serial = vehicle[u"aftermarketDevice"_s][u"serial"_s].toString();
    QCOMPARE(serial, u"5c9e8a1f-3b2d-4e7a-9c61-0d4f2b8e7a13"_s);

    r = s.call(u"identity_get_aftermarket_device"_s, {{u"by"_s, QJsonObject{{u"serial"_s, serial}}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QCOMPARE(ToolSession::structured(r)[u"aftermarketDevice"_s][u"vehicle"_s][u"tokenId"_s].toInt(), 24566);
    QCOMPARE(ToolSession::structured(r)[u"aftermarketDevice"_s][u"manufacturer"_s][u"name"_s].toString(), u"AutoPi"_s);

    r = s.call(u"identity_list_vehicles"_s,
               {{u"first"_s, 10},
                {u"filterBy"_s, QJsonObject{{u"owner"_s, u"0x21715970edFB986Aa4E754821a4ce1b598622F18"_s}}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QSet<int> ids;
    for (const QJsonValue &v : ToolSession::structured(r)[u"vehicles"_s][u"nodes"_s].toArray()) {
        ids.insert(v[u"tokenId"_s].toInt());
    }
    QCOMPARE(ids, (QSet<int>{24567, 24566, 24560, 24558, 24555})); // every vehicle Alice owns, shared or not

    // Unknown vehicle: DIMO's NOT_FOUND as a tool error.
    r = s.call(u"identity_get_vehicle"_s, {{u"tokenId"_s, 999999}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"999999"_s), qPrintable(ToolSession::text(r)));
    VERIFY_FINISH(s);
}

// identity-api answers a missing item with an error (NOT_FOUND, or an untyped "sql: no rows in
// result set" for aftermarket devices); a `null` root without one reads exactly the same (FIDELITY.md).
void TestToolsIdentity::identityNotFound()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const auto withoutDimo = [](QString text) {
        const qsizetype at = text.indexOf(u" (DIMO: "_s);
        const qsizetype end = text.indexOf(u") \u2014 "_s, at);
        return at < 0 || end < 0 ? text : text.remove(at, end + 1 - at);
    };
    QJsonObject r = s.call(u"identity_get_vehicle"_s, {{u"tokenId"_s, 999999}});
    const QString errorText = ToolSession::text(r);
    QVERIFY2(ToolSession::isError(r) && errorText.startsWith(u"DIMO Identity has no vehicle with tokenId 999999 "_s)
                 && errorText.contains(u"(DIMO: No vehicle with token id 999999."_s),
             qPrintable(errorText));
    QVERIFY(m_sim
                .fault({{u"service"_s, u"identity"_s},
                        {u"path"_s, u"/query"_s},
                        {u"status"_s, 200},
                        {u"contentType"_s, u"application/json"_s},
                        {u"body"_s, QJsonObject{{u"data"_s, QJsonObject{{u"vehicle"_s, QJsonValue::Null}}}}},
                        {u"times"_s, 1}})
                .value(u"_ok"_s)
                .toBool());
    r = s.call(u"identity_get_vehicle"_s, {{u"tokenId"_s, 999999}});
    QVERIFY(ToolSession::isError(r));
    QCOMPARE(ToolSession::text(r), withoutDimo(errorText));

    r = s.call(u"identity_get_aftermarket_device"_s, {{u"by"_s, QJsonObject{{u"serial"_s, u"no-such-serial"_s}}}});
    QVERIFY2(ToolSession::isError(r)
                 && ToolSession::text(r).startsWith(
                     u"DIMO Identity has no aftermarket device with serial \"no-such-serial\" (DIMO: sql: no rows"_s),
             qPrintable(ToolSession::text(r)));
    VERIFY_FINISH(s);
}

// device-definitions-api's search ignores the mediator's error and answers 200 `null` when its
// search backend fails (FIDELITY.md): search_vehicles says so and to try again.
void TestToolsIdentity::definitionSearchBackendFailure()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QVERIFY(m_sim
                .fault({{u"service"_s, u"deviceDefinitions"_s},
                        {u"path"_s, u"/device-definitions/search"_s},
                        {u"status"_s, 200},
                        {u"contentType"_s, u"application/json"_s},
                        {u"body"_s, u"null"_s},
                        {u"times"_s, 1}})
                .value(u"_ok"_s)
                .toBool());
    QJsonObject r = s.call(u"search_vehicles"_s, {{u"make"_s, u"Tesla"_s}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"not a JSON object"_s)
                 && ToolSession::text(r).contains(u"try again later"_s),
             qPrintable(ToolSession::text(r)));
    r = s.call(u"search_vehicles"_s, {{u"make"_s, u"Tesla"_s}}); // the next search is answered
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    VERIFY_FINISH(s);
}

void TestToolsIdentity::dailyActivity()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"telemetry_get_daily_activity"_s,
                           {{u"tokenId"_s, 24567},
                            {u"from"_s, daysAgo(4)},
                            {u"to"_s, daysAgo(1)},
                            {u"mechanism"_s, u"ignitionDetection"_s},
                            {u"timezone"_s, u"Europe/Berlin"_s}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonArray days = ToolSession::structured(r)[u"days"_s].toArray();
    QVERIFY2(days.size() >= 3 && days.size() <= 4, qPrintable(ToolSession::text(r)));
    int segments = 0;
    QString previous;
    for (const QJsonValue &d : days) {
        segments += d[u"segmentCount"_s].toInt();
        // Each row names its day (in the requested zone), in order, one row per day.
        const QString date = d[u"date"_s].toString();
        QVERIFY2(QDate::fromString(date, Qt::ISODate).isValid() && date > previous, qPrintable(ToolSession::text(r)));
        const QDateTime start = QDateTime::fromString(d[u"start"_s][u"timestamp"_s].toString(), Qt::ISODateWithMs);
        QCOMPARE(start.toTimeZone(QTimeZone("Europe/Berlin")).date().toString(Qt::ISODate), date);
        previous = date;
    }
    QVERIFY(segments >= 3); // 1-3 trips a day
    QVERIFY(ToolSession::structured(r)[u"freshness"_s].isObject());

    const int before = m_sim.count(u"telemetry"_s);
    r = s.call(u"telemetry_get_daily_activity"_s,
               {{u"tokenId"_s, 24567},
                {u"from"_s, daysAgo(4)},
                {u"to"_s, daysAgo(1)},
                {u"mechanism"_s, u"ignitionDetection"_s},
                {u"timezone"_s, u"Mars/Olympus"_s}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"time zone"_s),
             qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"telemetry"_s), before);
    VERIFY_FINISH(s);
}

void TestToolsIdentity::attestations()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"attestation_create"_s,
                           {{u"tokenId"_s, 24567}, {u"type"_s, u"odometer"_s}, {u"force"_s, true}}); // force: obsolete
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"attestation"_s, u"/v2/attestation/odometer-statement/24567"_s, "POST"), 1);
    QVERIFY(ToolSession::structured(r)[u"next"_s].toString().contains(u"telemetry_get_attestations"_s));

    // telemetry-api answers attestations only to a token with a dimo.attestation cloud-event grant
    // (FIDELITY.md): the tray asks token exchange for one with the current body (asset DID + cloudEvents).
    r = s.call(u"telemetry_get_attestations"_s, {{u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QVERIFY(ToolSession::structured(r)[u"attestations"_s].isArray());
    const int exchanges = m_sim.count(u"tokenExchange"_s, u"/v1/tokens/exchange"_s, "POST");
    r = s.call(u"telemetry_get_attestations"_s, {{u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"tokenExchange"_s, u"/v1/tokens/exchange"_s, "POST"), exchanges); // cached
    r = s.call(u"attestation_create"_s, {{u"tokenId"_s, 24567}, {u"type"_s, u"bogus"_s}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"vin"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"attestation"_s, {}, "POST"), 1);
    VERIFY_FINISH(s);
}

void TestToolsIdentity::loginAndSharingLinks()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"generate_vehicle_data_sharing_url"_s,
                           {{u"permissions"_s, QJsonArray{1, 2, 5}}, {u"vehicles"_s, QJsonArray{24566}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QString text = ToolSession::text(r);
    const qsizetype start = text.indexOf(u"http"_s);
    QVERIFY(start >= 0);
    const QUrl url(text.mid(start, text.indexOf(u'\n', start) - start));
    QVERIFY2(url.toString().startsWith(m_sim.serviceUrl(u"login"_s).toString()), qPrintable(url.toString()));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"clientId"_s), u"0x84a0F7845E012c833d255577F233284B46533543"_s);
    QCOMPARE(query.queryItemValue(u"entryState"_s), u"VEHICLE_MANAGER"_s);
    QCOMPARE(query.queryItemValue(u"vehicles"_s), u"24566"_s);
    QVERIFY(query.queryItemValue(u"permissions"_s).startsWith(u"11001"_s)); // privileges 1, 2 and 5

    // The demo license redirects to https://example.com: no loopback listener, a clear error.
    r = s.call(u"init_oauth"_s);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"redirect URI"_s), qPrintable(ToolSession::text(r)));
    VERIFY_FINISH(s);
}

void TestToolsIdentity::fleetModeChecksGrants()
{
    ToolSession s;
    QVERIFY(startSession(s, true));
    QJsonObject r = s.call(u"check_vehicle_access_status"_s);
    const QString text = ToolSession::text(r);
    QVERIFY2(text.contains(u"Mode: fleet"_s), qPrintable(text));
    QVERIFY2(text.contains(u"- 24565: 2022 Toyota RAV4 Hybrid"_s), qPrintable(text)); // Bob's, shared
    QVERIFY(!text.contains(u"- 24564:"_s)); // not shared
    QVERIFY(!text.contains(u"- 24560:"_s)); // grant expired

    r = s.call(u"telemetry_query"_s, {{u"query"_s, LatestSpeedQuery}, {u"tokenId"_s, 24565}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    r = s.call(u"telemetry_query"_s, {{u"query"_s, LatestSpeedQuery}, {u"tokenId"_s, 24564}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"not shared"_s),
             qPrintable(ToolSession::text(r)));
    // 24565 is shared without location (privilege 4).
    r = s.call(u"telemetry_get_latest_signals"_s,
               {{u"tokenId"_s, 24565}, {u"signalNames"_s, QJsonArray{u"currentLocationCoordinates"_s}}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"privilege 4"_s),
             qPrintable(ToolSession::text(r)));
    // A share whose SACD document grants no cloud events (24563), or an old share without a document (24557):
    // token exchange refuses the attestation grant (403 / 400); the answer says what to re-share.
    for (const int id : {24563, 24557}) {
        r = s.call(u"telemetry_get_attestations"_s, {{u"tokenId"_s, id}});
        const QString t = ToolSession::text(r);
        QVERIFY2(ToolSession::isError(r) && t.contains(u"without access to its attestations"_s)
                     && t.contains(u"share the vehicle again via Login with DIMO"_s)
                     && t.contains(id == 24563 ? u"failed to evaluate cloudevents"_s
                                               : u"failed to fetch source document from IPFS"_s),
                 qPrintable(t));
    }
    VERIFY_FINISH(s);
}

void TestToolsIdentity::contractOfEveryDocument()
{
    VERIFY_CONTRACT(m_fx, 6);
}

QTEST_GUILESS_MAIN(TestToolsIdentity)
#include "tst_tools_identity.moc"
