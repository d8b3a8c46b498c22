// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Resources (list, templates, read, subscribe + updated notifications), prompts, completion.
#include "tests/mcp/conformance/fixtures.h"
#include "tests/mcp/sessionharness.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMcpResources : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_h = std::make_unique<SessionHarness>();
        mcp::conformance::registerFixtures(m_h->server);
        m_h->initialize();
    }

    void cleanup() { m_h.reset(); }

    void listsAndTemplates()
    {
        const QJsonArray resources = m_h->request(1, "resources/list")["result"_L1]["resources"_L1].toArray();
        QCOMPARE(resources.size(), 3);
        QCOMPARE(resources.at(0)["uri"_L1].toString(), u"test://static-text"_s);
        QCOMPARE(resources.at(0)["mimeType"_L1].toString(), u"text/plain"_s);
        const QJsonArray templates =
            m_h->request(2, "resources/templates/list")["result"_L1]["resourceTemplates"_L1].toArray();
        QCOMPARE(templates.size(), 1);
        QCOMPARE(templates.at(0)["uriTemplate"_L1].toString(), u"test://template/{id}/data"_s);
    }

    void read()
    {
        QJsonObject r = m_h->request(1, "resources/read", "{\"uri\":\"test://static-text\"}");
        QCOMPARE(r["result"_L1]["contents"_L1][0]["text"_L1].toString(),
                 u"This is the content of the static text resource."_s);
        r = m_h->request(2, "resources/read", "{\"uri\":\"test://static-binary\"}");
        QCOMPARE(QByteArray::fromBase64(r["result"_L1]["contents"_L1][0]["blob"_L1].toString().toLatin1()).left(4),
                 QByteArray("\x89PNG"));
        r = m_h->request(3, "resources/read", "{\"uri\":\"test://template/42/data\"}");
        QCOMPARE(r["result"_L1]["contents"_L1][0]["uri"_L1].toString(), u"test://template/42/data"_s);
        QVERIFY(r["result"_L1]["contents"_L1][0]["text"_L1].toString().contains("Data for ID: 42"_L1));
        r = m_h->request(4, "resources/read", "{\"uri\":\"test://template/4/2/data\"}");
        QCOMPARE(r["error"_L1]["code"_L1].toInt(), -32002);
        QCOMPARE(r["error"_L1]["data"_L1]["uri"_L1].toString(), u"test://template/4/2/data"_s);
        r = m_h->request(5, "resources/read", "{}");
        QCOMPARE(r["error"_L1]["code"_L1].toInt(), -32602);
    }

    void subscribeGetsUpdatesUntilUnsubscribed()
    {
        const QJsonObject subscribed = m_h->request(1, "resources/subscribe", "{\"uri\":\"test://watched-resource\"}");
        QCOMPARE(subscribed["result"_L1].toObject(), QJsonObject());
        const QJsonObject unknown = m_h->request(2, "resources/subscribe", "{\"uri\":\"test://nope\"}");
        QCOMPARE(unknown["error"_L1]["code"_L1].toInt(), -32002);
        const qsizetype before = m_h->sent.size();
        m_h->server.registry().notifyResourceUpdated(u"test://static-text"_s); // not subscribed
        m_h->server.registry().notifyResourceUpdated(u"test://watched-resource"_s);
        QCOMPARE(m_h->sent.size(), before + 1);
        const QJsonObject n = SessionHarness::parse(m_h->sent.last());
        QCOMPARE(n["method"_L1].toString(), u"notifications/resources/updated"_s);
        QCOMPARE(n["params"_L1]["uri"_L1].toString(), u"test://watched-resource"_s);
        const QJsonObject unsubscribed =
            m_h->request(3, "resources/unsubscribe", "{\"uri\":\"test://watched-resource\"}");
        QCOMPARE(unsubscribed["result"_L1].toObject(), QJsonObject());
        m_h->server.registry().notifyResourceUpdated(u"test://watched-resource"_s);
        QCOMPARE(m_h->sent.size(), before + 2); // only the unsubscribe response
    }

    void prompts()
    {
        const QJsonArray list = m_h->request(1, "prompts/list")["result"_L1]["prompts"_L1].toArray();
        QCOMPARE(list.size(), 4);
        QCOMPARE(list.at(1)["arguments"_L1].toArray().size(), 2);
        QJsonObject r = m_h->request(
            2,
            "prompts/get",
            "{\"name\":\"test_prompt_with_arguments\",\"arguments\":{\"arg1\":\"red\",\"arg2\":\"blue\"}}");
        const QString text = r["result"_L1]["messages"_L1][0]["content"_L1]["text"_L1].toString();
        QVERIFY(text.contains("red"_L1) && text.contains("blue"_L1));
        r = m_h->request(3, "prompts/get", "{\"name\":\"test_prompt_with_arguments\",\"arguments\":{\"arg1\":\"x\"}}");
        QCOMPARE(r["error"_L1]["code"_L1].toInt(), -32602);
        QVERIFY(r["error"_L1]["message"_L1].toString().contains("arg2"_L1));
        r = m_h->request(4, "prompts/get", "{\"name\":\"nope\"}");
        QCOMPARE(r["error"_L1]["code"_L1].toInt(), -32602);
        r = m_h->request(
            5,
            "prompts/get",
            "{\"name\":\"test_prompt_with_embedded_resource\",\"arguments\":{\"resourceUri\":\"test://r\"}}");
        QCOMPARE(r["result"_L1]["messages"_L1][0]["content"_L1]["resource"_L1]["uri"_L1].toString(), u"test://r"_s);
    }

    void completion()
    {
        QJsonObject r = m_h->request(
            1,
            "completion/complete",
            "{\"ref\":{\"type\":\"ref/"
            "prompt\",\"name\":\"test_prompt_with_arguments\"},\"argument\":{\"name\":\"arg1\",\"value\":\"par\"}}");
        QCOMPARE(r["result"_L1]["completion"_L1]["values"_L1].toArray(),
                 (QJsonArray{u"paris"_s, u"park"_s, u"party"_s}));
        QCOMPARE(r["result"_L1]["completion"_L1]["hasMore"_L1].toBool(), false);
        r = m_h->request(2,
                         "completion/complete",
                         "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"test://template/{id}/"
                         "data\"},\"argument\":{\"name\":\"id\",\"value\":\"4\"}}");
        QCOMPARE(r["result"_L1]["completion"_L1]["values"_L1].toArray(), (QJsonArray{u"456"_s}));
        r = m_h->request(
            3,
            "completion/complete",
            "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"nope\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}");
        QCOMPARE(r["error"_L1]["code"_L1].toInt(), -32602);
    }

private:
    std::unique_ptr<SessionHarness> m_h;
};

QTEST_GUILESS_MAIN(TestMcpResources)
#include "tst_mcpresources.moc"
