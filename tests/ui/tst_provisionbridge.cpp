// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// ui::ProvisionBridge: what the provisioning host page hands to C++ is checked before it counts.
#include "ui/login/provisionbridge.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
const QString ClientId = u"0x84a0F7845E012c833d255577F233284B46533543"_s;
const QString Key = u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s;
} // namespace

class TestProvisionBridge : public QObject
{
    Q_OBJECT

    static ui::ProvisionSetup setup()
    {
        return {QUrl(u"https://login.dimo.org"_s),
                ClientId,
                u"http://127.0.0.1:8765/dimotray/callback"_s,
                u"0xBBC07bD96ABB3b876418cA7542e42D64967c0033"_s,
                u"DIMO Tray"_s};
    }

private Q_SLOTS:

    void configForThePage()
    {
        const ui::ProvisionBridge bridge(setup());
        const QJsonObject c = bridge.config();
        QCOMPARE(c[u"loginUrl"_s].toString(), u"https://login.dimo.org/"_s);
        QCOMPARE(c[u"loginOrigin"_s].toString(), u"https://login.dimo.org"_s);
        QCOMPARE(c[u"signerAddress"_s].toString(), setup().signerAddress);
        QCOMPARE(c[u"domain"_s].toString(), setup().domain);
        QVERIFY(!c.contains(u"apiKey"_s) && !c.contains(u"privateKey"_s));
    }

    void answers_data()
    {
        QTest::addColumn<QJsonObject>("response");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("key");
        const QString lower = ClientId.toLower();
        QTest::newRow("signer address flow")
            << QJsonObject{{u"clientId"_s, lower}, {u"tokenId"_s, 45}} << true << QString();
        QTest::newRow("token id as text")
            << QJsonObject{{u"clientId"_s, lower}, {u"tokenId"_s, u"45"_s}} << true << QString();
        QTest::newRow("key made by the login app") << QJsonObject{{u"clientId"_s, lower},
                                                                  {u"tokenId"_s, 45},
                                                                  {u"privateKey"_s, QString(u"0x"_s + Key.toUpper())}}
                                                   << true << Key;
        QTest::newRow("no client id") << QJsonObject{{u"tokenId"_s, 45}} << false << QString();
        QTest::newRow("bad client id") << QJsonObject{{u"clientId"_s, u"0x12"_s}, {u"tokenId"_s, 45}} << false
                                       << QString();
        QTest::newRow("no token id") << QJsonObject{{u"clientId"_s, lower}} << false << QString();
        QTest::newRow("bad key") << QJsonObject{{u"clientId"_s, lower}, {u"tokenId"_s, 45}, {u"privateKey"_s, u"00"_s}}
                                 << false << QString();
    }

    void answers()
    {
        QFETCH(QJsonObject, response);
        QFETCH(bool, ok);
        QFETCH(QString, key);
        ui::ProvisionBridge bridge(setup());
        QSignalSpy succeeded(&bridge, &ui::ProvisionBridge::succeeded);
        QSignalSpy rejected(&bridge, &ui::ProvisionBridge::rejected);
        bridge.provisioned(response);
        QCOMPARE(succeeded.count(), ok ? 1 : 0);
        QCOMPARE(rejected.count(), ok ? 0 : 1);
        if (ok) {
            QCOMPARE(succeeded.at(0).at(0).toString(), ClientId); // checksummed
            QCOMPARE(succeeded.at(0).at(1).toLongLong(), 45);
            QCOMPARE(succeeded.at(0).at(2).toString(), key);
            bridge.provisioned(response); // once only
            bridge.failed(u"late"_s);
            QCOMPARE(succeeded.count(), 1);
            QCOMPARE(rejected.count(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestProvisionBridge)
#include "tst_provisionbridge.moc"
