// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The shim's pure parts: the one-pass envelope scanner it uses from the wire library, and the
// answers it gives on its own (tray not running, request interrupted by a tray restart), which
// echo every id byte for byte.
// (No backslash or odd quote count inside raw strings here: moc 6.4 misreads them and drops the class.)
#include "app/shim/clientstate.h"
#include "app/shim/fallback.h"
#include "mcp/wire/jsonscan.h"
#include "mcp/wire/lineframer.h"
#include "mcp/wire/messages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QJsonObject parse(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

} // namespace

class TestShimLogic : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void scan_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("isObject");
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("isResponse");
        QTest::newRow("request") << R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"x"}})"_ba << true
                                 << "7"_ba
                                 << "tools/call"_ba << false;
        QTest::newRow("string id, spaces")
            << " { \"method\" : \"ping\" , \"id\" : \"a\\\"b\" } "_ba << true << "\"a\\\"b\""_ba
            << "ping"_ba << false;
        QTest::newRow("notification") << R"({"jsonrpc":"2.0","method":"notifications/initialized"})"_ba << true
                                      << QByteArray() << "notifications/initialized"_ba << false;
        QTest::newRow("result before id")
            << "{\"result\":{\"content\":[{\"text\":\"id \\\"method\\\": {]\"}]},\"id\":12,\"jsonrpc\":\"2.0\"}"_ba
            << true << "12"_ba << QByteArray() << true;
        QTest::newRow("error response") << R"({"jsonrpc":"2.0","id":"q","error":{"code":-32601,"message":"m"}})"_ba
                                        << true << R"("q")"_ba << QByteArray() << true;
        QTest::newRow("nested id ignored")
            << R"({"params":{"id":5,"method":"x"},"method":"y"})"_ba << true << QByteArray() << "y"_ba << false;
        QTest::newRow("array") << R"([{"id":1}])"_ba << false << QByteArray() << QByteArray() << false;
        QTest::newRow("garbage") << "not json"_ba << false << QByteArray() << QByteArray() << false;
        QTest::newRow("truncated") << "{\"id\":1,\"method\":\"pi"_ba << true << "1"_ba << QByteArray() << false;
    }

    void scan()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, isObject);
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, method);
        QFETCH(bool, isResponse);
        const mcp::jsonscan::Envelope info = mcp::jsonscan::envelope(line);
        QCOMPARE(info.isObject, isObject);
        QCOMPARE(info.id.toByteArray(), id);
        QCOMPARE(info.method.toByteArray(), method);
        QCOMPARE(info.isResponse, isResponse);
    }

    void initializeNegotiatesVersion_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("answered");
        QTest::newRow("2025-06-18") << u"2025-06-18"_s << u"2025-06-18"_s;
        QTest::newRow("2024-11-05") << u"2024-11-05"_s << u"2024-11-05"_s;
        QTest::newRow("future") << u"2031-01-01"_s << u"2025-11-25"_s;
    }

    void initializeNegotiatesVersion()
    {
        QFETCH(QString, requested);
        QFETCH(QString, answered);
        const QByteArray line =
            QJsonDocument(QJsonObject{{u"jsonrpc"_s, u"2.0"_s},
                                      {u"id"_s, 1},
                                      {u"method"_s, u"initialize"_s},
                                      {u"params"_s, QJsonObject{{u"protocolVersion"_s, requested}}}})
                .toJson(QJsonDocument::Compact);
        const QJsonObject result = parse(shim::fallback::answer(line)).value(u"result"_s).toObject();
        QCOMPARE(result[u"protocolVersion"_s].toString(), answered);
        QVERIFY(result[u"instructions"_s].toString().contains(u"not running"_s));
        QCOMPARE(result[u"serverInfo"_s][u"name"_s].toString(), u"dimo-tray"_s);
    }

    void fallbackAnswers()
    {
        using shim::fallback::answer;
        QVERIFY(answer(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"_ba).isEmpty());
        QVERIFY(answer(R"({"jsonrpc":"2.0","id":1,"result":{}})"_ba).isEmpty()); // a client response
        QCOMPARE(parse(answer(R"({"jsonrpc":"2.0","id":"s","method":"tools/list"})"_ba))[u"result"_s][u"tools"_s]
                     .toArray()
                     .size(),
                 0);
        const QJsonObject call = parse(answer(R"({"jsonrpc":"2.0","id":2,"method":"tools/call"})"_ba));
        QCOMPARE(call[u"id"_s].toInt(), 2);
        QCOMPARE(call[u"result"_s][u"isError"_s].toBool(), true);
        QVERIFY(call[u"result"_s][u"content"_s][0][u"text"_s].toString().contains(u"not running"_s));
        QCOMPARE(parse(answer(R"({"jsonrpc":"2.0","id":3,"method":"ping"})"_ba))[u"result"_s].toObject(),
                 QJsonObject());
        QCOMPARE(
            parse(answer(R"({"jsonrpc":"2.0","id":4,"method":"server/discover"})"_ba))[u"error"_s][u"code"_s].toInt(),
            -32601);
        QCOMPARE(parse(answer("{oops"_ba))[u"error"_s][u"code"_s].toInt(), -32700);
        QCOMPARE(parse(answer("[1,2]"_ba))[u"error"_s][u"code"_s].toInt(), -32600);
    }

    void interruptedAnswers()
    {
        const QJsonObject call = parse(shim::fallback::interrupted(R"("abc")", true));
        QCOMPARE(call[u"id"_s].toString(), u"abc"_s);
        QCOMPARE(call[u"result"_s][u"isError"_s].toBool(), true);
        QVERIFY(call[u"result"_s][u"content"_s][0][u"text"_s].toString().contains(u"restarted"_s));
        const QJsonObject other = parse(shim::fallback::interrupted("42", false));
        QCOMPARE(other[u"id"_s].toInt(), 42);
        QCOMPARE(other[u"error"_s][u"code"_s].toInt(), -32603);
        QVERIFY(other[u"error"_s][u"message"_s].toString().contains(u"restarted"_s));
    }

    void replayAndCancel()
    {
        const QByteArray replay = mcp::wire::withMember(
            R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25"}})"_ba,
            "id",
            R"("mcp-dimo-replay")");
        const QJsonObject message = parse(replay);
        QCOMPARE(message[u"id"_s].toString(), u"mcp-dimo-replay"_s);
        QCOMPARE(message[u"params"_s][u"protocolVersion"_s].toString(), u"2025-11-25"_s);
        // A cancelled request is no longer in flight: a tray restart does not answer it.
        shim::ClientState client;
        client.track(R"({"jsonrpc":"2.0","id":17,"method":"tools/call","params":{}})"_ba, false);
        client.track(R"({"jsonrpc":"2.0","id":"r","method":"ping"})"_ba, false);
        client.track(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":17}})"_ba, false);
        client.track(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"r"}})"_ba, false);
        QVERIFY(!client.hasInFlight());
    }

    void tooLargeNamesTheRequest()
    {
        const QJsonObject error = parse(shim::fallback::tooLarge("\"big\""));
        QCOMPARE(error[u"id"_s].toString(), u"big"_s);
        QCOMPARE(error[u"error"_s][u"code"_s].toInt(), -32603);
        // A cut line still yields its id when the id comes first.
        const mcp::jsonscan::Envelope info =
            mcp::jsonscan::envelope("{\"jsonrpc\":\"2.0\",\"id\":\"big\",\"result\":{\"content\":[{\"te");
        QCOMPARE(info.id.toByteArray(), "\"big\""_ba);
        QVERIFY(info.isResponse);
    }

    void oversizeIsJsonRpcError()
    {
        const QJsonObject error = parse(mcp::wire::oversizeErrorLine());
        QVERIFY(error[u"id"_s].isNull());
        QCOMPARE(error[u"error"_s][u"code"_s].toInt(), -32600);
    }

    // Ids above 2^53 (9007199254740993 is not a double) and string ids come back as they were sent.
    void idsEchoedByteForByte_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::newRow("above 2^53") << "9007199254740993"_ba;
        QTest::newRow("negative, large") << "-9223372036854775807"_ba;
        QTest::newRow("exponent") << "1e3"_ba;
        QTest::newRow("string") << R"("9007199254740993")"_ba;
        QTest::newRow("string with escapes") << "\"a\\u00e9\\\"b\""_ba;
    }

    void idsEchoedByteForByte()
    {
        QFETCH(QByteArray, id);
        const QByteArray prefix = R"({"jsonrpc":"2.0","id":)"_ba + id + ',';
        for (const char *method : {"initialize", "ping", "tools/list", "tools/call", "resources/list"}) {
            const QByteArray answer = shim::fallback::answer(prefix + "\"method\":\"" + method + "\"}");
            QVERIFY2(answer.startsWith(prefix), answer.constData());
            QVERIFY2(!parse(answer).isEmpty(), answer.constData());
        }
        QVERIFY(shim::fallback::interrupted(id, true).startsWith(prefix));
        QVERIFY(shim::fallback::interrupted(id, false).startsWith(prefix));
        QVERIFY(shim::fallback::tooLarge(id).startsWith(prefix));
        QCOMPARE(
            mcp::jsonscan::path(QByteArray(R"({"method":"notifications/cancelled","params":{"requestId":)" + id + "}}"),
                                {"params", "requestId"})
                .toByteArray(),
            id);
        // An oversize request: the id is scanned from the line's first bytes.
        const QByteArray head =
            prefix + "\"method\":\"tools/call\",\"params\":{\"arguments\":{\"x\":\"" + QByteArray(100, 'x');
        QVERIFY(mcp::wire::oversizeErrorLine(head).startsWith(prefix));
        QCOMPARE(mcp::jsonscan::envelope(head).id.toByteArray(), id);
    }

    void oversizeWithoutVisibleIdIsNull()
    {
        // The id is cut off, comes after the cap, or the line is not a request: id null.
        for (const QByteArray &head : {R"({"jsonrpc":"2.0","id":900719925)"_ba,
                                       "{\"jsonrpc\":\"2.0\",\"params\":{\"x\":\"xxxxxxxx"_ba,
                                       "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"x\":\"xxxxxxxx"_ba,
                                       QByteArray(64, ' ')}) {
            const QJsonObject error = parse(mcp::wire::oversizeErrorLine(head));
            QVERIFY2(error[u"id"_s].isNull(), head.constData());
            QCOMPARE(error[u"error"_s][u"code"_s].toInt(), -32600);
        }
    }

    void replayKeepsTheRestByteForByte()
    {
        const QByteArray line =
            R"({"jsonrpc":"2.0","id":9007199254740993,"method":"initialize","params":{"n":9007199254740995}})";
        QCOMPARE(mcp::wire::withMember(line, "id", R"("r")"),
                 R"({"jsonrpc":"2.0","id":"r","method":"initialize","params":{"n":9007199254740995}})"_ba);
        QVERIFY(mcp::wire::withMember(R"({"method":"x"})", "id", R"("r")").isEmpty());
    }

    // Calls in flight when the tray goes away get an answer each, with their ids as sent.
    void clientStateAnswersInFlightByteForByte()
    {
        shim::ClientState client;
        client.track(R"({"jsonrpc":"2.0","id":9007199254740993,"method":"tools/call","params":{}})", false);
        client.track(R"({"jsonrpc":"2.0","id":"9007199254740993","method":"ping"})", false);
        client.track(R"({"jsonrpc":"2.0","id":7,"method":"ping"})", false);
        client.track(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}})", false);
        client.track(R"({"jsonrpc":"2.0","id":8,"method":"ping"})", false);
        QVERIFY(client.settle(R"({"jsonrpc":"2.0","id":8,"result":{}})"));
        QList<QByteArray> answers = client.interruptAll();
        std::sort(answers.begin(), answers.end());
        QCOMPARE(answers.size(), 2);
        QVERIFY2(answers[0].startsWith(R"({"jsonrpc":"2.0","id":"9007199254740993","error":{"code":-32603,)"),
                 answers[0].constData());
        QVERIFY2(answers[1].startsWith(R"({"jsonrpc":"2.0","id":9007199254740993,"result":{)"), answers[1].constData());
        QVERIFY(parse(answers[1])[u"result"_s][u"isError"_s].toBool());
        QVERIFY(!client.hasInFlight());
    }

    void clientStateReplaysAndHidesTheReplayAnswer()
    {
        shim::ClientState client;
        QVERIFY(client.replay().isEmpty()); // nothing to replay before the client's initialize
        client.track(R"({"jsonrpc":"2.0","id":9007199254740993,"method":"initialize","params":{}})", true);
        client.track(R"({"jsonrpc":"2.0","method":"notifications/initialized"})", true);
        QVERIFY(!client.hasInFlight()); // answered locally
        QVERIFY(client.takeAnsweredLocally());
        QVERIFY(!client.takeAnsweredLocally());
        const QList<QByteArray> replay = client.replay();
        QCOMPARE(replay.size(), 2);
        QCOMPARE(replay[0], R"({"jsonrpc":"2.0","id":"mcp-dimo-replay","method":"initialize","params":{}})"_ba);
        QCOMPARE(replay[1], R"({"jsonrpc":"2.0","method":"notifications/initialized"})"_ba);
        QVERIFY(!client.settle(R"({"jsonrpc":"2.0","id":"mcp-dimo-replay","result":{}})")); // hidden
        QVERIFY(client.settle(R"({"jsonrpc":"2.0","id":"mcp-dimo-replay","result":{}})")); // once
    }

    void clientStateAnswersADroppedResponse()
    {
        shim::ClientState client;
        client.track(R"({"jsonrpc":"2.0","id":9007199254740993,"method":"tools/call"})", false);
        QVERIFY(client.dropped("{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"content\":[{\"te").isEmpty());
        const QByteArray answer =
            client.dropped("{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"result\":{\"content\":[{\"te");
        QVERIFY2(answer.startsWith(R"({"jsonrpc":"2.0","id":9007199254740993,"error":{"code":-32603,)"),
                 answer.constData());
        QVERIFY(!client.hasInFlight());
    }
};

QTEST_GUILESS_MAIN(TestShimLogic)
#include "tst_shimlogic.moc"
