// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Dual-era: stateless MCP 2026-07-28 requests next to the initialize handshake (opt-in).
#include "tests/mcp/conformance/fixtures.h"
#include "tests/mcp/sessionharness.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray envelope(const QByteArray &version = "2026-07-28", const QByteArray &extra = {})
{
    return "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + version
        + "\",\"io.modelcontextprotocol/clientCapabilities\":{},\"io.modelcontextprotocol/clientInfo\":{\"name\":\"t\","
          "\"version\":\"1\"}"
        + extra + "}";
}

} // namespace

class TestMcpModern : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_h = std::make_unique<SessionHarness>();
        mcp::conformance::registerFixtures(m_h->server);
        m_h->server.setModernEraEnabled(true);
    }

    void cleanup() { m_h.reset(); }

    void discoverWithoutInitialize()
    {
        const QJsonObject r = m_h->request(1, "server/discover", "{" + envelope() + "}")["result"_L1].toObject();
        QCOMPARE(r["resultType"_L1].toString(), u"complete"_s);
        QCOMPARE(r["supportedVersions"_L1].toArray().first().toString(), u"2026-07-28"_s);
        QVERIFY(r["supportedVersions"_L1].toArray().contains(u"2025-11-25"_s));
        QVERIFY(r["capabilities"_L1].toObject().contains("tools"_L1));
        QVERIFY(r.contains("ttlMs"_L1) && r.contains("cacheScope"_L1));
        QCOMPARE(r["_meta"_L1]["io.modelcontextprotocol/serverInfo"_L1]["name"_L1].toString(), u"test-server"_s);
        QVERIFY(!m_h->session->isInitialized()); // stateless: nothing was negotiated
    }

    void statelessRequestsCarryResultTypeAndCacheHints()
    {
        QJsonObject r = m_h->request(1, "tools/list", "{" + envelope() + "}")["result"_L1].toObject();
        QCOMPARE(r["resultType"_L1].toString(), u"complete"_s);
        QCOMPARE(r["cacheScope"_L1].toString(), u"public"_s);
        QVERIFY(r["ttlMs"_L1].toInt() >= 0);
        QVERIFY(r["tools"_L1].toArray().size() > 10);
        r = m_h->request(2, "tools/call", "{\"name\":\"test_simple_text\"," + envelope() + "}")["result"_L1].toObject();
        QCOMPARE(r["resultType"_L1].toString(), u"complete"_s);
        QVERIFY(!r.contains("ttlMs"_L1));
        QCOMPARE(r["content"_L1][0]["text"_L1].toString(), u"This is a simple text response for testing."_s);
        r = m_h->request(3, "resources/read", "{\"uri\":\"test://static-text\"," + envelope() + "}")["result"_L1]
                .toObject();
        QCOMPARE(r["cacheScope"_L1].toString(), u"private"_s);
    }

    void envelopeErrors()
    {
        QJsonObject e = m_h->request(1, "tools/list", "{" + envelope("2027-01-01") + "}")["error"_L1].toObject();
        QCOMPARE(e["code"_L1].toInt(), -32022);
        QCOMPARE(e["data"_L1]["supported"_L1].toArray(), QJsonArray{u"2026-07-28"_s});
        e = m_h->request(2,
                         "tools/list",
                         "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}")["error"_L1]
                .toObject();
        QCOMPARE(e["code"_L1].toInt(), -32602);
        QVERIFY(e["message"_L1].toString().contains("clientCapabilities"_L1));
        e = m_h->request(3, "ping", "{" + envelope() + "}")["error"_L1].toObject();
        QCOMPARE(e["code"_L1].toInt(), -32601); // removed in 2026-07-28
        e = m_h->request(4, "resources/read", "{\"uri\":\"test://missing\"," + envelope() + "}")["error"_L1].toObject();
        QCOMPARE(e["code"_L1].toInt(), -32602); // not -32002 any more
    }

    void logsOnlyWhenTheRequestOptsIn()
    {
        const qsizetype before = m_h->sent.size();
        m_h->request(1, "tools/call", "{\"name\":\"test_tool_with_logging\"," + envelope() + "}");
        QVERIFY(m_h->waitForSent(before + 1));
        QTRY_VERIFY_WITH_TIMEOUT(m_h->sent.last().contains("\"resultType\""), 5000 * SessionHarness::timeoutFactor());
        QCOMPARE(m_h->sent.size(), before + 1); // no notifications/message without _meta logLevel
        const qsizetype again = m_h->sent.size();
        m_h->request(2,
                     "tools/call",
                     "{\"name\":\"test_tool_with_logging\","
                         + envelope("2026-07-28", ",\"io.modelcontextprotocol/logLevel\":\"info\"") + "}");
        QVERIFY(m_h->waitForSent(again + 4));
        QVERIFY(m_h->sent.at(again).contains("notifications/message"));
    }

    void elicitationBecomesInputRequiredAndResumes()
    {
        const QByteArray caps =
            envelope().replace("clientCapabilities\":{}", "clientCapabilities\":{\"elicitation\":{}}");
        const QByteArray call = "{\"name\":\"test_elicitation\",\"arguments\":{\"message\":\"who?\"}," + caps;
        const QJsonObject first = m_h->request(1, "tools/call", call + "}")["result"_L1].toObject();
        QCOMPARE(first["resultType"_L1].toString(), u"input_required"_s);
        const QJsonObject input = first["inputRequests"_L1]["input"_L1].toObject();
        QCOMPARE(input["method"_L1].toString(), u"elicitation/create"_s);
        QCOMPARE(input["params"_L1]["message"_L1].toString(), u"who?"_s);
        const QByteArray state = first["requestState"_L1].toString().toLatin1();
        QVERIFY(state.size() >= 32);

        const QByteArray retry = call + ",\"requestState\":\"" + state
            + "\",\"inputResponses\":{\"input\":{\"action\":\"accept\",\"content\":{\"username\":\"u\",\"email\":\"e@x."
              "org\"}}}}";
        const QJsonObject done = m_h->request(2, "tools/call", retry)["result"_L1].toObject();
        QCOMPARE(done["resultType"_L1].toString(), u"complete"_s);
        QVERIFY(done["content"_L1][0]["text"_L1].toString().contains("e@x.org"_L1));

        const QJsonObject replay = m_h->request(3, "tools/call", retry)["result"_L1].toObject();
        QCOMPARE(replay["isError"_L1].toBool(), true); // single use
        QVERIFY(replay["content"_L1][0]["text"_L1].toString().contains("expired"_L1));
        QCOMPARE(m_h->server.continuations().size(), std::size_t(0));
    }

    void inputRequestNeedsTheDeclaredCapability()
    {
        const qsizetype before = m_h->sent.size();
        m_h->request(
            1, "tools/call", "{\"name\":\"test_elicitation\",\"arguments\":{\"message\":\"?\"}," + envelope() + "}");
        QVERIFY(m_h->waitForSent(before + 1));
        const QJsonObject r = SessionHarness::parse(m_h->sent.at(before));
        QCOMPARE(r["result"_L1]["isError"_L1].toBool(), true); // no elicitation capability in the envelope
        QCOMPARE(r["result"_L1]["resultType"_L1].toString(), u"complete"_s);
    }

    void legacyHandshakeStillWorksOnTheSameServer()
    {
        const QJsonObject init = m_h->initialize(u"2025-06-18"_s)["result"_L1].toObject();
        QCOMPARE(init["protocolVersion"_L1].toString(), u"2025-06-18"_s);
        const QJsonObject r = m_h->request(5, "tools/list")["result"_L1].toObject();
        QVERIFY(!r.contains("resultType"_L1));
        QVERIFY(!r.contains("ttlMs"_L1));
    }

    void disabledByDefault()
    {
        SessionHarness plain;
        QCOMPARE(plain.request(1, "server/discover", "{" + envelope() + "}")["error"_L1]["code"_L1].toInt(), -32601);
        QCOMPARE(plain.request(2, "tools/list", "{" + envelope() + "}")["error"_L1]["code"_L1].toInt(), -32600);
    }

private:
    std::unique_ptr<SessionHarness> m_h;
};

QTEST_GUILESS_MAIN(TestMcpModern)
#include "tst_mcpmodern.moc"
