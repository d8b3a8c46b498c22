// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// "Test credentials" against the DIMO simulator: accepted, rejected (wrong API key, unknown client
// ID), unreachable, invalid input; the outcome always in words, exactly once.
#include "app/tray/settings/credentialtest.h"
#include "tests/support/dimofixture.h"
#include "tests/support/timeout.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCredentialTest : public QObject
{
    Q_OBJECT
private:
    DimoFixture m_fx;

    // Runs one test to its end; returns {ok, words}.
    std::pair<bool, QString> run(const dimo::Credentials &credentials, const QString &environment = {})
    {
        app::CredentialTest test(&m_fx.nam);
        test.setClientOptions(DimoFixture::options());
        QSignalSpy finished(&test, &app::CredentialTest::finished);
        test.start(credentials, environment.isEmpty() ? m_fx.sim.environmentFile() : environment);
        if (!finished.wait(testsupport::scaled(20000))) {
            return {false, u"(no answer)"_s};
        }
        QTest::qWait(50);
        [&] {
            QCOMPARE(finished.count(), 1);
        }();
        return {finished.first().at(0).toBool(), finished.first().at(1).toString()};
    }

private Q_SLOTS:

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void init() { QVERIFY(m_fx.sim.reset()); }

    void cleanup() { m_fx.sim.dumpOnFailure(); }

    void accepted()
    {
        const auto [ok, words] = run(m_fx.credentials());
        QVERIFY2(ok, qPrintable(words));
        QVERIFY(words.contains(u"DIMO accepted the license"_s));
        QVERIFY(words.contains(m_fx.credentials().clientId));
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/auth/web3/submit_challenge"_s), 1);
    }

    void wrongApiKey()
    {
        dimo::Credentials c = m_fx.credentials();
        c.apiKey = m_fx.sim.credential(u"fleetApiKey"_s); // a valid key, but not this license's signer
        const auto [ok, words] = run(c);
        QVERIFY(!ok);
        qInfo().noquote() << words;
        QVERIFY2(words.contains(u"DIMO rejected the license"_s), qPrintable(words));
        QVERIFY(words.contains(u"signer"_s));
        QVERIFY(words.contains(u"API key"_s));
    }

    void unknownClientId()
    {
        dimo::Credentials c = m_fx.credentials();
        c.clientId = u"0x1111111111111111111111111111111111111111"_s;
        const auto [ok, words] = run(c);
        QVERIFY(!ok);
        QVERIFY2(words.contains(u"DIMO rejected the license"_s), qPrintable(words));
        QVERIFY(words.contains(u"client ID"_s));
    }

    void unreachable()
    {
        // An environment whose services all point at a closed port.
        dimo::Environment env = m_fx.env;
        QUrl closed(u"http://127.0.0.1:1"_s);
        env.auth = closed;
        app::CredentialTest test(&m_fx.nam);
        test.setClientOptions(DimoFixture::options());
        QSignalSpy finished(&test, &app::CredentialTest::finished);
        test.start(m_fx.credentials(), env);
        QVERIFY(finished.wait(testsupport::scaled(20000)));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString words = finished.first().at(1).toString();
        qInfo().noquote() << words;
        QVERIFY2(words.contains(u"could not be reached"_s), qPrintable(words));
        QVERIFY(words.contains(u"network"_s));
    }

    void invalidInput()
    {
        dimo::Credentials c = m_fx.credentials();
        c.apiKey = u"12345"_s;
        app::CredentialTest test(&m_fx.nam);
        QSignalSpy finished(&test, &app::CredentialTest::finished);
        test.start(c, m_fx.env);
        QCOMPARE(finished.count(), 0); // never from inside start()
        QVERIFY(finished.wait(testsupport::scaled(5000)));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(u"invalid"_s));
        QCOMPARE(m_fx.sim.count(u"auth"_s), 0); // nothing was sent

        const auto [ok, words] = run(m_fx.credentials(), u"/nonexistent/environment.json"_s);
        QVERIFY(!ok);
        QVERIFY2(words.contains(u"environment"_s), qPrintable(words));
    }

    void restartCancelsThePrevious()
    {
        app::CredentialTest test(&m_fx.nam);
        test.setClientOptions(DimoFixture::options());
        QSignalSpy finished(&test, &app::CredentialTest::finished);
        dimo::Credentials wrong = m_fx.credentials();
        wrong.apiKey = m_fx.sim.credential(u"fleetApiKey"_s);
        test.start(wrong, m_fx.env);
        test.start(m_fx.credentials(), m_fx.env);
        QVERIFY(finished.wait(testsupport::scaled(20000)));
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY(!test.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestCredentialTest)
#include "tst_credentialtest.moc"
