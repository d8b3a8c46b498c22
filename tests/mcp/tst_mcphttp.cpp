// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Streamable HTTP transport over real loopback sockets: sessions, JSON and SSE responses, GET
// stream, DELETE, header checks, DNS-rebinding 403, bearer token, size caps, keep-alive.
#include "mcp/http/httpserver.h"
#include "mcp/server.h"
#include "tests/mcp/conformance/fixtures.h"
#include "tests/mcp/httpharness.h"
#include "tests/support/timeout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using httpharness::finish;
using httpharness::InitializeBody;
using httpharness::Reply;
using httpharness::rpc;

double factor()
{
    return testsupport::timeoutFactor();
}

/// How many complete Content-Length-framed responses \a in holds.
int completeResponses(const QByteArray &in)
{
    int count = 0;
    qsizetype pos = 0;
    while (true) {
        const qsizetype end = in.indexOf("\r\n\r\n", pos);
        if (end < 0) {
            return count;
        }
        const QByteArray head = in.mid(pos, end - pos).toLower();
        const qsizetype at = head.indexOf("content-length: ");
        const qsizetype length = at < 0 ? 0 : head.mid(at + 16, head.indexOf('\r', at) - at - 16).toLongLong();
        if (in.size() < end + 4 + length) {
            return count;
        }
        pos = end + 4 + length;
        ++count;
    }
}

/// The JSON payloads of the `data:` lines of an SSE body.
QList<QJsonObject> sseMessages(const QByteArray &body)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith("data: ") && line.size() > 6) { // skips the priming event
            out.append(QJsonDocument::fromJson(line.mid(6)).object());
        }
    }
    return out;
}

} // namespace

class TestMcpHttp : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_server = std::make_unique<mcp::Server>(mcp::ServerInfo{u"http-test"_s, {}, u"1"_s, {}});
        mcp::conformance::registerFixtures(*m_server);
        // The transport's behaviour without a token (its security: tst_mcphttpsecurity).
        mcp::HttpServer::Options insecure;
        insecure.allowNoToken = true;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^INSECURE: "_s));
        startHttp(insecure);
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void healthAndNotFound()
    {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/healthz"_s.arg(m_http->port())));
        Reply r = finish(m_nam.get(request));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("ok\n"));
        request.setUrl(QUrl(u"http://127.0.0.1:%1/other"_s.arg(m_http->port())));
        QCOMPARE(finish(m_nam.get(request)).status, 404);
    }

    void sessionLifecycle()
    {
        const Reply init = post(InitializeBody);
        QCOMPARE(init.status, 200);
        QVERIFY(init.contentType.startsWith("application/json"));
        QVERIFY(!init.sessionId.isEmpty());
        QCOMPARE(init.json()["result"_L1]["protocolVersion"_L1].toString(), u"2025-11-25"_s);
        QCOMPARE(m_http->sessionCount(), 1);

        QCOMPARE(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", init.sessionId).status, 202);
        Reply list = post(rpc(2, "tools/list"), init.sessionId);
        QCOMPARE(list.status, 200);
        QVERIFY(list.json()["result"_L1]["tools"_L1].toArray().size() > 10);

        QCOMPARE(post(rpc(3, "tools/list")).status, 400); // no session id, not initialize
        QCOMPARE(post(rpc(4, "tools/list"), "0123456789abcdef").status, 404);
        QCOMPARE(post("{not json", init.sessionId).status, 400);

        const Reply second = post(InitializeBody);
        QVERIFY(second.sessionId != init.sessionId);
        QCOMPARE(m_http->sessionCount(), 2);

        QNetworkRequest del(m_http->url());
        del.setRawHeader("Mcp-Session-Id", init.sessionId);
        QCOMPARE(finish(m_nam.sendCustomRequest(del, "DELETE")).status, 200);
        QCOMPARE(post(rpc(5, "tools/list"), init.sessionId).status, 404);
        QCOMPARE(post(rpc(6, "tools/list"), second.sessionId).status, 200);
    }

    void headerChecks()
    {
        const QByteArray sid = post(InitializeBody).sessionId;
        QCOMPARE(post(rpc(2, "ping"), sid, {{"MCP-Protocol-Version", "1999-01-01"}}).status, 400);
        QCOMPARE(post(rpc(3, "ping"), sid, {{"MCP-Protocol-Version", "2025-03-26"}}).status, 200);
        QCOMPARE(post(rpc(4, "ping"), sid, {{"Origin", "http://evil.example.com"}}).status, 403);
        QCOMPARE(post(rpc(5, "ping"), sid, {{"Origin", "http://localhost:6274"}}).status, 403); // another port
        const QByteArray own = "http://localhost:" + QByteArray::number(m_http->port());
        QCOMPARE(post(rpc(5, "ping"), sid, {{"Origin", own}}).status, 200);
        QCOMPARE(post(rpc(6, "ping"), sid, {{"Content-Type", "text/plain"}}).status, 415);
    }

    void dnsRebindingHostRejected_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<int>("status");
        QTest::newRow("evil") << QByteArray("evil.example.com") << 403;
        QTest::newRow("evil with port") << QByteArray("evil.example.com:%1") << 403;
        QTest::newRow("localhost.evil") << QByteArray("localhost.evil.com") << 403;
        QTest::newRow("missing") << QByteArray() << 403;
        QTest::newRow("localhost") << QByteArray("localhost:%1") << 200;
        QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1:%1") << 200;
        QTest::newRow("[::1]") << QByteArray("[::1]:%1") << 200;
    }

    void dnsRebindingHostRejected()
    {
        QFETCH(QByteArray, host);
        QFETCH(int, status);
        host.replace("%1", QByteArray::number(m_http->port()));
        const QByteArray headers = host.isEmpty() ? QByteArray() : "Host: " + host + "\r\n";
        const QByteArray raw = rawExchange("POST /mcp HTTP/1.1\r\n" + headers
                                           + "Content-Type: application/json\r\nAccept: application/json, "
                                             "text/event-stream\r\nContent-Length: "
                                           + QByteArray::number(InitializeBody.size()) + "\r\n\r\n" + InitializeBody);
        QVERIFY2(raw.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status))), raw.left(40).constData());
    }

    void bearerToken()
    {
        mcp::HttpServer::Options options;
        options.bearerToken = "s3cret";
        startHttp(options);
        Reply r = post(InitializeBody);
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
        QCOMPARE(post(InitializeBody, {}, {{"Authorization", "Bearer wrong"}}).status, 401);
        QCOMPARE(post(InitializeBody, {}, {{"Authorization", "Bearer s3cret"}}).status, 200);
    }

    void sseCarriesProgressThenResponse()
    {
        const QByteArray sid = post(InitializeBody).sessionId;
        const Reply r = post(
            rpc(7, "tools/call", "{\"name\":\"test_tool_with_progress\",\"_meta\":{\"progressToken\":\"p1\"}}"), sid);
        QCOMPARE(r.status, 200);
        QVERIFY(r.contentType.startsWith("text/event-stream"));
        const QList<QJsonObject> messages = sseMessages(r.body);
        QCOMPARE(messages.size(), 4);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(messages.at(i)["method"_L1].toString(), u"notifications/progress"_s);
            QCOMPARE(messages.at(i)["params"_L1]["progressToken"_L1].toString(), u"p1"_s);
        }
        QCOMPARE(messages.at(2)["params"_L1]["progress"_L1].toInt(), 100);
        QCOMPARE(messages.at(3)["id"_L1].toInt(), 7);
        QVERIFY(messages.at(3).contains("result"_L1));
    }

    void elicitationOverHttp()
    {
        const QByteArray sid = post(InitializeBody).sessionId;
        QNetworkReply *stream = m_nam.post(
            request(sid), rpc(9, "tools/call", "{\"name\":\"test_elicitation\",\"arguments\":{\"message\":\"who?\"}}"));
        QByteArray received;
        connect(stream, &QNetworkReply::readyRead, this, [&] {
            received += stream->readAll();
        });
        QVERIFY(QTest::qWaitFor(
            [&] {
                return received.contains("elicitation/create");
            },
            5000 * factor()));
        const QJsonObject ask = sseMessages(received).front();
        const QByteArray answer = "{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray::number(ask["id"_L1].toInteger())
            + ",\"result\":{\"action\":\"accept\",\"content\":{\"username\":\"u\",\"email\":\"e@x.org\"}}}";
        QCOMPARE(post(answer, sid).status, 202);
        const Reply done = finish(stream, &received);
        const QList<QJsonObject> messages = sseMessages(received);
        QCOMPARE(messages.last()["id"_L1].toInt(), 9);
        QVERIFY(messages.last()["result"_L1]["content"_L1][0]["text"_L1].toString().contains("e@x.org"_L1));
        QCOMPARE(done.status, 200);
    }

    void getStreamCarriesUnsolicitedNotifications()
    {
        const QByteArray sid = post(InitializeBody).sessionId;
        QCOMPARE(post(rpc(2, "resources/subscribe", "{\"uri\":\"test://watched-resource\"}"), sid).status, 200);
        QNetworkRequest get = request(sid);
        QNetworkReply *stream = m_nam.get(get);
        QByteArray received;
        connect(stream, &QNetworkReply::readyRead, this, [&] {
            received += stream->readAll();
        });
        QVERIFY(QTest::qWaitFor(
            [&] {
                return received.contains("stream open");
            },
            5000 * factor()));
        QCOMPARE(finish(m_nam.get(get)).status, 409); // one GET stream per session
        m_server->registry().notifyResourceUpdated(u"test://watched-resource"_s);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return received.contains("notifications/resources/updated");
            },
            5000 * factor()));
        stream->abort();
        stream->deleteLater();
    }

    void jsonOnlyClientGetsAsyncResponseAsJson()
    {
        const QByteArray sid = post(InitializeBody).sessionId;
        const Reply r =
            post(rpc(8, "tools/call", "{\"name\":\"test_tool_with_logging\"}"), sid, {{"Accept", "application/json"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.contentType.startsWith("application/json"));
        QCOMPARE(r.json()["id"_L1].toInt(), 8);
        QVERIFY(r.json()["result"_L1]["content"_L1][0]["text"_L1].toString().contains("successfully"_L1));
    }

    void batchOverHttpOn2025_03_26()
    {
        QByteArray init = InitializeBody;
        init.replace("2025-11-25", "2025-03-26");
        const QByteArray sid = post(init).sessionId;
        const Reply r = post("[" + rpc(2, "ping") + "," + rpc(3, "tools/list") + "]", sid);
        QCOMPARE(r.status, 200);
        const QJsonArray answers = QJsonDocument::fromJson(r.body).array();
        QCOMPARE(answers.size(), 2);
        QCOMPARE(answers.at(0)["id"_L1].toInt(), 2);
        QCOMPARE(answers.at(1)["id"_L1].toInt(), 3);
    }

    void disconnectMidStreamIsNotCancellationAndHarmless()
    {
        const QByteArray sid = post(InitializeBody).sessionId;
        QNetworkReply *stream =
            m_nam.post(request(sid),
                       rpc(9, "tools/call", "{\"name\":\"test_tool_with_progress\",\"_meta\":{\"progressToken\":1}}"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return stream->bytesAvailable() > 0;
            },
            5000 * factor()));
        stream->abort();
        stream->deleteLater();
        QTest::qWait(200); // the tool finishes and its response has nowhere to go
        QCOMPARE(post(rpc(10, "ping"), sid).status, 200);
    }

    void closedStreamResumesWithLastEventId()
    {
        const QByteArray sid = post(InitializeBody).sessionId;
        const Reply first = post(rpc(11, "tools/call", "{\"name\":\"test_reconnection\"}"), sid);
        QCOMPARE(first.status, 200);
        QVERIFY(first.body.startsWith("id: "));
        QVERIFY(first.body.contains("retry: "));
        QVERIFY(sseMessages(first.body).isEmpty()); // closed by the server before the result
        const QByteArray lastId = first.body.mid(4, first.body.indexOf('\n') - 4);

        QNetworkRequest get = request(sid);
        get.setRawHeader("Last-Event-ID", lastId);
        const Reply resumed = finish(m_nam.get(get));
        QCOMPARE(resumed.status, 200);
        const QList<QJsonObject> messages = sseMessages(resumed.body);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.front()["id"_L1].toInt(), 11);
        QVERIFY(messages.front()["result"_L1]["content"_L1][0]["text"_L1].toString().contains("successfully"_L1));
        QVERIFY(resumed.body.contains(QByteArray("id: " + lastId.left(lastId.indexOf('-')) + "-1")));
    }

    void statelessModernPosts()
    {
        m_server->setModernEraEnabled(true);
        const QByteArray envelope = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                                    "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        const QList<QPair<QByteArray, QByteArray>> modern{{"MCP-Protocol-Version", "2026-07-28"},
                                                          {"Mcp-Method", "tools/list"}};
        Reply r = post(rpc(1, "tools/list", "{" + envelope + "}"), {}, modern);
        QCOMPARE(r.status, 200);
        QVERIFY(r.sessionId.isEmpty()); // stateless: no session
        QCOMPARE(r.json()["result"_L1]["resultType"_L1].toString(), u"complete"_s);
        QCOMPARE(m_http->sessionCount(), 0);

        r = post(rpc(2, "tools/list", "{" + envelope + "}"), {}, {{"Mcp-Method", "tools/call"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json()["error"_L1]["code"_L1].toInt(), -32020);
        r = post(
            rpc(3, "tools/call", "{\"name\":\"test_simple_text\"," + envelope + "}"), {}, {{"Mcp-Name", "other_tool"}});
        QCOMPARE(r.json()["error"_L1]["code"_L1].toInt(), -32020);
        r = post(rpc(4, "tools/list"), {}, modern);
        QCOMPARE(r.status, 400); // modern header, no envelope
        r = post(rpc(5, "ping", "{" + envelope + "}"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json()["error"_L1]["code"_L1].toInt(), -32601);

        const Reply sse = post(rpc(6,
                                   "tools/call",
                                   "{\"name\":\"test_tool_with_progress\",\"_meta\":{\"progressToken\":1,"
                                   "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                                   "\"io.modelcontextprotocol/clientCapabilities\":{}}}"));
        QVERIFY(sse.contentType.startsWith("text/event-stream"));
        const QList<QJsonObject> messages = sseMessages(sse.body);
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages.last()["result"_L1]["resultType"_L1].toString(), u"complete"_s);
        QCOMPARE(m_http->sessionCount(), 0);

        m_server->setModernEraEnabled(false);
        QCOMPARE(post(rpc(7, "tools/list", "{" + envelope + "}"), {}, modern).status, 400);
    }

    void keepAliveAndCaps()
    {
        const QByteArray health = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        const QByteArray both = rawExchange(health + health, 2);
        QCOMPARE(both.count("HTTP/1.1 200 OK"), 2);
        const QByteArray tooBig =
            rawExchange("POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        "Content-Length: 99999999\r\n\r\n{");
        QVERIFY2(tooBig.startsWith("HTTP/1.1 413"), tooBig.constData());
        const QByteArray chunked =
            rawExchange("POST /mcp HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
        QVERIFY(chunked.startsWith("HTTP/1.1 501"));
        const QByteArray hugeHeader = rawExchange("GET /healthz HTTP/1.1\r\nX: " + QByteArray(20000, 'a') + "\r\n\r\n");
        QVERIFY(hugeHeader.startsWith("HTTP/1.1 431"));
    }

private:
    void startHttp(const mcp::HttpServer::Options &options)
    {
        m_http = std::make_unique<mcp::HttpServer>(m_server.get(), options);
        QString error;
        QVERIFY2(m_http->listen(&error), qPrintable(error));
        QCOMPARE(m_http->url().host(), u"127.0.0.1"_s);
    }

    QNetworkRequest request(const QByteArray &sessionId, const httpharness::Headers &headers = {})
    {
        return httpharness::request(m_http->url(), sessionId, headers);
    }

    Reply post(const QByteArray &body, const QByteArray &sessionId = {}, const httpharness::Headers &headers = {})
    {
        return httpharness::post(m_nam, m_http->url(), body, sessionId, headers);
    }

    /// Sends \a bytes on a fresh socket and returns what arrives until \a responses responses or close.
    QByteArray rawExchange(const QByteArray &bytes, int responses = 1)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_http->port());
        QByteArray in;
        connect(&socket, &QTcpSocket::readyRead, this, [&] {
            in += socket.readAll();
        });
        const bool connected = QTest::qWaitFor(
            [&] {
                return socket.state() == QAbstractSocket::ConnectedState;
            },
            5000 * factor());
        if (!connected) {
            return {};
        }
        socket.write(bytes);
        const bool complete = QTest::qWaitFor(
            [&] {
                return completeResponses(in) >= responses;
            },
            5000 * factor());
        if (complete) {
            QTest::qWait(20); // let a wrongly sent extra response show up too
        }
        return in + socket.readAll();
    }

    std::unique_ptr<mcp::Server> m_server;
    std::unique_ptr<mcp::HttpServer> m_http;
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestMcpHttp)

#include "tst_mcphttp.moc"
