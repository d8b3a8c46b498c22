// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The vehicle card view (MCP Apps) rendered in real QtWebEngine: its HTML read with resources/read
// from `dimo-tray --headless --demo` (through the real mcp-dimo shim, simulator behind), a tiny
// host (tests/host/viewhost) posts ui/initialize's answer and a real telemetry_get_latest_signals
// result; the DOM shows the vehicle's name, charge and odometer, the view loads nothing from the
// network, and its Refresh button calls the app-only vehicle_card tool through the host.
#include "tests/host/toolfixture.h"
#include "tests/host/viewhost.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace {

const QString Soc = u"powertrainTractionBatteryStateOfChargeCurrent"_s;
const QString Odometer = u"powertrainTransmissionTravelledDistance"_s;

QJsonObject uiCapabilities()
{
    return QJsonObject{{u"extensions"_s,
                        QJsonObject{{u"io.modelcontextprotocol/ui"_s,
                                     QJsonObject{{u"mimeTypes"_s, QJsonArray{u"text/html;profile=mcp-app"_s}}}}}}};
}

// The view's HTML as a client that declared the extension reads it ("" on failure, with the answer in *why).
QString readView(ToolSession &s, const QString &uri, QString *why)
{
    const QJsonObject read = s.request(u"resources/read"_s, {{u"uri"_s, uri}});
    const QString html = read[u"contents"_s][0][u"text"_s].toString();
    *why = QString::fromUtf8(QJsonDocument(read).toJson());
    qInfo().noquote() << uri << html.toUtf8().size() << "bytes";
    return html.startsWith(u"<!doctype html>"_s) ? html : QString();
}

// scripts/screenshots: the view as a host shows it, for the README (DIMOTRAY_SCREENSHOT_DIR).
bool saveScreenshot(ViewHost &host, const QString &name, int height)
{
    const QString shots = qEnvironmentVariable("DIMOTRAY_SCREENSHOT_DIR");
    if (shots.isEmpty()) {
        return true;
    }
    host.widget()->resize(560, height);
    if (!QTest::qWaitForWindowExposed(host.widget())) {
        return false;
    }
    QTest::qWait(1500); // let Chromium's compositor paint the last render (software GL under Xvfb)
    return host.widget()->grab().save(QDir(shots).filePath(name + u".png"_s));
}

} // namespace

class TestVehicleView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cardShowsTheToolResult();
    void tripMapDrawsTheSegments();
    void timeSeriesChartsEachSeries();
    void dailyActivityChartsTheDays();

private:
    // A session of a client that declared the extension, `uri`'s HTML read, access checked.
    bool startWithView(ToolSession &s, const QString &uri, QString *html);

    ToolFixture m_fx;
};

void TestVehicleView::initTestCase()
{
    QString error;
    QVERIFY2(m_fx.startSimulator(&error), qPrintable(error));
}

void TestVehicleView::cleanup()
{
    m_fx.afterTest();
}

bool TestVehicleView::startWithView(ToolSession &s, const QString &uri, QString *html)
{
    ToolSession::Options options;
    options.capabilities = uiCapabilities();
    if (!m_fx.startSession(s, options)) {
        return false;
    }
    QString why;
    *html = readView(s, uri, &why);
    if (html->isEmpty()) {
        qWarning().noquote() << "no view at" << uri << why;
        return false;
    }
    return !ToolSession::isError(s.call(u"check_vehicle_access_status"_s));
}

void TestVehicleView::cardShowsTheToolResult()
{
    ToolSession s;
    QString html;
    QVERIFY(startWithView(s, u"ui://dimo-tray/vehicle-card"_s, &html));
    const QJsonObject arguments{{u"tokenId"_s, 24567},
                                {u"signalNames"_s, QJsonArray{Soc, Odometer, u"powertrainRange"_s}}};
    const QJsonObject result = s.call(u"telemetry_get_latest_signals"_s, arguments);
    QVERIFY2(!ToolSession::isError(result), qPrintable(ToolSession::text(result)));
    const QJsonObject card = s.call(u"vehicle_card"_s, {{u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(card), qPrintable(ToolSession::text(card)));
    VERIFY_FINISH(s);

    const QJsonObject vehicle = result[u"_meta"_s][u"dimo-tray/vehicle"_s].toObject();
    const QJsonObject values = result[u"structuredContent"_s][u"signals"_s].toObject();
    QVERIFY2(!vehicle[u"name"_s].toString().isEmpty(), qPrintable(QString::fromUtf8(QJsonDocument(result).toJson())));

    ViewHost host;
    host.widget()->show();
    QString why;
    QVERIFY2(host.start(html, arguments, result, card, &why), qPrintable(why));
    QVERIFY2(host.waitForText(u"f-"_s + Soc), qPrintable(host.viewText(u"name"_s)));

    QCOMPARE(host.viewText(u"name"_s), vehicle[u"name"_s].toString());
    QVERIFY2(host.viewText(u"model"_s).contains(u"Tesla Model 3"_s), qPrintable(host.viewText(u"model"_s)));
    const QString charge = QString::number(qRound(values[Soc][u"value"_s].toDouble())) + u'%';
    QVERIFY2(host.viewText(u"f-"_s + Soc).contains(u"Charge"_s + charge), qPrintable(host.viewText(u"f-"_s + Soc)));
    const QString km = QLocale(QLocale::English).toString(values[Odometer][u"value"_s].toDouble(), 'f', 0);
    QVERIFY2(host.viewText(u"f-"_s + Odometer).startsWith(u"Odometer"_s + km),
             qPrintable(host.viewText(u"f-"_s + Odometer) + u" vs "_s + km));
    QVERIFY2(host.viewText(u"age"_s).startsWith(u"Data from "_s), qPrintable(host.viewText(u"age"_s)));
    QVERIFY2(host.viewText(u"privs"_s).startsWith(u"Shared: "_s), qPrintable(host.viewText(u"privs"_s)));

    // Refresh: one tools/call of the app-only tool through the host, rendered (doors now shown).
    QVERIFY(host.viewText(u"f-bodyLockIsLocked"_s).isEmpty());
    host.eval(u"document.getElementById('view').contentDocument.getElementById('refresh').click(), true"_s);
    QVERIFY(host.waitForText(u"f-bodyLockIsLocked"_s));
    const QJsonArray calls = host.toolCalls();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls[0][u"name"_s].toString(), u"vehicle_card"_s);
    QCOMPARE(calls[0][u"arguments"_s][u"tokenId"_s].toInt(), 24567);

    // Nothing was fetched: the view renders from what the host posted.
    QVERIFY2(host.networkRequests().isEmpty(), qPrintable(host.networkRequests().join(u'\n')));
    QVERIFY(saveScreenshot(host, u"vehicle-card"_s, 340));
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestVehicleView test;
    return QTest::qExec(&test, argc, argv);
}

void TestVehicleView::tripMapDrawsTheSegments()
{
    ToolSession s;
    QString html;
    QVERIFY(startWithView(s, u"ui://dimo-tray/trip-map"_s, &html));
    const QJsonObject arguments{{u"tokenId"_s, 24567},
                                {u"from"_s, QDateTime::currentDateTimeUtc().addDays(-3).toString(Qt::ISODate)},
                                {u"to"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                                {u"mechanism"_s, u"ignitionDetection"_s}};
    const QJsonObject result = s.call(u"telemetry_get_trip_segments"_s, arguments);
    QVERIFY2(!ToolSession::isError(result), qPrintable(ToolSession::text(result)));
    VERIFY_FINISH(s);
    const QJsonArray segments = result[u"structuredContent"_s][u"segments"_s].toArray();
    QVERIFY2(!segments.isEmpty(), qPrintable(ToolSession::text(result)));
    int withPositions = 0;
    for (const QJsonValue &seg : segments) {
        withPositions +=
            seg[u"start"_s][u"value"_s][u"latitude"_s].isDouble() && seg[u"end"_s][u"value"_s][u"latitude"_s].isDouble()
            ? 1
            : 0;
    }
    QVERIFY2(withPositions > 0, "the simulator's trips have positions");

    ViewHost host;
    host.widget()->show();
    QString why;
    QVERIFY2(host.start(html, arguments, result, {}, &why), qPrintable(why));
    QVERIFY2(host.waitForText(u"sum"_s), qPrintable(host.viewText(u"name"_s)));
    QVERIFY2(host.viewText(u"sum"_s).startsWith(QString::number(segments.size()) + u" segment"_s),
             qPrintable(host.viewText(u"sum"_s)));
    QVERIFY2(host.viewText(u"name"_s).startsWith(u"Trips of "_s), qPrintable(host.viewText(u"name"_s)));
    // One line per segment with both positions, one list entry per segment, all inside the map.
    const auto count = [&host](const QString &selector) {
        return host
            .eval(u"document.getElementById('view').contentDocument.querySelectorAll('%1').length"_s.arg(selector))
            .toInt();
    };
    // A segment is a line from start to end, or a ring where a round trip started and ended.
    QCOMPARE(count(u"#map line"_s) + count(u"#map circle.ring"_s), withPositions);
    QCOMPARE(count(u"#map circle.s"_s), withPositions);
    QCOMPARE(count(u"#map circle.e"_s), withPositions);
    QCOMPARE(count(u"#list li"_s), int(segments.size()));
    const QVariant outside =
        host.eval(u"[...document.getElementById('view').contentDocument.querySelectorAll('#map line')].filter(l => "
                  "['x1','x2'].some(a => +l.getAttribute(a) < 0 || +l.getAttribute(a) > 520) || "
                  "['y1','y2'].some(a => +l.getAttribute(a) < 0 || +l.getAttribute(a) > 300)).length + "
                  "[...document.getElementById('view').contentDocument.querySelectorAll('#map circle')].filter(c => "
                  "+c.getAttribute('cx') < 0 || +c.getAttribute('cx') > 520 || +c.getAttribute('cy') < 0 || "
                  "+c.getAttribute('cy') > 300).length"_s);
    QCOMPARE(outside.toInt(), 0);
    QVERIFY2(host.viewText(u"s-0"_s).contains(u" min"_s), qPrintable(host.viewText(u"s-0"_s)));
    QVERIFY2(host.networkRequests().isEmpty(), qPrintable(host.networkRequests().join(u'\n')));
    QVERIFY(saveScreenshot(host, u"trip-map"_s, 640));
}

void TestVehicleView::timeSeriesChartsEachSeries()
{
    ToolSession s;
    QString html;
    QVERIFY(startWithView(s, u"ui://dimo-tray/time-series"_s, &html));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject arguments{{u"tokenId"_s, 24567},
                                {u"interval"_s, u"6h"_s},
                                {u"from"_s, now.addDays(-4).toString(Qt::ISODate)},
                                {u"to"_s, now.toString(Qt::ISODate)},
                                {u"signalRequests"_s,
                                 QJsonArray{QJsonObject{{u"name"_s, u"speed"_s}, {u"agg"_s, u"MAX"_s}},
                                            QJsonObject{{u"name"_s, Soc}, {u"agg"_s, u"AVG"_s}}}}};
    const QJsonObject result = s.call(u"telemetry_get_signals_time_series"_s, arguments);
    QVERIFY2(!ToolSession::isError(result), qPrintable(ToolSession::text(result)));
    VERIFY_FINISH(s);
    const QJsonArray rows = result[u"structuredContent"_s][u"rows"_s].toArray();
    QVERIFY2(rows.size() >= 10, qPrintable(ToolSession::text(result)));
    const auto valuesOf = [&rows](const QString &key) {
        int n = 0;
        for (const QJsonValue &row : rows) {
            n += row[key].isDouble() ? 1 : 0;
        }
        return n;
    };

    ViewHost host;
    host.widget()->show();
    QString why;
    QVERIFY2(host.start(html, arguments, result, {}, &why), qPrintable(why));
    QVERIFY2(host.waitForText(u"c-speed_MAX"_s), qPrintable(host.viewText(u"range"_s)));
    QVERIFY2(host.viewText(u"range"_s).startsWith(QString::number(rows.size()) + u" intervals"_s),
             qPrintable(host.viewText(u"range"_s)));
    // One chart per series, one point per interval with a value.
    const auto points = [&host](const QString &key) {
        return host
            .eval(u"document.getElementById('view').contentDocument.querySelector('#c-%1 polyline')"
                  ".getAttribute('points').split(' ').length"_s.arg(key))
            .toInt();
    };
    QCOMPARE(
        host.eval(u"document.getElementById('view').contentDocument.querySelectorAll('#charts svg').length"_s).toInt(),
        2);
    QCOMPARE(points(u"speed_MAX"_s), valuesOf(u"speed_MAX"_s));
    QCOMPARE(points(Soc + u"_AVG"_s), valuesOf(Soc + u"_AVG"_s));
    QVERIFY2(host.viewText(u"c-speed_MAX"_s).startsWith(u"speed (MAX)"_s), qPrintable(host.viewText(u"c-speed_MAX"_s)));
    QVERIFY2(host.networkRequests().isEmpty(), qPrintable(host.networkRequests().join(u'\n')));
    QVERIFY(saveScreenshot(host, u"time-series"_s, 420));
}

void TestVehicleView::dailyActivityChartsTheDays()
{
    ToolSession s;
    QString html;
    QVERIFY(startWithView(s, u"ui://dimo-tray/time-series"_s, &html));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject arguments{{u"tokenId"_s, 24567},
                                {u"from"_s, now.addDays(-6).toString(Qt::ISODate)},
                                {u"to"_s, now.toString(Qt::ISODate)},
                                {u"mechanism"_s, u"ignitionDetection"_s}};
    const QJsonObject result = s.call(u"telemetry_get_daily_activity"_s, arguments);
    QVERIFY2(!ToolSession::isError(result), qPrintable(ToolSession::text(result)));
    VERIFY_FINISH(s);
    const QJsonArray days = result[u"structuredContent"_s][u"days"_s].toArray();
    QVERIFY2(days.size() >= 2, qPrintable(ToolSession::text(result)));

    ViewHost host;
    host.widget()->show();
    QString why;
    QVERIFY2(host.start(html, arguments, result, {}, &why), qPrintable(why));
    QVERIFY2(host.waitForText(u"c-trips"_s), qPrintable(host.viewText(u"range"_s)));
    QVERIFY2(host.viewText(u"range"_s).startsWith(QString::number(days.size()) + u" days"_s),
             qPrintable(host.viewText(u"range"_s)));
    QVERIFY(!host.viewText(u"c-minutes"_s).isEmpty());
    QCOMPARE(host.eval(u"document.getElementById('view').contentDocument.querySelector('#c-trips polyline')"
                       ".getAttribute('points').split(' ').length"_s)
                 .toInt(),
             int(days.size()));
    QVERIFY2(host.networkRequests().isEmpty(), qPrintable(host.networkRequests().join(u'\n')));
}

#include "tst_vehicleview.moc"
