// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/credentials.h"
#include "dimo/environment.h"

#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString ClientId = u"0x84a0F7845E012c833d255577F233284B46533543"_s;
const QString Key = u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s;
} // namespace

class TestDimoCredentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void validCredentials()
    {
        const auto c = dimo::Credentials::validated(
            ClientId.toLower(), u"https://example.com/callback"_s, u"0x"_s + Key.toUpper());
        QVERIFY(c.ok());
        QCOMPARE(c.value().clientId, ClientId); // normalised to the checksummed form
        QCOMPARE(c.value().apiKey, Key); // lower case, no 0x
        QCOMPARE(c.value().redirectUri, u"https://example.com/callback"_s);
        QVERIFY(c.value().isComplete());
    }

    void clientIdMessages_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << u"the client ID is empty"_s;
        QTest::newRow("no 0x") << ClientId.mid(2) << u"must start with 0x"_s;
        QTest::newRow("39 digits") << ClientId.left(41) << u"40 hexadecimal characters; you gave 39"_s;
        QTest::newRow("non-hex") << (ClientId.left(41) + u"z"_s) << u"may only contain hexadecimal"_s;
        QTest::newRow("bad checksum") << u"0x84a0f7845E012c833d255577F233284B46533543"_s
                                      << u"does not match its EIP-55 checksum (expected 0x84a0F7845E012c8"_s;
    }

    void clientIdMessages()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto r = dimo::Credentials::validateClientId(input);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
    }

    void apiKeyMessages()
    {
        auto r = dimo::Credentials::validateApiKey(Key.left(63));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, u"the API key must be 64 hexadecimal characters; you gave 63"_s);
        r = dimo::Credentials::validateApiKey(u"0x"_s + Key.left(63));
        QCOMPARE(r.error().message, u"the API key must be 64 hexadecimal characters; you gave 63"_s);
        QVERIFY(dimo::Credentials::validateApiKey(u"0x"_s + Key).ok());
        QVERIFY(dimo::Credentials::validateApiKey(Key).ok());
    }

    void redirectUriMessages_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << u"is empty"_s;
        QTest::newRow("relative") << u"/callback"_s << u"not an absolute URL"_s;
        QTest::newRow("scheme") << u"ftp://example.com/cb"_s << u"starts with ftp:"_s;
    }

    void redirectUriMessages()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto r = dimo::Credentials::validateRedirectUri(input);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
    }

    void environments()
    {
        const auto prod = dimo::Environment::production();
        QCOMPARE(dimo::Environment::endpoint(prod.identity, u"/query"_s).toString(),
                 u"https://identity-api.dimo.zone/query"_s);
        QCOMPARE(prod.authIssuer(), u"https://auth.dimo.zone"_s);
        const auto dev = dimo::Environment::dev();
        QCOMPARE(dev.chainId, 80002);
        QCOMPARE(dev.login.toString(), u"https://login.dev.dimo.org"_s);
    }

    void environmentFile()
    {
        QTemporaryFile f;
        QVERIFY(f.open());
        f.write("{\"auth\":\"http://127.0.0.1:5000/auth/\",\"tokenExchange\":\"http://127.0.0.1:5000/te\","
                "\"identity\":\"http://127.0.0.1:5000/identity\",\"telemetry\":\"http://127.0.0.1:5000/tm\","
                "\"devices\":\"http://127.0.0.1:5000/devices\",\"attestation\":\"http://127.0.0.1:5000/at\","
                "\"deviceDefinitions\":\"http://127.0.0.1:5000/dd\",\"login\":\"http://127.0.0.1:5000/login\"}");
        f.close();
        const auto env = dimo::Environment::fromFile(f.fileName());
        QVERIFY(env.ok());
        QCOMPARE(env.value().name, u"custom"_s);
        QCOMPARE(env.value().authIssuer(), u"http://127.0.0.1:5000/auth"_s);
        QCOMPARE(dimo::Environment::endpoint(env.value().auth, u"/keys"_s).toString(),
                 u"http://127.0.0.1:5000/auth/keys"_s);

        qputenv("DIMO_LOGIN_BASE_URL", "http://127.0.0.1:6000/");
        const auto overridden = dimo::Environment::byName(f.fileName());
        qunsetenv("DIMO_LOGIN_BASE_URL");
        QVERIFY(overridden.ok());
        QCOMPARE(overridden.value().login.toString(), u"http://127.0.0.1:6000"_s);

        const auto missing = dimo::Environment::fromJson(QJsonObject{{u"auth"_s, u"http://x"_s}});
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(u"tokenExchange"_s));
        QVERIFY(!dimo::Environment::fromFile(u"/nonexistent/env.json"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestDimoCredentials)
#include "tst_dimo_credentials.moc"
