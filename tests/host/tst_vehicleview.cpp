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

} // namespace

class TestVehicleView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cardShowsTheToolResult();

private:
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

void TestVehicleView::cardShowsTheToolResult()
{
    ToolSession s;
    ToolSession::Options options;
    options.capabilities = uiCapabilities();
    QVERIFY(m_fx.startSession(s, options));
    const QJsonObject read = s.request(u"resources/read"_s, {{u"uri"_s, u"ui://dimo-tray/vehicle-card"_s}});
    const QString html = read[u"contents"_s][0][u"text"_s].toString();
    QVERIFY2(html.startsWith(u"<!doctype html>"_s), qPrintable(QString::fromUtf8(QJsonDocument(read).toJson())));
    qInfo() << "vehicle card view:" << html.toUtf8().size() << "bytes";

    QVERIFY(!ToolSession::isError(s.call(u"check_vehicle_access_status"_s)));
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
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestVehicleView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_vehicleview.moc"
