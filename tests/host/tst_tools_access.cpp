// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The DIMO tools end to end (access, schema, raw GraphQL, utilities, attestations, toolsets):
// the real mcp-dimo shim in front of `dimo-tray --headless --demo` against the simulator.
// The GraphQL documents the tray sent are validated against DIMO's real schemas at the end.
#include "tests/host/toolfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestToolsAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void accessStatusListsAlicesVehicles();
    void accessStatusShowsCredits();
    void accessStatusSurvivesUnknownCredits();
    void introspection();
    void identityQuery();
    void telemetryQuery();
    void telemetryQueryErrors();
    void warmTelemetryQueryMakesOneRequest();
    void vinDecode();
    void searchVehicles();
    void attestationCreateVinReadsBack();
    void toolsets();
    void tokensOutliveARestart();
    void contractOfEveryDocument(); // keep last

private:
    bool startSession(ToolSession &session, const ToolSession::Options &options = {});

    ToolFixture m_fx;
    DimoSim &m_sim = m_fx.sim;
    ContractDocuments &m_contract = m_fx.contract;
};

TOOL_SUITE_SETUP(TestToolsAccess)

bool TestToolsAccess::startSession(ToolSession &session, const ToolSession::Options &options)
{
    return m_fx.startSession(session, options);
}

void TestToolsAccess::accessStatusListsAlicesVehicles()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const QJsonObject r = s.call(u"check_vehicle_access_status"_s);
    const QString text = ToolSession::text(r);
    QVERIFY2(!ToolSession::isError(r), qPrintable(text));
    QVERIFY2(text.contains(u"Signed in: wallet 0x21715970edFB986Aa4E754821a4ce1b598622F18"_s), qPrintable(text));
    QVERIFY(text.contains(u"0x84a0F7845E012c833d255577F233284B46533543"_s));
    QVERIFY(text.contains(u"- 24567: 2023 Tesla Model 3"_s));
    QVERIFY(text.contains(u"privileges 1,2,3,4,5,6"_s));
    QVERIFY(text.contains(u"- 24566: 2021 Ford F-150"_s));
    QVERIFY(text.contains(u"- 24558: "_s));
    QVERIFY(text.contains(u"- 24555: "_s));
    QVERIFY2(!text.contains(u"24560"_s), qPrintable(text)); // grant expired
    QVERIFY(!text.contains(u"24564"_s)); // Bob's
    QVERIFY(text.contains(u"Accessible vehicles: 4"_s));
    VERIFY_FINISH(s);
}

// credit-tracker (FIDELITY.md): one balance per (license, vehicle), read with the developer JWT and
// kept for CreditsFreshSecs.
void TestToolsAccess::accessStatusShowsCredits()
{
    QVERIFY(m_sim.setCredits(24567, 640)); // before the session: its start calls the tool, which reads them
    ToolSession s;
    QVERIFY(startSession(s));
    const qsizetype before = m_sim.requests(u"creditTracker"_s).size();
    QVERIFY2(before >= 4, qPrintable(QString::number(before))); // one read per vehicle at least
    const QJsonObject r = s.call(u"check_vehicle_access_status"_s);
    const QString text = ToolSession::text(r);
    QVERIFY2(!ToolSession::isError(r), qPrintable(text));
    QVERIFY2(text.contains(u"privileges 1,2,3,4,5,6; credits: 640 left (360 used in 30 days)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"credits: 12 left (988 used in 30 days)"_s), qPrintable(text)); // 24558, the low fixture
    QVERIFY2(text.contains(u"Low on credits: 24558 (12 left)."_s), qPrintable(text));
    QVERIFY(text.contains(u"read at most 5 minutes ago"_s));
    QVERIFY(text.contains(u"DIMO developer console (console.dimo.org)"_s));
    QVERIFY(!text.contains(u"credits unknown"_s, Qt::CaseInsensitive));
    // Read a moment ago: this call asked credit-tracker nothing.
    const QJsonArray reads = m_sim.requests(u"creditTracker"_s);
    QCOMPARE(reads.size(), before);
    // Each read has the license in the path and the vehicle's DID.
    for (const QJsonValue &req : reads) {
        QVERIFY2(req[u"path"_s].toString().startsWith(
                     u"/v1/credits/0x84a0F7845E012c833d255577F233284B46533543/assets/did:erc721:137:"_s),
                 qPrintable(req[u"path"_s].toString()));
    }
    VERIFY_FINISH(s);
}

// A failure to read credits never fails the tool: it says why the credits are unknown, and a
// failed read is not kept (the next call asks again).
void TestToolsAccess::accessStatusSurvivesUnknownCredits()
{
    // One vehicle refused: only its row says so.
    QVERIFY(m_sim
                .fault({{u"service"_s, u"creditTracker"_s},
                        {u"path"_s, u"^.*:24566/usage$"_s},
                        {u"status"_s, 403},
                        {u"body"_s, QJsonObject{{u"message"_s, u"Forbidden"_s}, {u"code"_s, 403}}}})
                .value(u"_ok"_s)
                .toBool());
    ToolSession s;
    QVERIFY(startSession(s));
    const qsizetype before = m_sim.requests(u"creditTracker"_s).size();
    QJsonObject r = s.call(u"check_vehicle_access_status"_s);
    QString text = ToolSession::text(r);
    QVERIFY2(!ToolSession::isError(r), qPrintable(text));
    const qsizetype row = text.indexOf(u"- 24566: "_s);
    QVERIFY(row >= 0);
    const QString line = text.mid(row, text.indexOf(u'\n', row) - row);
    QVERIFY2(line.contains(u"; credits unknown: "_s) && line.contains(u"[HTTP 403]"_s), qPrintable(line));
    QVERIFY2(text.contains(u"credits: 12 left"_s), qPrintable(text));
    QCOMPARE(m_sim.requests(u"creditTracker"_s).size(), before + 1); // only the refused vehicle again
    VERIFY_FINISH(s);
    QVERIFY(m_sim.clearFaults());

    // The service down for every vehicle: one line says why, every vehicle is still listed.
    QVERIFY(m_sim.fault({{u"service"_s, u"creditTracker"_s}, {u"status"_s, 503}}).value(u"_ok"_s).toBool());
    ToolSession s2;
    QVERIFY(startSession(s2));
    r = s2.call(u"check_vehicle_access_status"_s);
    text = ToolSession::text(r);
    QVERIFY2(!ToolSession::isError(r), qPrintable(text));
    QVERIFY2(text.contains(u"\nCredits unknown: "_s) && text.contains(u"[HTTP 503]"_s), qPrintable(text));
    QVERIFY(!text.contains(u"; credits"_s));
    QVERIFY(text.contains(u"Accessible vehicles: 4"_s));
    QVERIFY(text.contains(u"- 24555: "_s));
    VERIFY_FINISH(s2);
}

void TestToolsAccess::introspection()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"identity_introspect"_s, {{u"type"_s, u"Vehicle"_s}});
    QString text = ToolSession::text(r);
    QVERIFY2(!ToolSession::isError(r) && text.startsWith(u"type Vehicle"_s), qPrintable(text));
    QVERIFY(text.contains(u"tokenId: Int!"_s));
    QVERIFY(text.contains(u"definition: Definition"_s));
    QVERIFY(!text.contains(u"type Manufacturer"_s)); // narrowed to one type

    r = s.call(u"telemetry_introspect"_s, {{u"search"_s, u"battery"_s}});
    text = ToolSession::text(r);
    QVERIFY2(!ToolSession::isError(r), qPrintable(text));
    QVERIFY(text.contains(u"powertrainTractionBatteryStateOfChargeCurrent"_s));
    QVERIFY(!text.contains(u"speed"_s));

    r = s.call(u"telemetry_introspect"_s);
    text = ToolSession::text(r);
    QVERIFY(!ToolSession::isError(r));
    QVERIFY(text.contains(u"signalsLatest"_s));
    QVERIFY2(text.toUtf8().size() <= 20 * 1024, qPrintable(QString::number(text.toUtf8().size())));

    r = s.call(u"identity_introspect"_s);
    QVERIFY(!ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).toUtf8().size() <= 9 * 1024,
             qPrintable(QString::number(ToolSession::text(r).size())));

    // An unknown type is an error with the closest names.
    r = s.call(u"telemetry_introspect"_s, {{u"type"_s, u"SignalColection"_s}});
    text = ToolSession::text(r);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(text.contains(u"SignalColection"_s) && text.contains(u"Did you mean SignalCollection"_s),
             qPrintable(text));

    // Cached: a repeat costs no request.
    const int before = int(m_sim.requests().size());
    QVERIFY(!ToolSession::isError(s.call(u"telemetry_introspect"_s, {{u"type"_s, u"SignalCollection"_s}})));
    QVERIFY(!ToolSession::isError(s.call(u"identity_introspect"_s, {{u"search"_s, u"aftermarket"_s}})));
    QCOMPARE(int(m_sim.requests().size()), before);
    VERIFY_FINISH(s);
}

void TestToolsAccess::identityQuery()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(
        u"identity_query"_s,
        {{u"query"_s, u"query($id: Int!) { vehicle(tokenId: $id) { tokenId owner definition { make model year } } }"_s},
         {u"variables"_s, QJsonObject{{u"id"_s, 24567}}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonObject data = QJsonDocument::fromJson(ToolSession::text(r).toUtf8()).object();
    QCOMPARE(data[u"vehicle"_s][u"owner"_s].toString(), u"0x21715970edFB986Aa4E754821a4ce1b598622F18"_s);
    QCOMPARE(data[u"vehicle"_s][u"definition"_s][u"model"_s].toString(), u"Model 3"_s);
    QCOMPARE(data[u"vehicle"_s][u"definition"_s][u"year"_s].toInt(), 2023);

    const QString bad = u"{ vehicle(tokenId: 24567) { tokenid } }"_s;
    m_contract.expectInvalid(bad);
    r = s.call(u"identity_query"_s, {{u"query"_s, bad}});
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).startsWith(u"GraphQL schema error detected"_s), qPrintable(ToolSession::text(r)));
    QVERIFY2(ToolSession::text(r).contains(u"tokenId"_s), qPrintable(ToolSession::text(r)));
    VERIFY_FINISH(s);
}

void TestToolsAccess::telemetryQuery()
{
    ToolSession s;
    QVERIFY(startSession(s));
    // Token id top-level, or in variables.
    QJsonObject r = s.call(u"telemetry_query"_s, {{u"query"_s, LatestSpeedQuery}, {u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QJsonObject data = QJsonDocument::fromJson(ToolSession::text(r).toUtf8()).object();
    QVERIFY2(data[u"signalsLatest"_s][u"speed"_s][u"value"_s].isDouble(), qPrintable(ToolSession::text(r)));
    r = s.call(u"telemetry_query"_s,
               {{u"query"_s, LatestSpeedQuery}, {u"variables"_s, QJsonObject{{u"tokenId"_s, 24566}}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    data = QJsonDocument::fromJson(ToolSession::text(r).toUtf8()).object();
    QVERIFY(data[u"signalsLatest"_s][u"speed"_s][u"value"_s].isDouble());
    VERIFY_FINISH(s);
}

void TestToolsAccess::telemetryQueryErrors()
{
    ToolSession s;
    QVERIFY(startSession(s));
    // Validation error: DIMO's message led by the old server's sentence, plus the replacement.
    const QString removed =
        u"query($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { currentLocationLatitude { value } } }"_s;
    m_contract.expectInvalid(removed);
    QJsonObject r = s.call(u"telemetry_query"_s, {{u"query"_s, removed}, {u"tokenId"_s, 24567}});
    QString text = ToolSession::text(r);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(text.startsWith(u"GraphQL schema error detected. Please call telemetry_introspect first"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"currentLocationCoordinates"_s), qPrintable(text));
    QVERIFY(text.contains(u"Cannot query field \"currentLocationLatitude\""_s));

    // Syntax error with line and column.
    const QString broken = u"query($tokenId: Int!) {\n  signalsLatest(tokenId: $tokenId) { speed { value } }\n"_s;
    m_contract.expectInvalid(broken);
    r = s.call(u"telemetry_query"_s, {{u"query"_s, broken}, {u"tokenId"_s, 24567}});
    text = ToolSession::text(r);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(text.contains(u"Syntax Error"_s) && text.contains(u"line 3"_s) && text.contains(u"column"_s),
             qPrintable(text));

    // Token ids a model can get wrong: nothing is sent.
    const int before = int(m_sim.requests().size());
    for (const QJsonValue &id : {QJsonValue(-3), QJsonValue(1.5), QJsonValue(u"abc"_s), QJsonValue(0)}) {
        r = s.call(u"telemetry_query"_s, {{u"query"_s, LatestSpeedQuery}, {u"tokenId"_s, id}});
        QVERIFY2(ToolSession::isError(r), qPrintable(ToolSession::text(r)));
        QVERIFY2(ToolSession::text(r).contains(u"tokenId"_s), qPrintable(ToolSession::text(r)));
    }
    r = s.call(u"telemetry_query"_s, {{u"query"_s, LatestSpeedQuery}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"tokenId"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(int(m_sim.requests().size()), before);

    // Bob's vehicle: not Alice's, refused before telemetry.
    const int telemetryBefore = m_sim.count(u"telemetry"_s);
    r = s.call(u"telemetry_query"_s, {{u"query"_s, LatestSpeedQuery}, {u"tokenId"_s, 24564}});
    text = ToolSession::text(r);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(text.contains(u"24564"_s) && text.contains(u"not to the signed-in wallet"_s), qPrintable(text));
    QCOMPARE(m_sim.count(u"telemetry"_s), telemetryBefore);
    VERIFY_FINISH(s);
}

void TestToolsAccess::warmTelemetryQueryMakesOneRequest()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const QJsonObject args{{u"query"_s, LatestSpeedQuery}, {u"tokenId"_s, 24567}};
    QVERIFY(!ToolSession::isError(s.call(u"telemetry_query"_s, args)));
    const QJsonArray before = m_sim.requests();
    QVERIFY(!ToolSession::isError(s.call(u"telemetry_query"_s, args)));
    const QJsonArray after = m_sim.requests();
    QStringList sent;
    for (qsizetype i = before.size(); i < after.size(); ++i) {
        sent << after.at(i)[u"service"_s].toString() + after.at(i)[u"path"_s].toString();
    }
    QCOMPARE(sent, QStringList{u"telemetry/query"_s});
    VERIFY_FINISH(s);
}

void TestToolsAccess::tokensOutliveARestart()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("no D-Bus session, so no keychain (scripts/test runs the suite with an unlocked gnome-keyring)");
    }
    ToolSession::Options options;
    options.keychain = true;
    const QJsonObject args{{u"query"_s, u"query($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { lastSeen } }"_s},
                           {u"tokenId"_s, 24566}};
    {
        ToolSession first;
        QVERIFY(startSession(first, options));
        QVERIFY(!ToolSession::isError(first.call(u"telemetry_query"_s, args)));
        QTest::qWait(500); // the keychain write of the developer JWT
        VERIFY_FINISH(first);
    }
    // A new tray: the developer JWT comes back from the keychain, so the first query costs the
    // access check, the token exchange and the query — no challenge, no submit.
    ToolSession second;
    QVERIFY(startSession(second, options));
    const QJsonArray before = m_sim.requests();
    QVERIFY(!ToolSession::isError(second.call(u"telemetry_query"_s, args)));
    const QJsonArray after = m_sim.requests();
    QStringList sent;
    for (qsizetype i = before.size(); i < after.size(); ++i) {
        sent << after.at(i)[u"service"_s].toString() + after.at(i)[u"path"_s].toString();
    }
    QCOMPARE(sent, (QStringList{u"identity/query"_s, u"tokenExchange/v1/tokens/exchange"_s, u"telemetry/query"_s}));
    VERIFY_FINISH(second);
}

void TestToolsAccess::vinDecode()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"vin_decode"_s, {{u"vin"_s, u"5YJA1E5A0PF024567"_s}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonObject out = r.value(u"structuredContent"_s).toObject();
    QCOMPARE(out[u"deviceDefinitionId"_s].toString(), u"tesla_model-3_2023"_s);
    QCOMPARE(out[u"make"_s].toString(), u"Tesla"_s); // names from Identity, not the id's slugs
    QCOMPARE(out[u"model"_s].toString(), u"Model 3"_s);
    QCOMPARE(out[u"year"_s].toInt(), 2023);
    QCOMPARE(out[u"countryCode"_s].toString(), u"USA"_s);
    QCOMPARE(m_sim.count(u"deviceDefinitions"_s, u"/device-definitions/decode-vin"_s), 1);

    const int before = m_sim.count(u"deviceDefinitions"_s);
    r = s.call(u"vin_decode"_s, {{u"vin"_s, u"5YJA1E5A1PF024567"_s}}); // check digit 0 changed to 1
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"check digit"_s), qPrintable(ToolSession::text(r)));
    r = s.call(u"vin_decode"_s, {{u"vin"_s, u"5YJA1E5A0PF02456"_s}});
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"17 characters"_s) && ToolSession::text(r).contains(u"16"_s),
             qPrintable(ToolSession::text(r)));
    r = s.call(u"vin_decode"_s, {{u"vin"_s, u"5YJA1E5A0PF024567"_s}, {u"countryCode"_s, u"XYZ"_s}});
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"alpha-3"_s), qPrintable(ToolSession::text(r)));
    r = s.call(u"vin_decode"_s, {{u"vin"_s, u"5YJA1E5AOPF024567"_s}}); // letter O
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"I, O or Q"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"deviceDefinitions"_s), before); // refused before anything was sent
    VERIFY_FINISH(s);
}

void TestToolsAccess::searchVehicles()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"search_vehicles"_s, {{u"make"_s, u"Tesla"_s}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QJsonArray rows = r.value(u"structuredContent"_s)[u"deviceDefinitions"_s].toArray();
    QVERIFY(!rows.isEmpty());
    QSet<QString> models;
    for (const QJsonValue &row : rows) {
        QCOMPARE(row[u"make"_s].toString(), u"Tesla"_s);
        models.insert(row[u"model"_s].toString());
    }
    QVERIFY(models.contains(u"Model 3"_s) && models.contains(u"Model Y"_s));

    r = s.call(u"search_vehicles"_s, {{u"make"_s, u"Tesla"_s}, {u"model"_s, u"Model Y"_s}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    rows = r.value(u"structuredContent"_s)[u"deviceDefinitions"_s].toArray();
    QVERIFY(!rows.isEmpty());
    for (const QJsonValue &row : rows) {
        QCOMPARE(row[u"model"_s].toString(), u"Model Y"_s);
    }
    r = s.call(u"search_vehicles"_s);
    QVERIFY(ToolSession::isError(r));
    VERIFY_FINISH(s);
}

void TestToolsAccess::attestationCreateVinReadsBack()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"telemetry_get_vin_credential"_s, {{u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    r = s.call(u"attestation_create"_s, {{u"tokenId"_s, 24567}, {u"type"_s, u"vin"_s}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonObject vc = r.value(u"structuredContent"_s)[u"vinCredential"_s].toObject();
    QCOMPARE(vc[u"vin"_s].toString(), u"5YJA1E5A0PF024567"_s);
    QVERIFY(!vc[u"validTo"_s].toString().isEmpty());
    QCOMPARE(m_sim.count(u"attestation"_s, u"/v2/attestation/vin/24567"_s, "POST"), 1);

    // The typed read shows the same credential now.
    r = s.call(u"telemetry_get_vin_credential"_s, {{u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QCOMPARE(r.value(u"structuredContent"_s)[u"vinCredential"_s][u"vin"_s].toString(), u"5YJA1E5A0PF024567"_s);

    // The old server's name shares the implementation; Bob's vehicle is refused.
    r = s.call(u"attestation_create_vin"_s, {{u"tokenId"_s, 24564}});
    QVERIFY(ToolSession::isError(r));
    QCOMPARE(m_sim.count(u"attestation"_s, u"/v2/attestation/vin/24564"_s), 0);
    VERIFY_FINISH(s);
}

void TestToolsAccess::toolsets()
{
    auto options = [](const QString &toolset) {
        ToolSession::Options o;
        o.toolset = toolset;
        o.waitForSignIn = false;
        return o;
    };
    auto names = [](const QJsonArray &tools) {
        QStringList out;
        for (const QJsonValue &t : tools) {
            out << t[u"name"_s].toString();
        }
        return out;
    };
    {
        ToolSession s;
        QVERIFY(startSession(s, options({})));
        const QStringList all = names(s.listTools());
        QVERIFY2(all.contains(u"lock_doors"_s) && all.contains(u"attestation_create"_s), qPrintable(all.join(u',')));
        QVERIFY(all.size() >= 30);
        // Every session pays for the tool list in context: at most 410 bytes per tool on average (issue 8, 17).
        const qsizetype bytes =
            QJsonDocument(QJsonObject{{u"tools"_s, s.listTools()}}).toJson(QJsonDocument::Compact).size();
        qInfo("tools/list: %lld bytes for %lld tools", qlonglong(bytes), qlonglong(all.size()));
        QVERIFY2(bytes <= 410 * all.size(), qPrintable(u"tools/list is %1 bytes"_s.arg(bytes)));
        VERIFY_FINISH(s);
    }
    {
        ToolSession s;
        QVERIFY(startSession(s, options(u"read-only"_s)));
        const QStringList list = names(s.listTools());
        QVERIFY(list.contains(u"telemetry_query"_s));
        for (const QString &name : list) {
            QVERIFY2(!name.startsWith(u"attestation_"_s), qPrintable(name));
        }
        for (const QString &command : {u"lock_doors"_s, u"unlock_doors"_s, u"start_charge"_s, u"open_trunk"_s}) {
            QVERIFY2(!list.contains(command), qPrintable(command));
        }
        VERIFY_FINISH(s);
    }
    {
        ToolSession s;
        QVERIFY(startSession(s, options(u"essentials"_s)));
        const QStringList list = names(s.listTools());
        QVERIFY2(!list.isEmpty() && list.size() <= 13, qPrintable(list.join(u',')));
        QVERIFY(list.contains(u"vehicle_capabilities"_s));
        QVERIFY(list.contains(u"check_vehicle_access_status"_s));
        VERIFY_FINISH(s);
    }
}

void TestToolsAccess::contractOfEveryDocument()
{
    VERIFY_CONTRACT(m_fx, 5);
}

QTEST_GUILESS_MAIN(TestToolsAccess)
#include "tst_tools_access.moc"
