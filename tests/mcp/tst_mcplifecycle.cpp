// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Lifecycle: initialize, version negotiation per revision, fields left out per revision, ping,
// server/discover, requests before initialize, sessions independent of each other.
#include "tests/mcp/conformance/fixtures.h"
#include "tests/mcp/sessionharness.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

mcp::Tool richTool()
{
    return mcp::Tool{u"rich"_s,
                     u"Rich tool"_s,
                     u"Has every optional field"_s,
                     QJsonObject{{u"type"_s, u"object"_s}},
                     QJsonObject{{u"type"_s, u"object"_s},
                                 {u"properties"_s, QJsonObject{{u"n"_s, QJsonObject{{u"type"_s, u"integer"_s}}}}},
                                 {u"required"_s, QJsonArray{u"n"_s}}},
                     mcp::ToolAnnotations{u"Rich"_s, true, false, true, false},
                     QJsonArray{QJsonObject{{u"src"_s, u"data:image/png;base64,AA=="_s}}},
                     [](const QJsonObject &, mcp::Responder r) {
                         r.resolve(mcp::ToolResult::structured({{u"n"_s, 3}})
                                       .add(mcp::content::audio("AAAA", u"audio/wav"_s))
                                       .add(mcp::content::resourceLink(u"test://x"_s, u"x"_s)));
                     }};
}

QJsonObject toolEntry(SessionHarness &h)
{
    const QJsonObject r = h.call(R"({"jsonrpc":"2.0","id":"l","method":"tools/list"})");
    return r.value("result"_L1)["tools"_L1].toArray().at(0).toObject();
}

} // namespace

class TestMcpLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void negotiation_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("answered");
        QTest::newRow("2024-11-05") << u"2024-11-05"_s << u"2024-11-05"_s;
        QTest::newRow("2025-03-26") << u"2025-03-26"_s << u"2025-03-26"_s;
        QTest::newRow("2025-06-18") << u"2025-06-18"_s << u"2025-06-18"_s;
        QTest::newRow("2025-11-25") << u"2025-11-25"_s << u"2025-11-25"_s;
        QTest::newRow("future") << u"2099-01-01"_s << u"2025-11-25"_s;
        QTest::newRow("modern era") << u"2026-07-28"_s << u"2025-11-25"_s;
        QTest::newRow("garbage") << u"banana"_s << u"2025-11-25"_s;
    }

    void negotiation()
    {
        QFETCH(QString, requested);
        QFETCH(QString, answered);
        SessionHarness h;
        const QJsonObject result = h.initialize(requested).value("result"_L1).toObject();
        QCOMPARE(result.value("protocolVersion"_L1).toString(), answered);
        QCOMPARE(result.value("instructions"_L1).toString(), u"Test instructions."_s);
        QCOMPARE(result.value("serverInfo"_L1)["name"_L1].toString(), u"test-server"_s);
        QVERIFY(result.value("capabilities"_L1).toObject().contains("tools"_L1));
        QVERIFY(h.session->isInitialized());
    }

    void fieldsPerRevision_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("annotations");
        QTest::addColumn<bool>("titles");
        QTest::addColumn<bool>("icons");
        QTest::newRow("2024-11-05") << u"2024-11-05"_s << false << false << false;
        QTest::newRow("2025-03-26") << u"2025-03-26"_s << true << false << false;
        QTest::newRow("2025-06-18") << u"2025-06-18"_s << true << true << false;
        QTest::newRow("2025-11-25") << u"2025-11-25"_s << true << true << true;
    }

    void fieldsPerRevision()
    {
        QFETCH(QString, version);
        QFETCH(bool, annotations);
        QFETCH(bool, titles);
        QFETCH(bool, icons);
        SessionHarness h;
        QVERIFY(h.server.registry().addTool(richTool()));
        const QJsonObject init = h.initialize(version).value("result"_L1).toObject();
        QCOMPARE(init.value("serverInfo"_L1).toObject().contains("title"_L1), titles);
        QCOMPARE(init.value("capabilities"_L1).toObject().contains("completions"_L1), false); // no prompts/resources

        const QJsonObject tool = toolEntry(h);
        QCOMPARE(tool.value("name"_L1).toString(), u"rich"_s);
        QVERIFY(tool.contains("inputSchema"_L1));
        QCOMPARE(tool.contains("annotations"_L1), annotations);
        QCOMPARE(tool.contains("title"_L1), titles);
        QCOMPARE(tool.contains("outputSchema"_L1), titles);
        QCOMPARE(tool.contains("icons"_L1), icons);
        if (annotations) {
            const QJsonObject a = tool.value("annotations"_L1).toObject();
            QCOMPARE(a.value("readOnlyHint"_L1), QJsonValue(true));
            // destructiveHint and idempotentHint mean something only for a tool that writes.
            QVERIFY(!a.contains("destructiveHint"_L1) && !a.contains("idempotentHint"_L1));
            QCOMPARE(a.value("openWorldHint"_L1), QJsonValue(false));
        }

        const QJsonObject result =
            h.call(R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"rich","arguments":{}}})")
                .value("result"_L1)
                .toObject();
        QCOMPARE(result.contains("structuredContent"_L1), titles);
        const QJsonArray content = result.value("content"_L1).toArray();
        QCOMPARE(content.size(), 3);
        QCOMPARE(content.at(0)["text"_L1].toString(), u"{\"n\":3}"_s); // the compact text mirror
        QCOMPARE(content.at(1)["type"_L1].toString(), annotations ? u"audio"_s : u"text"_s);
        QCOMPARE(content.at(2)["type"_L1].toString(), titles ? u"resource_link"_s : u"text"_s);
    }

    void pingAlwaysAndDiscoverAnsweredAtOnce()
    {
        SessionHarness h;
        QCOMPARE(h.call(R"({"jsonrpc":"2.0","id":1,"method":"ping"})").value("result"_L1).toObject(), QJsonObject());
        const QJsonObject discover = h.call(R"({"jsonrpc":"2.0","id":2,"method":"server/discover","params":{}})");
        QCOMPARE(discover.value("error"_L1)["code"_L1].toInt(), -32601); // a non-modern error: clients fall back
        QVERIFY(discover.value("error"_L1)["data"_L1]["supported"_L1].toArray().contains(u"2025-11-25"_s));
        const QJsonObject early = h.call(R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"x"}})");
        QCOMPARE(early.value("error"_L1)["code"_L1].toInt(), -32600);
        h.initialize();
        QCOMPARE(h.call(R"({"jsonrpc":"2.0","id":4,"method":"ping"})").value("result"_L1).toObject(), QJsonObject());
    }

    void secondInitializeRejected()
    {
        SessionHarness h;
        h.initialize();
        QCOMPARE(h.initialize().value("error"_L1)["code"_L1].toInt(), -32600);
        const QJsonObject missing =
            SessionHarness().call(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
        QCOMPARE(missing.value("error"_L1)["code"_L1].toInt(), -32602);
    }

    void sessionsAreIndependent()
    {
        SessionHarness h;
        mcp::Session *other = h.server.createSession();
        QList<QByteArray> otherSent;
        connect(other, &mcp::Session::send, other, [&otherSent](const QByteArray &m) {
            otherSent.append(m);
        });
        h.initialize(u"2024-11-05"_s);
        other->receive(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})");
        QCOMPARE(otherSent.size(), 1);
        QCOMPARE(SessionHarness::parse(otherSent.front()).value("error"_L1)["code"_L1].toInt(), -32600);
        other->receive(R"({"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-06-18"}})");
        QCOMPARE(other->revision(), mcp::Revision::V2025_06_18);
        QCOMPARE(h.session->revision(), mcp::Revision::V2024_11_05);
        h.session->close();
        QVERIFY(h.feed(R"({"jsonrpc":"2.0","id":9,"method":"ping"})").isEmpty()); // closed: nothing sent
        other->receive(R"({"jsonrpc":"2.0","id":3,"method":"ping"})");
        QCOMPARE(otherSent.size(), 3);
        delete other;
    }

    void fixturesKeepProductListsClean()
    {
        SessionHarness plain;
        plain.initialize();
        QCOMPARE(
            plain.call(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})")["result"_L1]["tools"_L1].toArray().size(),
            0);
        SessionHarness fixtures;
        mcp::conformance::registerFixtures(fixtures.server);
        fixtures.initialize();
        const QJsonArray tools =
            fixtures.call(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})")["result"_L1]["tools"_L1].toArray();
        QVERIFY(tools.size() >= 13);
        const QJsonObject badCursor =
            fixtures.call(R"({"jsonrpc":"2.0","id":2,"method":"tools/list","params":{"cursor":"x"}})");
        QCOMPARE(badCursor.value("error"_L1)["code"_L1].toInt(), -32602);
    }
};

QTEST_GUILESS_MAIN(TestMcpLifecycle)
#include "tst_mcplifecycle.moc"
