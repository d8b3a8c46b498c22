// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// JSON-RPC codec through a Session: ids, error codes, notifications, batches.
#include "mcp/jsonrpc.h"
#include "mcp/wire/jsonscan.h"
#include "tests/mcp/conformance/fixtures.h"
#include "tests/mcp/sessionharness.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMcpCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void idsEchoedVerbatim_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::newRow("small int") << QByteArray("7");
        QTest::newRow("zero") << QByteArray("0");
        QTest::newRow("negative") << QByteArray("-12");
        QTest::newRow("2^53+1") << QByteArray("9007199254740993");
        QTest::newRow("huge") << QByteArray("123456789012345678901234567890");
        QTest::newRow("string") << QByteArray(R"("abc")");
        QTest::newRow("numeric string") << QByteArray(R"("1")");
        QTest::newRow("escaped string") << QByteArray("\"a\\\"b\\u00e9\"");
    }

    void idsEchoedVerbatim()
    {
        QFETCH(QByteArray, id);
        SessionHarness h;
        const QList<QByteArray> out = h.feed(R"({"jsonrpc":"2.0","id":)" + id + R"(,"method":"ping"})");
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.front(), R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{}})");
    }

    void parseErrorHasNullId()
    {
        SessionHarness h;
        const QJsonObject r = h.call(R"({"jsonrpc":"2.0","id":1,"method":)");
        QCOMPARE(r.value("error"_L1)["code"_L1].toInt(), -32700);
        QVERIFY(r.contains("id"_L1));
        QVERIFY(r.value("id"_L1).isNull());
    }

    void invalidRequests_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("expectedId");
        QTest::newRow("scalar") << QByteArray("42") << -32600 << QByteArray("null");
        QTest::newRow("no jsonrpc") << QByteArray(R"({"id":3,"method":"ping"})") << -32600 << QByteArray("3");
        QTest::newRow("wrong version") << QByteArray(R"({"jsonrpc":"1.0","id":3,"method":"ping"})") << -32600
                                       << QByteArray("3");
        QTest::newRow("null id") << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"ping"})") << -32600
                                 << QByteArray("null");
        QTest::newRow("bool id") << QByteArray(R"({"jsonrpc":"2.0","id":true,"method":"ping"})") << -32600
                                 << QByteArray("null");
        QTest::newRow("fractional id") << QByteArray(R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})") << -32600
                                       << QByteArray("null");
        QTest::newRow("method not string")
            << QByteArray(R"({"jsonrpc":"2.0","id":4,"method":5})") << -32600 << QByteArray("4");
        QTest::newRow("array params") << QByteArray(R"({"jsonrpc":"2.0","id":5,"method":"ping","params":[1]})")
                                      << -32602 << QByteArray("5");
        QTest::newRow("empty batch") << QByteArray("[]") << -32600 << QByteArray("null");
        QTest::newRow("unknown method") << QByteArray(R"({"jsonrpc":"2.0","id":6,"method":"nope/nope"})") << -32601
                                        << QByteArray("6");
        QTest::newRow("before initialize")
            << QByteArray(R"({"jsonrpc":"2.0","id":8,"method":"tools/list"})") << -32600 << QByteArray("8");
    }

    void invalidRequests()
    {
        QFETCH(QByteArray, message);
        QFETCH(int, code);
        QFETCH(QByteArray, expectedId);
        SessionHarness h;
        const QList<QByteArray> out = h.feed(message);
        QCOMPARE(out.size(), 1);
        QVERIFY2(out.front().contains(QByteArray(R"("id":)" + expectedId + ',')), out.front().constData());
        QCOMPARE(SessionHarness::parse(out.front()).value("error"_L1)["code"_L1].toInt(), code);
    }

    void invalidParamsAndInternalError()
    {
        SessionHarness h;
        h.initialize();
        QJsonObject r = h.call(R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"missing"}})");
        QCOMPARE(r.value("error"_L1)["code"_L1].toInt(), -32602);
        QVERIFY(r.value("error"_L1)["message"_L1].toString().contains("missing"_L1));
        mcp::Tool forgetful{
            u"forgetful"_s, {}, u"drops its responder"_s, {}, {}, {}, {}, [](const QJsonObject &, mcp::Responder) {}};
        QVERIFY(h.server.registry().addTool(forgetful));
        r = h.call(R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"forgetful"}})");
        QCOMPARE(r.value("error"_L1)["code"_L1].toInt(), -32603);
        QCOMPARE(r.value("id"_L1).toInt(), 2);
    }

    void notificationsNeverAnswered()
    {
        SessionHarness h;
        QVERIFY(h.feed(R"({"jsonrpc":"2.0","method":"notifications/unknown","params":{}})").isEmpty());
        QVERIFY(h.feed(R"({"jsonrpc":"2.0","method":"ping"})").isEmpty());
        QVERIFY(h.feed(R"({"jsonrpc":"2.0","method":"tools/list","params":[1]})").isEmpty());
        QVERIFY(h.feed(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":99}})").isEmpty());
        QVERIFY(h.feed("   ").isEmpty());
        QVERIFY(h.sent.isEmpty());
    }

    void batchesOnlyOn2025_03_26_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("2024-11-05") << u"2024-11-05"_s << false;
        QTest::newRow("2025-03-26") << u"2025-03-26"_s << true;
        QTest::newRow("2025-06-18") << u"2025-06-18"_s << false;
        QTest::newRow("2025-11-25") << u"2025-11-25"_s << false;
    }

    void batchesOnlyOn2025_03_26()
    {
        QFETCH(QString, version);
        QFETCH(bool, accepted);
        SessionHarness h;
        h.initialize(version);
        const QList<QByteArray> out = h.feed(R"([{"jsonrpc":"2.0","id":1,"method":"ping"},)"
                                             R"({"jsonrpc":"2.0","method":"notifications/x"},)"
                                             R"({"jsonrpc":"2.0","id":"b","method":"nope"},)"
                                             R"({"jsonrpc":"2.0","id":9007199254740993,"method":"ping"}])");
        QCOMPARE(out.size(), 1);
        if (!accepted) {
            QCOMPARE(SessionHarness::parse(out.front()).value("error"_L1)["code"_L1].toInt(), -32600);
            return;
        }
        QCOMPARE(out.front(),
                 QByteArray(R"([{"jsonrpc":"2.0","id":1,"result":{}},)"
                            R"({"jsonrpc":"2.0","id":"b","error":{"code":-32601,"message":"Method not found: nope"}},)"
                            R"({"jsonrpc":"2.0","id":9007199254740993,"result":{}}])"));
    }

    void batchBeforeInitializeRejected()
    {
        SessionHarness h;
        const QJsonObject r = h.call(R"([{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}])");
        QCOMPARE(r.value("error"_L1)["code"_L1].toInt(), -32600);
    }

    void scannerFindsNestedRawTokens()
    {
        const QByteArray json =
            "{\"a\":{\"b\":[1,{\"x\":\"}\"}],\"c\":{\"d\":12345678901234567890}},\"\\u0069d\":\"x\"}";
        QCOMPARE(mcp::jsonrpc::rawPath(json, {"a", "c", "d"}), QByteArray("12345678901234567890"));
        QCOMPARE(mcp::jsonscan::member(json, "id").toByteArray(), QByteArray(R"("x")"));
        QCOMPARE(mcp::jsonscan::elements(R"([1, "a,b" ,{"c":[2]}])").size(), 3);
        QCOMPARE(mcp::jsonrpc::idKey("\"\\u0031\""), mcp::jsonrpc::idKey(R"("1")"));
        QVERIFY(mcp::jsonrpc::idKey("1") != mcp::jsonrpc::idKey(R"("1")"));
    }

    // Benchmarks print numbers; nothing is asserted about time.
    void benchmarkPing()
    {
        SessionHarness h;
        h.initialize();
        const QByteArray ping = "{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"ping\"}";
        QBENCHMARK {
            h.session->receive(ping);
        }
        QVERIFY(h.sent.size() > 1);
    }

    void benchmarkToolsCallSimpleText()
    {
        SessionHarness h;
        mcp::conformance::registerFixtures(h.server);
        h.initialize();
        const QByteArray call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                                "\"test_simple_text\",\"arguments\":{}}}";
        QBENCHMARK {
            h.session->receive(call);
        }
        QVERIFY(h.sent.last().contains("simple text response"));
    }
};

QTEST_GUILESS_MAIN(TestMcpCodec)
#include "tst_mcpcodec.moc"
