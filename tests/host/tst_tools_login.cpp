// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Headless Login with DIMO end to end: `dimo-tray --headless` with a license from DIMO_* whose
// redirect URI is a loopback one, the real shim, init_oauth, and the simulator's login page
// redirecting to the tray's one-time listener.
#include "dimo/client.h"
#include "dimo/environment.h"
#include "tests/host/toolfixture.h"
#include "tests/support/loginhttp.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString LoopbackRedirect = u"http://localhost:8765/callback"_s; // registered for the sim's main license

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

QString linkIn(const QString &text)
{
    const qsizetype start = text.indexOf(u"http"_s);
    return start < 0 ? QString() : text.mid(start, text.indexOf(u'\n', start) - start);
}

} // namespace

class TestToolsLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.startSimulator(&error), qPrintable(error));
    }

    void init() { QVERIFY(m_fx.sim.reset()); }

    void cleanup() { m_fx.afterTest(); }

    void initOauthLinkAndOneTimeListener()
    {
        ToolSession s;
        s.tray.environment().insert(u"DIMO_CLIENT_ID"_s, m_fx.sim.credential(u"clientId"_s));
        s.tray.environment().insert(u"DIMO_DOMAIN"_s, LoopbackRedirect);
        s.tray.environment().insert(u"DIMO_PRIVATE_KEY"_s, m_fx.sim.credential(u"apiKey"_s));
        ToolSession::Options options;
        options.demo = false;
        options.waitForSignIn = false;
        QVERIFY(m_fx.startSession(s, options));
        const quint16 port = freePort();
        QVERIFY(port != 0);

        // Nothing listens before init_oauth.
        QVERIFY(testsupport::deliverRedirect(port, QUrl(LoopbackRedirect)).startsWith("connect failed"));

        QJsonObject r = s.call(u"init_oauth"_s, {{u"port"_s, port}});
        QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
        const QString text = ToolSession::text(r);
        QVERIFY2(text.contains(u"127.0.0.1:%1 "_s.arg(port)), qPrintable(text));

        // The link, byte for byte, is the URL the client builds for this attempt (its state aside,
        // which is random): the encoded redirect URI keeps its %3A%2F%2F.
        const QString link = linkIn(text);
        QVERIFY2(link.contains(u"redirectUri=http%3A%2F%2Flocalhost%3A8765%2Fcallback&"_s), qPrintable(link));
        const QString utm = QUrlQuery(QUrl(link)).queryItemValue(u"utm"_s, QUrl::FullyDecoded);
        QVERIFY2(utm.startsWith(u"state="_s) && utm.size() == 6 + 32, qPrintable(utm));
        QNetworkAccessManager nam;
        const auto env = dimo::Environment::fromFile(m_fx.sim.environmentFile());
        QVERIFY(env.ok());
        const dimo::Client client(
            &nam,
            env.value(),
            {m_fx.sim.credential(u"clientId"_s), LoopbackRedirect, m_fx.sim.credential(u"apiKey"_s)});
        dimo::LoginRequest request;
        request.state = utm.mid(6);
        const auto built = client.loginUrl(request);
        QVERIFY(built.ok());
        QCOMPARE(link, built.value().toString(QUrl::FullyEncoded));

        // Another local user's valid login (another attempt, no state of ours) is refused.
        const QUrl bobs = m_fx.sim.autoLogin(client.loginUrl({}).value(), 2);
        QVERIFY2(bobs.isValid(), qPrintable(m_fx.sim.stderrText()));
        QByteArray answer = testsupport::deliverRedirect(port, bobs);
        QVERIFY2(answer.startsWith("HTTP/1.1 403 "), answer.constData());
        QVERIFY(ToolSession::text(s.call(u"check_vehicle_access_status"_s)).contains(u"Signed in: nobody"_s));

        // The user's own login through the link signs in…
        const QUrl alices = m_fx.sim.autoLogin(QUrl(link), 1);
        QVERIFY2(QUrlQuery(alices).queryItemValue(u"state"_s) == utm.mid(6), qPrintable(alices.toString()));
        answer = testsupport::deliverRedirect(port, alices);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        const QString alice =
            m_fx.sim.fixtures().value(u"users"_s).toArray().at(0).toObject().value(u"wallet"_s).toString();
        QString status = ToolSession::text(s.call(u"check_vehicle_access_status"_s));
        QVERIFY2(status.contains(u"Signed in: wallet %1"_s.arg(alice)), qPrintable(status));

        // …and closes the listener: a second valid callback (even Bob's with the right state) finds
        // no one listening, and Alice stays signed in.
        QUrl replay = m_fx.sim.autoLogin(QUrl(link), 2);
        QVERIFY(replay.isValid());
        QVERIFY(testsupport::deliverRedirect(port, replay).startsWith("connect failed"));
        status = ToolSession::text(s.call(u"check_vehicle_access_status"_s));
        QVERIFY2(status.contains(u"Signed in: wallet %1"_s.arg(alice)), qPrintable(status));

        // A garbage callback for a new attempt while signed in: refused by the verifier, Alice stays.
        r = s.call(u"init_oauth"_s, {{u"port"_s, port}});
        QVERIFY2(!ToolSession::isError(r), qPrintable(ToolSession::text(r)));
        const QString state =
            QUrlQuery(QUrl(linkIn(ToolSession::text(r)))).queryItemValue(u"utm"_s, QUrl::FullyDecoded).mid(6);
        QUrl garbage(LoopbackRedirect);
        garbage.setQuery(u"token=garbage&walletAddress=%1&state=%2"_s.arg(alice, state));
        answer = testsupport::deliverRedirect(port, garbage);
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        status = ToolSession::text(s.call(u"check_vehicle_access_status"_s));
        QVERIFY2(status.contains(u"Signed in: wallet %1"_s.arg(alice)), qPrintable(status));
        QVERIFY(testsupport::deliverRedirect(port, garbage).startsWith("connect failed"));
        VERIFY_FINISH(s);
    }

private:
    ToolFixture m_fx;
};

QTEST_GUILESS_MAIN(TestToolsLogin)
#include "tst_tools_login.moc"
