// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The headless login listener is bound to one login attempt: open only after listen() (init_oauth),
// only for a redirect carrying the attempt's state, closed after its first callback or when the
// attempt expires; a callback that fails verification never ends the session. Real sockets, a real
// dimo::Client and the simulator's login page (valid redirects for any test user).
#include "app/tools/loginlistener.h"
#include "dimo/client.h"
#include "tests/support/dimofixture.h"
#include "tests/support/jobwait.h"
#include "tests/support/loginhttp.h"
#include "tests/support/timeout.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using app::tools::LoginListener;

namespace {

const QString LoopbackRedirect = u"http://localhost:8765/callback"_s; // registered for the sim's main license

} // namespace

class TestLoginListener : public QObject
{
    Q_OBJECT

    DimoFixture m_fx;

    std::unique_ptr<dimo::Client> client()
    {
        dimo::Credentials c = m_fx.credentials();
        c.redirectUri = LoopbackRedirect;
        return std::make_unique<dimo::Client>(&m_fx.nam, m_fx.env, c, DimoFixture::options());
    }

    // A valid redirect of `user` (1 Alice, 2 Bob) for a login link with `state` (none: another
    // attempt than the listener's).
    QUrl redirect(dimo::Client &c, int user, const QString &state = {})
    {
        dimo::LoginRequest request;
        request.state = state;
        return m_fx.sim.autoLogin(c.loginUrl(request).value(), user);
    }

    QString wallet(int user)
    {
        return m_fx.sim.fixtures().value(u"users"_s).toArray().at(user - 1).toObject().value(u"wallet"_s).toString();
    }

private Q_SLOTS:

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void init() { QVERIFY(m_fx.sim.reset()); }

    void cleanup() { m_fx.sim.dumpOnFailure(); }

    void closedUntilListen()
    {
        LoginListener listener;
        QVERIFY(!listener.isListening());
        QVERIFY(listener.state().isEmpty());
    }

    void oneCallbackPerAttempt()
    {
        auto c = client();
        LoginListener listener;
        QVERIFY(listener.listen(0, QUrl(LoopbackRedirect), c.get()).ok());
        const quint16 port = listener.port();
        const QString state = listener.state();
        QCOMPARE(state.size(), 32); // 128 random bits, hex

        // Other paths do not use up the attempt.
        QVERIFY(testsupport::deliverRedirect(port, QUrl(u"http://localhost:8765/favicon.ico"_s))
                    .startsWith("HTTP/1.1 404 "));
        QVERIFY(listener.isListening());

        QSignalSpy finished(&listener, &LoginListener::loginFinished);
        const QByteArray answer = testsupport::deliverRedirect(port, redirect(*c, 1, state));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QCOMPARE(c->wallet(), wallet(1));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!listener.isListening());
        QVERIFY(listener.state().isEmpty());

        // A second valid callback, even with the used state: nobody listens, Alice stays.
        QVERIFY(testsupport::deliverRedirect(port, redirect(*c, 2, state)).startsWith("connect failed"));
        QCOMPARE(c->wallet(), wallet(1));
        QCOMPARE(finished.size(), 1);
    }

    void foreignRedirectIsRefused()
    {
        // Another local user's valid redirect (another login attempt: no state, or another one)
        // changes nothing, and the user's own login still works afterwards.
        auto c = client();
        LoginListener listener;
        QVERIFY(listener.listen(0, QUrl(LoopbackRedirect), c.get()).ok());
        const quint16 port = listener.port();
        for (const QString &state : {QString(), u"0123456789abcdef0123456789abcdef"_s}) {
            const QByteArray answer = testsupport::deliverRedirect(port, redirect(*c, 2, state));
            QVERIFY2(answer.startsWith("HTTP/1.1 403 "), answer.constData());
            QVERIFY(answer.contains("init_oauth"));
            QVERIFY(!c->session().has_value());
            QCOMPARE(c->sessionState(), dimo::Client::SessionState::SignedOut);
            QVERIFY(listener.isListening());
        }
        QVERIFY(testsupport::deliverRedirect(port, redirect(*c, 1, listener.state())).startsWith("HTTP/1.1 200 "));
        QCOMPARE(c->wallet(), wallet(1));
    }

    void attemptExpires()
    {
        auto c = client();
        LoginListener listener;
        QCOMPARE(LoginListener::DefaultLifetime, std::chrono::milliseconds(10min));
        QVERIFY(listener.listen(0, QUrl(LoopbackRedirect), c.get(), 300ms).ok());
        const quint16 port = listener.port();
        const QString state = listener.state();
        const QUrl valid = redirect(*c, 1, state);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !listener.isListening();
            },
            testsupport::scaled(5000)));
        QVERIFY(testsupport::deliverRedirect(port, valid).startsWith("connect failed"));
        QVERIFY(!c->session().has_value());

        // init_oauth again: a new attempt with a new state; the old link's redirect is refused.
        QVERIFY(listener.listen(port, QUrl(LoopbackRedirect), c.get()).ok());
        QVERIFY(listener.state() != state);
        QVERIFY(testsupport::deliverRedirect(port, valid).startsWith("HTTP/1.1 403 "));
        QVERIFY(!c->session().has_value());
    }

    void garbageKeepsTheSession()
    {
        auto c = client();
        QVERIFY(m_fx.signIn(*c, 1));
        const QString token = c->session()->token;
        LoginListener listener;
        QVERIFY(listener.listen(0, QUrl(LoopbackRedirect), c.get()).ok());
        QUrl garbage(LoopbackRedirect);
        garbage.setQuery(u"token=garbage&walletAddress=%1&state=%2"_s.arg(wallet(2), listener.state()));
        const QByteArray answer = testsupport::deliverRedirect(listener.port(), garbage);
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        QCOMPARE(c->sessionState(), dimo::Client::SessionState::SignedIn);
        QCOMPARE(c->wallet(), wallet(1));
        QCOMPARE(c->session()->token, token);
        QVERIFY(!listener.isListening()); // the attempt is used up all the same
    }
};

QTEST_GUILESS_MAIN(TestLoginListener)
#include "tst_loginlistener.moc"
