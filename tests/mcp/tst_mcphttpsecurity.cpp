// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// The HTTP endpoint against other local users (issue 15, hole 4), over real loopback sockets: the
// token only from a private file and never optional by accident, only the endpoint's own Origin,
// an exact Content-Type, authentication before anything is buffered or allocated, the header
// timeout, the connection cap that idle strangers cannot fill, and sessions with calls in flight
// that the session cap does not evict.
#include "mcp/http/httpserver.h"
#include "mcp/http/tokenfile.h"
#include "mcp/server.h"
#include "tests/mcp/conformance/fixtures.h"
#include "tests/mcp/httpharness.h"
#include "tests/support/timeout.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QByteArray Token = "0123456789abcdef-token";

using httpharness::Headers;
using httpharness::InitializeBody;
using httpharness::Reply;
using httpharness::rpc;

} // namespace

class TestMcpHttpSecurity : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_server = std::make_unique<mcp::Server>(mcp::ServerInfo{u"http-security"_s, {}, u"1"_s, {}});
        mcp::conformance::registerFixtures(*m_server);
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void tokenFileMustBePrivate()
    {
        QString error;
        const QString shared = writeTokenFile(u"shared"_s, Token + '\n', 0644);
        QVERIFY(mcp::http::tokenfile::read(shared, &error).isEmpty());
        QVERIFY2(error.contains(u"0644"_s) && error.contains(u"chmod 600"_s), qPrintable(error));

        const QString mine = writeTokenFile(u"mine"_s, Token + '\n', 0600);
        QCOMPARE(mcp::http::tokenfile::read(mine, &error), Token);
        QCOMPARE(mcp::http::tokenfile::read(writeTokenFile(u"ro"_s, Token, 0400), &error), Token);

        const QString link = m_dir.filePath(u"link"_s);
        QVERIFY(QFile::link(mine, link));
        QVERIFY(mcp::http::tokenfile::read(link, &error).isEmpty());
        QVERIFY2(error.contains(u"symbolic link"_s), qPrintable(error));

        QVERIFY(mcp::http::tokenfile::read(m_dir.path(), &error).isEmpty()); // a directory
        QVERIFY(mcp::http::tokenfile::read(writeTokenFile(u"short"_s, "abc\n", 0600), &error).isEmpty());
        QVERIFY2(error.contains(u"shorter"_s), qPrintable(error));
        QVERIFY(mcp::http::tokenfile::read(writeTokenFile(u"two"_s, Token + "\r\nX: y", 0600), &error).isEmpty());
        QVERIFY(mcp::http::tokenfile::read(m_dir.filePath(u"missing"_s), &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void noTokenRefusedWithoutTheFlag()
    {
        m_http = std::make_unique<mcp::HttpServer>(m_server.get(), mcp::HttpServer::Options{});
        QString error;
        QVERIFY(!m_http->listen(&error));
        QVERIFY2(error.contains(u"--insecure-no-token"_s), qPrintable(error));

        mcp::HttpServer::Options insecure;
        insecure.allowNoToken = true;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^INSECURE: the HTTP endpoint .* no bearer token"_s));
        startHttp(insecure);
        QCOMPARE(post(InitializeBody).status, 200);
    }

    void onlyOwnOrigin_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<int>("status");
        QTest::newRow("none (not a browser)") << QByteArray() << 200;
        QTest::newRow("own 127.0.0.1") << QByteArray("http://127.0.0.1:%1") << 200;
        QTest::newRow("own localhost") << QByteArray("http://LocalHost:%1") << 200;
        QTest::newRow("other local port") << QByteArray("http://localhost:6274") << 403;
        QTest::newRow("other 127.0.0.1 port") << QByteArray("http://127.0.0.1:1") << 403;
        QTest::newRow("https") << QByteArray("https://127.0.0.1:%1") << 403;
        QTest::newRow("null") << QByteArray("null") << 403;
        QTest::newRow("foreign") << QByteArray("http://evil.example.com") << 403;
    }

    void onlyOwnOrigin()
    {
        QFETCH(QByteArray, origin);
        QFETCH(int, status);
        startHttp(tokenOptions());
        origin.replace("%1", QByteArray::number(m_http->port()));
        Headers headers{{"Authorization", "Bearer " + Token}};
        if (!origin.isEmpty()) {
            headers.append({"Origin", origin});
        }
        const Reply r = post(InitializeBody, {}, headers);
        QCOMPARE(r.status, status);
        if (status == 403) {
            const QJsonObject error = QJsonDocument::fromJson(r.body).object().value("error"_L1).toObject();
            QVERIFY2(error.value("message"_L1).toString().contains(u"Origin"_s), r.body.constData());
            QCOMPARE(m_http->sessionCount(), 0);
        }
    }

    void contentTypeParsedExactly_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::newRow("smuggled") << QByteArray("text/plain; x=application/json") << 415;
        QTest::newRow("suffix") << QByteArray("application/jsonx") << 415;
        QTest::newRow("other json") << QByteArray("application/json-patch+json") << 415;
        QTest::newRow("other charset") << QByteArray("application/json; charset=latin1") << 415;
        QTest::newRow("extra parameter") << QByteArray("application/json; x=1") << 415;
        QTest::newRow("plain") << QByteArray("application/json") << 200;
        QTest::newRow("utf-8") << QByteArray("application/json; charset=utf-8") << 200;
        QTest::newRow("case") << QByteArray("Application/JSON;charset=UTF-8") << 200;
    }

    void contentTypeParsedExactly()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        startHttp(tokenOptions());
        QCOMPARE(post(InitializeBody, {}, {{"Authorization", "Bearer " + Token}, {"Content-Type", contentType}}).status,
                 status);
    }

    // A stranger's request is refused on its headers: its body is never awaited, no session is made.
    void unauthenticatedRequestAllocatesNothing()
    {
        startHttp(tokenOptions());
        QTcpSocket socket;
        QVERIFY(connectRaw(socket));
        QByteArray in;
        connect(&socket, &QTcpSocket::readyRead, this, [&] {
            in += socket.readAll();
        });
        socket.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: 4000000\r\n\r\n" // and no body: the server must not wait for it
                     + InitializeBody);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return in.contains("\r\n\r\n");
                     },
                     testsupport::scaled(3000)),
                 in.constData());
        QVERIFY2(in.startsWith("HTTP/1.1 401"), in.constData());
        QVERIFY(in.contains("Connection: close"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            testsupport::scaled(3000)));
        QCOMPARE(post(InitializeBody).status, 401);
        QCOMPARE(post(InitializeBody, {}, {{"Authorization", "Bearer " + Token + "x"}}).status, 401);
        QCOMPARE(m_http->sessionCount(), 0);
    }

    void headerTimeoutClosesSlowloris()
    {
        QCOMPARE(mcp::HttpServer::Options{}.headerTimeoutMs, 5000);
        mcp::HttpServer::Options options = tokenOptions();
        options.headerTimeoutMs = 300;
        startHttp(options);
        QTcpSocket socket;
        QVERIFY(connectRaw(socket));
        socket.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QElapsedTimer elapsed;
        elapsed.start();
        // One header byte every 50 ms: never complete, always active.
        while (socket.state() == QAbstractSocket::ConnectedState && elapsed.elapsed() < testsupport::scaled(5000)) {
            socket.write("x");
            QTest::qWait(50);
        }
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(m_http->connectionCount() == 0);
    }

    void idleConnectionsDoNotLockOutTheOwner()
    {
        startHttp(tokenOptions()); // the default header timeout (5 s) and cap (128)
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 130; ++i) { // one by one, so that no connection waits in the listen backlog
            idle.push_back(std::make_unique<QTcpSocket>());
            QVERIFY(connectRaw(*idle.back()));
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return m_http->connectionCount() == std::min(i + 1, 128);
                },
                testsupport::scaled(2000)));
        }
        QTest::qWait(50);
        QElapsedTimer elapsed;
        elapsed.start();
        const Reply r = post(InitializeBody, {}, {{"Authorization", "Bearer " + Token}});
        QCOMPARE(r.status, 200);
        QVERIFY2(elapsed.elapsed() < 2000, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(m_http->sessionCount(), 1);
    }

    void sessionsWithCallsInFlightAreNotEvicted()
    {
        mcp::HttpServer::Options options = tokenOptions();
        options.maxSessions = 2;
        startHttp(options);
        const Headers auth{{"Authorization", "Bearer " + Token}};
        const QByteArray busy = post(InitializeBody, {}, auth).sessionId;
        QVERIFY(!busy.isEmpty());
        QNetworkRequest call = request(busy, auth);
        QNetworkReply *stream = m_nam.post(
            call, rpc(9, "tools/call", "{\"name\":\"test_elicitation\",\"arguments\":{\"message\":\"who\"}}"));
        QByteArray received;
        connect(stream, &QNetworkReply::readyRead, this, [&] {
            received += stream->readAll();
        });
        QVERIFY(QTest::qWaitFor(
            [&] {
                return received.contains("elicitation/create");
            },
            testsupport::scaled(5000)));
        const qsizetype at = received.indexOf("data: {");
        const QJsonObject ask =
            QJsonDocument::fromJson(received.mid(at + 6, received.indexOf('\n', at) - at - 6)).object();
        QVERIFY(ask.contains("id"_L1));

        const QByteArray idle = post(InitializeBody, {}, auth).sessionId; // fills the cap
        QVERIFY(!idle.isEmpty());
        const QByteArray third = post(InitializeBody, {}, auth).sessionId; // evicts `idle`, not `busy`
        QVERIFY(!third.isEmpty());
        QCOMPARE(m_http->sessionCount(), 2);
        QCOMPARE(post(rpc(2, "ping", "{}"), idle, auth).status, 404);

        const QByteArray answer = "{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray::number(ask["id"_L1].toInteger())
            + ",\"result\":{\"action\":\"accept\",\"content\":{\"username\":\"u\",\"email\":\"e@x.org\"}}}";
        QCOMPARE(post(answer, busy, auth).status, 202);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return stream->isFinished();
            },
            testsupport::scaled(5000)));
        received += stream->readAll();
        QVERIFY2(received.contains("e@x.org"), received.constData());
        stream->deleteLater();

        // With every session busy, a new one is refused rather than evicting one.
        options.maxSessions = 1;
        startHttp(options);
        const QByteArray only = post(InitializeBody, {}, auth).sessionId;
        QNetworkReply *pending =
            m_nam.post(request(only, auth),
                       rpc(3, "tools/call", "{\"name\":\"test_elicitation\",\"arguments\":{\"message\":\"m\"}}"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return pending->bytesAvailable() > 0;
            },
            testsupport::scaled(5000)));
        const Reply refused = post(InitializeBody, {}, auth);
        QCOMPARE(refused.status, 503);
        QCOMPARE(m_http->sessionCount(), 1);
        pending->abort();
        pending->deleteLater();
    }

private:
    static mcp::HttpServer::Options tokenOptions()
    {
        mcp::HttpServer::Options options;
        options.bearerToken = Token;
        return options;
    }

    QString writeTokenFile(const QString &name, const QByteArray &content, int mode)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            return {};
        }
        file.close();
        QFile::Permissions permissions;
        permissions.setFlag(QFile::ReadOwner, mode & 0400).setFlag(QFile::WriteOwner, mode & 0200);
        permissions.setFlag(QFile::ReadGroup, mode & 0040).setFlag(QFile::ReadOther, mode & 0004);
        file.setPermissions(permissions);
        return path;
    }

    void startHttp(const mcp::HttpServer::Options &options)
    {
        m_http.reset();
        m_http = std::make_unique<mcp::HttpServer>(m_server.get(), options);
        QString error;
        QVERIFY2(m_http->listen(&error), qPrintable(error));
    }

    bool connectRaw(QTcpSocket &socket)
    {
        socket.connectToHost(QHostAddress::LocalHost, m_http->port());
        return socket.waitForConnected(testsupport::scaled(5000));
    }

    QNetworkRequest request(const QByteArray &sessionId, const Headers &headers)
    {
        return httpharness::request(m_http->url(), sessionId, headers);
    }

    Reply post(const QByteArray &body, const QByteArray &sessionId = {}, const Headers &headers = {})
    {
        return httpharness::post(m_nam, m_http->url(), body, sessionId, headers);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<mcp::Server> m_server;
    std::unique_ptr<mcp::HttpServer> m_http;
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestMcpHttpSecurity)

#include "tst_mcphttpsecurity.moc"
