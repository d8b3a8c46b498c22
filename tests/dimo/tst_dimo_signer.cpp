// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/keccak.h"
#include "dimo/auth/securezero.h"
#include "dimo/auth/signer.h"
#include "dimo/credentials.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDimoSigner : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keccakKnownAnswers()
    {
        QCOMPARE(dimo::eth::keccak256({}).toHex(),
                 "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"_ba);
        QCOMPARE(dimo::eth::keccak256("abc"_ba).toHex(),
                 "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"_ba);
    }

    void web3Vector()
    {
        auto signer = dimo::Signer::fromHex(u"0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"_s);
        QVERIFY(signer.ok());
        QCOMPARE(signer.value().address(), u"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"_s);
        QCOMPARE(dimo::eth::personalMessageDigest("Some data"_ba).toHex(),
                 "1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655"_ba);
        const auto sig = signer.value().personalSign("Some data"_ba);
        QVERIFY(sig.ok());
        QCOMPARE(sig.value(),
                 u"0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd6007e74cd82e037b800186422fc2da16"
                 "7c747ef045e5d18a5f5d4300f8e1a0291c"_s);
    }

    void dimoChallengeVector()
    {
        // The shared reference docs sit next to the source tree (../shared), located by CMake.
        QFile f(QStringLiteral(DIMOTRAY_SHARED_DIR "/dimo-api/examples/test-vector-personal-sign.json"));
        QJsonObject v;
        if (f.open(QIODevice::ReadOnly)) {
            v = QJsonDocument::fromJson(f.readAll()).object();
        } else {
            // Same values, embedded so the test runs without the shared docs.
            v.insert(u"privateKeyHex"_s, u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s);
            v.insert(u"signerAddress"_s, u"0xBBC07bD96ABB3b876418cA7542e42D64967c0033"_s);
            v.insert(u"message"_s,
                     u"auth.dimo.zone wants you to sign in with your Ethereum account:\n"
                     "0x84a0F7845E012c833d255577F233284B46533543\n\nexample.com is asking you sign in.\n\n"
                     "URI: https://auth.dimo.zone\nVersion: 1\nChain ID: 1\nNonce: Q7ZtB2mXk9LpR4vW8sNc1YhD3fGjE6\n"
                     "Issued At: 2025-03-01T12:00:00Z"_s);
            v.insert(u"eip191PrefixedHashKeccak256"_s,
                     u"0x5eb1ab13b7e50c3c9afe4ed0856de1fa534305dcfbde6d26a535784dea5fed70"_s);
            v.insert(u"signatureRSV"_s,
                     u"0x4d30018afb19124f102aa58add44950ae859d8d74c0db4911fe260627fbec8321f7f49269b7ed2bd1debf92006"
                     "baada1f56c15de75272bbcf9f4e15f33f614461c"_s);
        }
        const QByteArray message = v.value(u"message"_s).toString().toUtf8();
        QCOMPARE(message.size(), 264);
        QCOMPARE(u"0x"_s + QString::fromLatin1(dimo::eth::personalMessageDigest(message).toHex()),
                 v.value(u"eip191PrefixedHashKeccak256"_s).toString());
        auto signer = dimo::Signer::fromHex(v.value(u"privateKeyHex"_s).toString());
        QVERIFY(signer.ok());
        QCOMPARE(signer.value().address(), v.value(u"signerAddress"_s).toString());
        const auto sig = signer.value().personalSign(message);
        QVERIFY(sig.ok());
        QCOMPARE(sig.value(), v.value(u"signatureRSV"_s).toString());
        QCOMPARE(sig.value().size(), 132);
        // Deterministic (RFC 6979): the same input always gives the same bytes.
        QCOMPARE(signer.value().personalSign(message).value(), sig.value());
    }

    void keyFormats_data()
    {
        QTest::addColumn<QString>("key");
        const QString k = u"4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"_s;
        QTest::newRow("bare") << k;
        QTest::newRow("0x") << (u"0x"_s + k);
        QTest::newRow("upper") << k.toUpper();
        QTest::newRow("0X upper") << (u"0X"_s + k.toUpper());
        QTest::newRow("whitespace") << (u"  "_s + k + u"\n"_s);
    }

    void keyFormats()
    {
        QFETCH(QString, key);
        auto signer = dimo::Signer::fromHex(key);
        QVERIFY2(signer.ok(), qPrintable(signer.ok() ? QString() : signer.error().message));
        QCOMPARE(signer.value().address(), u"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"_s);
    }

    void invalidKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("63 chars") << u"4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231"_s
                                  << u"must be 64 hexadecimal characters; you gave 63"_s;
        QTest::newRow("65 chars") << u"0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f3623181"_s
                                  << u"you gave 65"_s;
        QTest::newRow("empty") << QString() << u"you gave 0"_s;
        QTest::newRow("non-hex") << u"4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231g"_s
                                 << u"character 64 is 'g'"_s;
        QTest::newRow("zero") << QString(64, u'0') << u"zero or not below the curve order"_s;
        QTest::newRow("order n") << u"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141"_s
                                 << u"zero or not below the curve order"_s;
        QTest::newRow("above n") << QString(64, u'f') << u"zero or not below the curve order"_s;
    }

    void invalidKeys()
    {
        QFETCH(QString, key);
        QFETCH(QString, expected);
        auto signer = dimo::Signer::fromHex(key);
        QVERIFY(!signer.ok());
        QCOMPARE(signer.error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY2(signer.error().message.contains(expected), qPrintable(signer.error().message));
        QVERIFY(!signer.error().hint.isEmpty());
    }

    void signDigestRejectsWrongSize()
    {
        auto signer = dimo::Signer::fromHex(QString(63, u'0') + u"1"_s);
        QVERIFY(signer.ok());
        QVERIFY(!signer.value().signDigest("short"_ba).ok());
        const auto sig = signer.value().signDigest(QByteArray(32, 'x'));
        QVERIFY(sig.ok());
        QCOMPARE(sig.value().size(), 65);
        const int v = static_cast<unsigned char>(sig.value().at(64));
        QVERIFY(v == 27 || v == 28);
        // low-s: s <= n/2 (first byte of s below 0x80 is a sufficient sign here: n/2 = 0x7fff…)
        QVERIFY(static_cast<unsigned char>(sig.value().at(32)) <= 0x7f);
    }

    void secureZeroWipes()
    {
        unsigned char raw[8] = {1, 2, 3, 4, 5, 6, 7, 8};
        dimo::secureZero(raw, sizeof raw);
        for (unsigned char c : raw) {
            QCOMPARE(int(c), 0);
        }
        QByteArray secret("top secret key material");
        QByteArray alias = secret; // shared: must not be wiped under the other owner's feet
        dimo::secureZero(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(alias, QByteArray("top secret key material"));
        dimo::secureZero(alias); // last owner: wiped and cleared
        QVERIFY(alias.isEmpty());
        QByteArray literal = QByteArrayLiteral("literal");
        dimo::secureZero(literal); // must not crash on read-only data
        QVERIFY(literal.isEmpty());
        QString text = u"0xsecret"_s;
        QString textAlias = text;
        dimo::secureZero(text);
        QCOMPARE(textAlias, u"0xsecret"_s);
    }

    void generateGivesFreshValidKeys()
    {
        QSet<QString> keys;
        QSet<QString> addresses;
        for (int i = 0; i < 8; ++i) {
            const auto key = dimo::Signer::generate();
            QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
            const QString hex = key.value().privateKeyHex();
            QCOMPARE(hex.size(), 64);
            QCOMPARE(hex, hex.toLower());
            QVERIFY(dimo::Credentials::validateApiKey(hex).ok());
            // Round trip: the hex form derives the same address and signs the same way.
            const auto again = dimo::Signer::fromHex(hex);
            QVERIFY(again.ok());
            QCOMPARE(again.value().address(), key.value().address());
            QVERIFY(dimo::eth::isHexAddress(key.value().address()));
            QVERIFY(dimo::eth::hasValidChecksum(key.value().address()));
            const QByteArray digest(32, char(i));
            QCOMPARE(again.value().signDigest(digest).value(), key.value().signDigest(digest).value());
            keys.insert(hex);
            addresses.insert(key.value().address());
        }
        QCOMPARE(keys.size(), 8);
        QCOMPARE(addresses.size(), 8);
    }

    void checksumAddresses()
    {
        using namespace dimo::eth;
        QCOMPARE(checksumAddress(u"0x2c7536e3605d9c16a7a3d7b1898e529396a65c23"_s),
                 u"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"_s);
        QVERIFY(hasValidChecksum(u"0x84a0F7845E012c833d255577F233284B46533543"_s));
        QVERIFY(hasValidChecksum(u"0x84a0f7845e012c833d255577f233284b46533543"_s));
        QVERIFY(!hasValidChecksum(u"0x84a0f7845E012c833d255577F233284B46533543"_s));
        QVERIFY(sameAddress(u"0xABC"_s, u"0xabc"_s));
    }
};

QTEST_GUILESS_MAIN(TestDimoSigner)
#include "tst_dimo_signer.moc"
