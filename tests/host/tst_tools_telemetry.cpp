// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// DIMO's hosted telemetry tools (typed), batches and summaries end to end: the real mcp-dimo shim
// in front of `dimo-tray --headless --demo` against the simulator. Rules are refused before
// anything is sent; every document the tray sent is validated against DIMO's real schemas.
#include "tests/host/toolfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestToolsTelemetry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void latestSignals();
    void latestSignalsRules();
    void staleVehicleSaysSo();
    void timeSeries();
    void timeSeriesRules();
    void tripSegmentsAndEvents();
    void dataSummaryAndSnapshot();
    void batchQuery();
    void contractOfEveryDocument(); // keep last

private:
    bool startSession(ToolSession &session);

    ToolFixture m_fx;
    DimoSim &m_sim = m_fx.sim;
};

TOOL_SUITE_SETUP(TestToolsTelemetry)

bool TestToolsTelemetry::startSession(ToolSession &session)
{
    return m_fx.startSession(session);
}

void TestToolsTelemetry::latestSignals()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const QJsonObject r = s.call(
        u"telemetry_get_latest_signals"_s,
        {{u"tokenId"_s, 24567},
         {u"signalNames"_s,
          QJsonArray{
              u"speed"_s, u"powertrainTractionBatteryStateOfChargeCurrent"_s, u"currentLocationCoordinates"_s}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonObject out = ToolSession::structured(r);
    QCOMPARE(out[u"tokenId"_s].toInteger(), 24567);
    const QJsonObject signals = out[u"signals"_s].toObject();
    QVERIFY(signals[u"speed"_s][u"value"_s].isDouble());
    QCOMPARE(signals[u"speed"_s][u"unit"_s].toString(), u"km/h"_s);
    const double soc = signals[u"powertrainTractionBatteryStateOfChargeCurrent"_s][u"value"_s].toDouble(-1);
    QVERIFY2(soc >= 0 && soc <= 100, qPrintable(ToolSession::text(r)));
    QVERIFY(signals[u"currentLocationCoordinates"_s][u"value"_s][u"latitude"_s].isDouble());
    QVERIFY(!signals[u"speed"_s][u"timestamp"_s].toString().isEmpty());
    // Freshness: a live vehicle, seen minutes ago.
    const QJsonObject freshness = out[u"freshness"_s].toObject();
    QCOMPARE(freshness[u"stale"_s].toBool(true), false);
    QVERIFY(freshness[u"ageSeconds"_s].toInt(-1) >= 0 && freshness[u"ageSeconds"_s].toInt() < 3600);
    QVERIFY(QDateTime::fromString(freshness[u"lastSeen"_s].toString(), Qt::ISODate).isValid());
    // The text content carries the same JSON.
    QCOMPARE(QJsonDocument::fromJson(ToolSession::text(r).toUtf8()).object(), out);
    VERIFY_FINISH(s);
}

void TestToolsTelemetry::latestSignalsRules()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const int before = m_sim.count(u"telemetry"_s);
    QJsonObject r =
        s.call(u"telemetry_get_latest_signals"_s, {{u"tokenId"_s, 24567}, {u"signalNames"_s, QJsonArray{u"sped"_s}}});
    QString text = ToolSession::text(r);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(text.contains(u"unknown signal name"_s) && text.contains(u"\"sped\""_s) && text.contains(u"speed"_s),
             qPrintable(text));
    r = s.call(u"telemetry_get_latest_signals"_s, {{u"tokenId"_s, -1}, {u"signalNames"_s, QJsonArray{u"speed"_s}}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"tokenId"_s), qPrintable(ToolSession::text(r)));
    r = s.call(u"telemetry_get_latest_signals"_s,
               {{u"tokenId"_s, u"24567x"_s}, {u"signalNames"_s, QJsonArray{u"speed"_s}}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"tokenId"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"telemetry"_s), before);
    // Bob's vehicle.
    r = s.call(u"telemetry_get_latest_signals"_s, {{u"tokenId"_s, 24564}, {u"signalNames"_s, QJsonArray{u"speed"_s}}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"24564"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"telemetry"_s), before);
    VERIFY_FINISH(s);
}

void TestToolsTelemetry::staleVehicleSaysSo()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const QJsonObject r =
        s.call(u"telemetry_get_latest_signals"_s, {{u"tokenId"_s, 24558}, {u"signalNames"_s, QJsonArray{u"speed"_s}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonObject freshness = ToolSession::structured(r)[u"freshness"_s].toObject();
    QCOMPARE(freshness[u"stale"_s].toBool(), true);
    const int age = freshness[u"ageSeconds"_s].toInt();
    QVERIFY2(age > 25 * 3600 && age < 27 * 3600, qPrintable(QString::number(age)));
    QVERIFY2(freshness[u"note"_s].toString().contains(u"26 h"_s)
                 && freshness[u"note"_s].toString().contains(u"NOT the vehicle's current state"_s),
             qPrintable(ToolSession::text(r)));

    // The other typed tools state the age too.
    const QJsonObject summary = s.call(u"vehicle_data_summary"_s, {{u"tokenId"_s, 24558}});
    QVERIFY2(!ToolSession::isError(summary), qPrintable(ToolSession::text(summary)));
    QCOMPARE(ToolSession::structured(summary)[u"freshness"_s][u"stale"_s].toBool(), true);
    VERIFY_FINISH(s);
}

void TestToolsTelemetry::timeSeries()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const QJsonObject r = s.call(
        u"telemetry_get_signals_time_series"_s,
        {{u"tokenId"_s, 24567},
         {u"interval"_s, u"24h"_s},
         {u"from"_s, daysAgo(5)},
         {u"to"_s, daysAgo(1)},
         {u"signalRequests"_s,
          QJsonArray{QJsonObject{{u"name"_s, u"speed"_s}, {u"agg"_s, u"MAX"_s}},
                     QJsonObject{{u"name"_s, u"powertrainTransmissionTravelledDistance"_s}, {u"agg"_s, u"LAST"_s}}}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonArray rows = ToolSession::structured(r)[u"rows"_s].toArray();
    QVERIFY2(rows.size() >= 4 && rows.size() <= 5, qPrintable(ToolSession::text(r)));
    for (const QJsonValue &row : rows) {
        QVERIFY(row[u"timestamp"_s].isString());
        QVERIFY(row[u"speed_MAX"_s].isDouble());
        QVERIFY(row[u"powertrainTransmissionTravelledDistance_LAST"_s].isDouble());
    }
    QVERIFY(ToolSession::structured(r)[u"freshness"_s].isObject());
    VERIFY_FINISH(s);
}

void TestToolsTelemetry::timeSeriesRules()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const int before = m_sim.count(u"telemetry"_s);
    const QJsonArray speed{QJsonObject{{u"name"_s, u"speed"_s}, {u"agg"_s, u"MAX"_s}}};
    QJsonObject args{{u"tokenId"_s, 24567},
                     {u"interval"_s, u"1d"_s},
                     {u"from"_s, daysAgo(5)},
                     {u"to"_s, daysAgo(1)},
                     {u"signalRequests"_s, speed}};
    QJsonObject r = s.call(u"telemetry_get_signals_time_series"_s, args);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"\"24h\""_s), qPrintable(ToolSession::text(r)));

    args[u"interval"_s] = u"1h"_s;
    args[u"from"_s] = daysAgo(40);
    r = s.call(u"telemetry_get_signals_time_series"_s, args);
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"31 days"_s), qPrintable(ToolSession::text(r)));

    args[u"from"_s] = daysAgo(1);
    args[u"to"_s] = daysAgo(2); // reversed
    r = s.call(u"telemetry_get_signals_time_series"_s, args);
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"before"_s), qPrintable(ToolSession::text(r)));

    args[u"from"_s] = u"yesterday"_s;
    r = s.call(u"telemetry_get_signals_time_series"_s, args);
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"RFC 3339"_s), qPrintable(ToolSession::text(r)));

    // Segments and daily activity: telemetry-api's own rule (32 days + 1 s, its words in the hint); events: the
    // tray's 31-day guard. A 32-day segment range is DIMO's to answer.
    r = s.call(u"telemetry_get_trip_segments"_s,
               {{u"tokenId"_s, 24567},
                {u"from"_s, daysAgo(35)},
                {u"to"_s, daysAgo(0)},
                {u"mechanism"_s, u"ignitionDetection"_s}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"date range exceeds maximum of 32 days"_s),
             qPrintable(ToolSession::text(r)));
    r = s.call(u"telemetry_get_daily_activity"_s,
               {{u"tokenId"_s, 24567}, {u"from"_s, daysAgo(2)}, {u"to"_s, daysAgo(0)}, {u"mechanism"_s, u"idling"_s}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"does not take mechanism idling"_s),
             qPrintable(ToolSession::text(r)));
    r = s.call(u"telemetry_get_daily_activity"_s,
               {{u"tokenId"_s, 24567},
                {u"from"_s, daysAgo(2)},
                {u"to"_s, daysAgo(-3)},
                {u"mechanism"_s, u"frequencyAnalysis"_s}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"to date cannot be in the future"_s),
             qPrintable(ToolSession::text(r)));
    r = s.call(u"telemetry_get_events"_s, {{u"tokenId"_s, 24567}, {u"from"_s, daysAgo(35)}, {u"to"_s, daysAgo(0)}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"31 days"_s), qPrintable(ToolSession::text(r)));
    QCOMPARE(m_sim.count(u"telemetry"_s), before); // nothing was sent
    r = s.call(u"telemetry_get_trip_segments"_s,
               {{u"tokenId"_s, 24567},
                {u"from"_s, daysAgo(32)},
                {u"to"_s, daysAgo(0)},
                {u"mechanism"_s, u"ignitionDetection"_s}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    VERIFY_FINISH(s);
}

void TestToolsTelemetry::tripSegmentsAndEvents()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"telemetry_get_trip_segments"_s,
                           {{u"tokenId"_s, 24567},
                            {u"from"_s, daysAgo(3)},
                            {u"to"_s, daysAgo(1)},
                            {u"mechanism"_s, u"ignitionDetection"_s}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonArray segments = ToolSession::structured(r)[u"segments"_s].toArray();
    QVERIFY2(segments.size() >= 2 && segments.size() <= 6, qPrintable(ToolSession::text(r))); // 1-3 trips a day
    for (const QJsonValue &seg : segments) {
        QVERIFY(seg[u"start"_s][u"timestamp"_s].isString());
        QVERIFY(seg[u"duration"_s].toInt() > 0);
    }
    r = s.call(u"telemetry_get_trip_segments"_s,
               {{u"tokenId"_s, 24567}, {u"from"_s, daysAgo(3)}, {u"to"_s, daysAgo(1)}, {u"mechanism"_s, u"trips"_s}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"ignitionDetection"_s),
             qPrintable(ToolSession::text(r)));

    r = s.call(u"telemetry_get_events"_s, {{u"tokenId"_s, 24567}, {u"from"_s, daysAgo(10)}, {u"to"_s, daysAgo(0)}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonArray events = ToolSession::structured(r)[u"events"_s].toArray();
    QVERIFY2(!events.isEmpty(), qPrintable(ToolSession::text(r)));
    for (const QJsonValue &e : events) {
        QVERIFY2(e[u"name"_s].toString().startsWith(u"behavior."_s), qPrintable(e[u"name"_s].toString()));
    }
    VERIFY_FINISH(s);
}

void TestToolsTelemetry::dataSummaryAndSnapshot()
{
    ToolSession s;
    QVERIFY(startSession(s));
    QJsonObject r = s.call(u"vehicle_data_summary"_s, {{u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonObject summary = ToolSession::structured(r)[u"dataSummary"_s].toObject();
    // Uint64: a string in DIMO's JSON.
    QVERIFY2(summary[u"numberOfSignals"_s].toVariant().toLongLong() > 0, qPrintable(ToolSession::text(r).left(300)));
    QVERIFY(summary[u"availableSignals"_s].toArray().contains(u"speed"_s));
    QCOMPARE(ToolSession::structured(r)[u"freshness"_s][u"stale"_s].toBool(true), false);

    r = s.call(u"telemetry_get_available_signals"_s, {{u"tokenId"_s, 24566}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    const QJsonArray available = ToolSession::structured(r)[u"availableSignals"_s].toArray();
    QVERIFY(available.contains(u"powertrainFuelSystemRelativeLevel"_s)); // the F-150 burns fuel
    QVERIFY(!available.contains(u"powertrainTractionBatteryStateOfChargeCurrent"_s));

    r = s.call(u"telemetry_get_signals_snapshot"_s, {{u"tokenId"_s, 24567}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QVERIFY(ToolSession::structured(r)[u"signalsSnapshot"_s][u"signals"_s].toArray().size() > 10);
    VERIFY_FINISH(s);
}

void TestToolsTelemetry::batchQuery()
{
    ToolSession s;
    QVERIFY(startSession(s));
    const QString query = u"query($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { lastSeen speed { value } } }"_s;
    QJsonObject r =
        s.call(u"batch_telemetry_query"_s, {{u"query"_s, query}, {u"tokenIds"_s, QJsonArray{24567, 24564, 24566}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QJsonObject out = ToolSession::structured(r);
    QCOMPARE(out[u"succeeded"_s].toInt(), 2);
    QCOMPARE(out[u"failed"_s].toInt(), 1);
    QMap<qint64, QJsonObject> rows;
    for (const QJsonValue &row : out[u"results"_s].toArray()) {
        rows.insert(row[u"tokenId"_s].toInteger(), row.toObject());
    }
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows[24567][u"data"_s][u"signalsLatest"_s][u"speed"_s].isObject());
    QVERIFY(rows[24566][u"data"_s][u"signalsLatest"_s][u"lastSeen"_s].isString());
    QVERIFY2(rows[24564][u"error"_s].toString().contains(u"24564"_s), qPrintable(ToolSession::text(r)));

    r = s.call(u"batch_vehicle_data_summary"_s, {{u"tokenIds"_s, QJsonArray{24567, 24558}}});
    QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
    QCOMPARE(ToolSession::structured(r)[u"succeeded"_s].toInt(), 2);

    // Refused before anything is sent: more than 50 ids, no $tokenId, bad ids.
    const int before = m_sim.count(u"telemetry"_s);
    QJsonArray many;
    for (int i = 0; i < 51; ++i) {
        many.append(24000 + i);
    }
    r = s.call(u"batch_telemetry_query"_s, {{u"query"_s, query}, {u"tokenIds"_s, many}});
    QVERIFY(ToolSession::isError(r));
    QVERIFY2(ToolSession::text(r).contains(u"50"_s), qPrintable(ToolSession::text(r)));
    r = s.call(u"batch_telemetry_query"_s,
               {{u"query"_s, u"{ signalsLatest(tokenId: 24567) { lastSeen } }"_s}, {u"tokenIds"_s, QJsonArray{24567}}});
    QVERIFY2(ToolSession::isError(r) && ToolSession::text(r).contains(u"$tokenId"_s), qPrintable(ToolSession::text(r)));
    r = s.call(u"batch_telemetry_query"_s, {{u"query"_s, query}, {u"tokenIds"_s, QJsonArray{24567, -2}}});
    QVERIFY(ToolSession::isError(r));
    QCOMPARE(m_sim.count(u"telemetry"_s), before);
    VERIFY_FINISH(s);
}

void TestToolsTelemetry::contractOfEveryDocument()
{
    VERIFY_CONTRACT(m_fx, 8);
}

QTEST_GUILESS_MAIN(TestToolsTelemetry)
#include "tst_tools_telemetry.moc"
