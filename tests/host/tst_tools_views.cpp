// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// MCP Apps (SEP-1865, extension io.modelcontextprotocol/ui) end to end: the real mcp-dimo shim in
// front of `dimo-tray --headless --demo` against the simulator. A client that does not declare the
// extension sees no `_meta.ui`, no ui:// resource and no app-only tool; one that declares it gets
// the vehicle card linked from telemetry_get_latest_signals and vehicle_data_summary, the HTML
// with its MIME type and CSP, and the app-only vehicle_card tool.
#include "tests/host/toolfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Ui = u"io.modelcontextprotocol/ui"_s;
const QString Mime = u"text/html;profile=mcp-app"_s;
const QString CardUri = u"ui://dimo-tray/vehicle-card"_s;
const QString TripMapUri = u"ui://dimo-tray/trip-map"_s;

QJsonObject uiCapabilities(const QJsonArray &mimeTypes = {u"text/html;profile=mcp-app"_s})
{
    return QJsonObject{{u"extensions"_s, QJsonObject{{Ui, QJsonObject{{u"mimeTypes"_s, mimeTypes}}}}}};
}

QJsonObject toolNamed(const QJsonArray &tools, const QString &name)
{
    for (const QJsonValue &t : tools) {
        if (t[u"name"_s].toString() == name) {
            return t.toObject();
        }
    }
    return {};
}

qsizetype listBytes(const QJsonArray &tools)
{
    return QJsonDocument(QJsonObject{{u"tools"_s, tools}}).toJson(QJsonDocument::Compact).size();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

class TestToolsViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void withoutTheExtensionNothingChanges_data();
    void withoutTheExtensionNothingChanges();
    void declaringClientGetsTheVehicleCard();

private:
    bool startSession(ToolSession &session, const QJsonObject &capabilities);

    ToolFixture m_fx;
};

TOOL_SUITE_SETUP(TestToolsViews)

bool TestToolsViews::startSession(ToolSession &session, const QJsonObject &capabilities)
{
    ToolSession::Options options;
    options.capabilities = capabilities;
    return m_fx.startSession(session, options);
}

void TestToolsViews::withoutTheExtensionNothingChanges_data()
{
    QTest::addColumn<QJsonObject>("capabilities");
    QTest::newRow("no extensions") << QJsonObject();
    QTest::newRow("another extension") << QJsonObject{
        {u"extensions"_s, QJsonObject{{u"io.modelcontextprotocol/tasks"_s, QJsonObject()}}}};
    QTest::newRow("ui without its MIME type") << uiCapabilities({u"text/html"_s});
    QTest::newRow("ui not an object") << QJsonObject{{u"extensions"_s, QJsonObject{{Ui, true}}}};
}

void TestToolsViews::withoutTheExtensionNothingChanges()
{
    QFETCH(QJsonObject, capabilities);
    ToolSession s;
    QVERIFY(startSession(s, capabilities));
    QVERIFY2(!s.initializeResult[u"capabilities"_s].toObject().contains(u"extensions"_s),
             qPrintable(compact(s.initializeResult)));

    const QJsonArray tools = s.listTools();
    QVERIFY(tools.size() >= 30);
    for (const QJsonValue &t : tools) {
        QVERIFY2(!t.toObject().contains(u"_meta"_s), qPrintable(compact(t.toObject())));
    }
    QVERIFY(toolNamed(tools, u"vehicle_card"_s).isEmpty());
    // tools/list does not grow at all: the budget of tst_tools_access (410 bytes per tool) still holds.
    QVERIFY2(listBytes(tools) <= 410 * tools.size(), qPrintable(QString::number(listBytes(tools))));

    const QJsonArray resources = s.request(u"resources/list"_s)[u"resources"_s].toArray();
    QVERIFY(!resources.isEmpty());
    for (const QJsonValue &r : resources) {
        QVERIFY2(!r[u"uri"_s].toString().startsWith(u"ui://"_s), qPrintable(compact(r.toObject())));
    }
    const QJsonObject read = s.request(u"resources/read"_s, {{u"uri"_s, CardUri}});
    QCOMPARE(read[u"rpcError"_s][u"code"_s].toInt(), -32002);

    // The app-only tool does not exist for this client, and results carry no _meta.
    const QJsonObject card = s.call(u"vehicle_card"_s, {{u"tokenId"_s, 24567}});
    QCOMPARE(card[u"rpcError"_s][u"code"_s].toInt(), -32602);
    QVERIFY(!ToolSession::isError(s.call(u"check_vehicle_access_status"_s)));
    const QJsonObject latest =
        s.call(u"telemetry_get_latest_signals"_s, {{u"tokenId"_s, 24567}, {u"signalNames"_s, QJsonArray{u"speed"_s}}});
    QVERIFY2(!ToolSession::isError(latest), qPrintable(ToolSession::text(latest)));
    QVERIFY2(!latest.contains(u"_meta"_s), qPrintable(compact(latest)));
    VERIFY_FINISH(s);
}

void TestToolsViews::declaringClientGetsTheVehicleCard()
{
    ToolSession plain;
    QVERIFY(startSession(plain, {}));
    const qsizetype plainBytes = listBytes(plain.listTools());
    VERIFY_FINISH(plain);

    ToolSession s;
    QVERIFY(startSession(s, uiCapabilities()));
    // The server advertises the extension to this client, with the MIME type it serves.
    const QJsonObject ext = s.initializeResult[u"capabilities"_s][u"extensions"_s][Ui].toObject();
    QCOMPARE(ext[u"mimeTypes"_s].toArray(), QJsonArray{Mime});

    // tools/list: the two tools link the card; the app-only refresh tool is marked for the app only.
    const QJsonArray tools = s.listTools();
    for (const QString &name : {u"telemetry_get_latest_signals"_s, u"vehicle_data_summary"_s}) {
        const QJsonObject tool = toolNamed(tools, name);
        QCOMPARE(tool[u"_meta"_s][u"ui"_s][u"resourceUri"_s].toString(), CardUri);
    }
    QCOMPARE(toolNamed(tools, u"telemetry_get_trip_segments"_s)[u"_meta"_s][u"ui"_s][u"resourceUri"_s].toString(),
             TripMapUri);
    QCOMPARE(toolNamed(tools, u"telemetry_get_signals_time_series"_s)[u"_meta"_s][u"ui"_s][u"resourceUri"_s].toString(),
             u"ui://dimo-tray/time-series"_s);
    const QJsonObject refresh = toolNamed(tools, u"vehicle_card"_s);
    QCOMPARE(refresh[u"_meta"_s][u"ui"_s][u"visibility"_s].toArray(), QJsonArray{u"app"_s});
    QCOMPARE(refresh[u"annotations"_s][u"readOnlyHint"_s].toBool(), true);
    qInfo().noquote() << "tools/list bytes: without the extension" << plainBytes << "with it" << listBytes(tools);
    QVERIFY2(listBytes(tools) - plainBytes <= 1024,
             qPrintable(u"grew by %1 bytes"_s.arg(listBytes(tools) - plainBytes)));

    // resources/list and resources/read: the HTML with its MIME type and a CSP with no domain.
    const QJsonArray resources = s.request(u"resources/list"_s)[u"resources"_s].toArray();
    bool listed = false;
    for (const QJsonValue &r : resources) {
        listed = listed || (r[u"uri"_s].toString() == CardUri && r[u"mimeType"_s].toString() == Mime);
    }
    QVERIFY2(listed, qPrintable(QString::fromUtf8(QJsonDocument(resources).toJson())));
    const QJsonObject map = s.request(u"resources/read"_s, {{u"uri"_s, TripMapUri}})[u"contents"_s][0].toObject();
    QCOMPARE(map[u"mimeType"_s].toString(), Mime);
    QVERIFY2(map[u"text"_s].toString().contains(u"<svg id=\"map\""_s), qPrintable(compact(map)));
    QVERIFY(map[u"_meta"_s][u"ui"_s][u"csp"_s][u"connectDomains"_s].toArray().isEmpty());
    const QJsonObject read = s.request(u"resources/read"_s, {{u"uri"_s, CardUri}});
    const QJsonObject contents = read[u"contents"_s][0].toObject();
    QCOMPARE(contents[u"uri"_s].toString(), CardUri);
    QCOMPARE(contents[u"mimeType"_s].toString(), Mime);
    const QString html = contents[u"text"_s].toString();
    QVERIFY2(html.startsWith(u"<!doctype html>"_s), qPrintable(html.left(100)));
    QVERIFY(html.contains(u"ui/initialize"_s) && html.contains(u"vehicle_card"_s));
    // Each view is served whole: the shared host bridge spliced in where it says so.
    for (const QString &view : {html, map[u"text"_s].toString()}) {
        QVERIFY(view.contains(u"function mcpAppBridge("_s) && !view.contains(u"/*@bridge*/"_s));
    }
    QVERIFY2(!html.contains(u"http://"_s) && !html.contains(u"https://"_s), "the view names no external URL");
    const QJsonObject csp = contents[u"_meta"_s][u"ui"_s][u"csp"_s].toObject();
    for (const QString &key : {u"connectDomains"_s, u"resourceDomains"_s, u"frameDomains"_s}) {
        QVERIFY2(csp.value(key).isArray() && csp.value(key).toArray().isEmpty(), qPrintable(compact(csp)));
    }

    // Results keep their text and structuredContent; _meta names the vehicle for the view.
    QVERIFY(!ToolSession::isError(s.call(u"check_vehicle_access_status"_s)));
    const QJsonObject latest = s.call(
        u"telemetry_get_latest_signals"_s,
        {{u"tokenId"_s, 24567}, {u"signalNames"_s, QJsonArray{u"powertrainTractionBatteryStateOfChargeCurrent"_s}}});
    QVERIFY2(!ToolSession::isError(latest), qPrintable(ToolSession::text(latest)));
    QVERIFY(ToolSession::text(latest).contains(u"powertrainTractionBatteryStateOfChargeCurrent"_s));
    QVERIFY(latest[u"structuredContent"_s][u"signals"_s].toObject().contains(
        u"powertrainTractionBatteryStateOfChargeCurrent"_s));
    const QJsonObject vehicle = latest[u"_meta"_s][u"dimo-tray/vehicle"_s].toObject();
    QCOMPARE(vehicle[u"model"_s].toString(), u"Model 3"_s);
    QVERIFY2(!vehicle[u"privileges"_s].toArray().isEmpty(), qPrintable(compact(vehicle)));
    QVERIFY2(!ToolSession::text(latest).contains(u"dimo-tray/vehicle"_s), "the model's text stays as it was");

    const QJsonObject summary = s.call(u"vehicle_data_summary"_s, {{u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(summary), qPrintable(ToolSession::text(summary)));
    QVERIFY(summary[u"structuredContent"_s].toObject().contains(u"freshness"_s));

    // The refresh button's app-only tool: the card's signals in one call.
    const QJsonObject card = s.call(u"vehicle_card"_s, {{u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(card), qPrintable(ToolSession::text(card)));
    const QJsonObject cardSignals = card[u"structuredContent"_s][u"signals"_s].toObject();
    QVERIFY2(cardSignals.contains(u"powertrainTransmissionTravelledDistance"_s), qPrintable(compact(card)));
    QVERIFY(cardSignals.contains(u"bodyLockIsLocked"_s));
    QCOMPARE(card[u"_meta"_s][u"dimo-tray/vehicle"_s][u"tokenId"_s].toInteger(), 24567);
    VERIFY_FINISH(s);
}

QTEST_GUILESS_MAIN(TestToolsViews)
#include "tst_tools_views.moc"
