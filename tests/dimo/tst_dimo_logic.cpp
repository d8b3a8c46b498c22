// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/attestation.h"
#include "dimo/auth/jwt.h"
#include "dimo/auth/loginredirect.h"
#include "dimo/auth/loginurl.h"
#include "dimo/commands.h"
#include "dimo/core/privileges.h"
#include "dimo/core/redact.h"
#include "dimo/core/result.h"
#include "dimo/credentials.h"
#include "dimo/credits.h"
#include "dimo/environment.h"
#include "dimo/net/requests.h"
#include "dimo/vehicles/capabilities.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {
const QString ClientId = u"0x84a0F7845E012c833d255577F233284B46533543"_s;

// An environment file with the required services only (the optional ones left out).
QJsonObject requiredServicesOnly()
{
    return {{u"auth"_s, u"http://h/auth"_s},
            {u"tokenExchange"_s, u"http://h/tx"_s},
            {u"identity"_s, u"http://h/identity"_s},
            {u"telemetry"_s, u"http://h/telemetry"_s},
            {u"attestation"_s, u"http://h/attestation"_s},
            {u"deviceDefinitions"_s, u"http://h/dd"_s},
            {u"login"_s, u"http://h/login"_s}};
}

const QString Jwt = u"eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJleHAiOjE3NDIwNDAwMDAsImF1ZCI6WyJkaW1vLnpvbmUiXX0.c2ln"_s;
} // namespace

class TestDimoLogic : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void resultBasics()
    {
        dimo::Result<int> a(5);
        QVERIFY(a.ok());
        QCOMPARE(a.value(), 5);
        QCOMPARE(a.map([](int v) {
                      return v * 2;
                  }).value(),
                 10);
        dimo::Result<int> b(dimo::Error::make(dimo::Error::Kind::Parse, u"bad"_s, u"retry"_s, u"upstream"_s));
        QVERIFY(!b.ok());
        QCOMPARE(b.valueOr(7), 7);
        QCOMPARE(b.map([](int v) {
                      return v * 2;
                  })
                     .error()
                     .kind,
                 dimo::Error::Kind::Parse);
        QCOMPARE(b.error().toString(), u"bad (DIMO: upstream) \u2014 retry"_s);
        QVERIFY(dimo::success().ok());
    }

    void redaction_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer") << u"Authorization: Bearer abc.def.ghi"_s << u"abc.def.ghi"_s;
        QTest::newRow("jwt in text") << (u"token is "_s + Jwt + u" ok"_s) << Jwt;
        QTest::newRow("query token") << u"http://x/cb?token=sekrit&walletAddress=0x1"_s << u"sekrit"_s;
        QTest::newRow("form signature") << u"state=abc&signature=0xdeadbeef&client_id=0x1"_s << u"0xdeadbeef"_s;
        QTest::newRow("json access_token") << u"{\"access_token\": \"opaque-value\", \"x\":1}"_s << u"opaque-value"_s;
        QTest::newRow("api key") << u"key 245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc used"_s
                                 << u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s;
        QTest::newRow("0x api key") << u"0x245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s
                                    << u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s;
    }

    void redaction()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        const QString out = dimo::redact(input);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(u"redacted"_s));
    }

    void redactionKeepsHarmlessText()
    {
        const QString s = u"POST http://127.0.0.1:1/v1/tokens/exchange tokenId=24567 client 0x84a0F7845E012c833d25"
                          "5577F233284B46533543 -> 200"_s;
        QCOMPARE(dimo::redact(s), s);
        QVERIFY(!dimo::redact(QUrl(u"http://h/cb?token=abc"_s)).contains(u"abc"_s));
    }

    void privilegeMask_data()
    {
        QTest::addColumn<QString>("hex");
        QTest::addColumn<QList<int>>("ids");
        QTest::newRow("1-6") << u"0x3ffc"_s << QList<int>{1, 2, 3, 4, 5, 6};
        QTest::newRow("1,3-6") << u"0x3fcc"_s << QList<int>{1, 3, 4, 5, 6};
        QTest::newRow("1,4") << u"0x30c"_s << QList<int>{1, 4};
        QTest::newRow("1-8") << u"0x3fffc"_s << QList<int>{1, 2, 3, 4, 5, 6, 7, 8};
        QTest::newRow("only 1") << u"0xc"_s << QList<int>{1};
    }

    void privilegeMask()
    {
        QFETCH(QString, hex);
        QFETCH(QList<int>, ids);
        QCOMPARE(dimo::privilege::decodeMask(hex), ids);
        QCOMPARE(dimo::privilege::encodeMask(ids), hex);
    }

    void privilegeHelpers()
    {
        using namespace dimo::privilege;
        QCOMPARE(decodeMask(u"0x4"_s), QList<int>{}); // half a pair is not a grant
        QCOMPARE(permissionName(4), u"privilege:GetLocationHistory"_s);
        QCOMPARE(describe(4), u"privilege 4 (All-time location)"_s);
        QVERIFY(covers({1, 4}, {4}));
        QCOMPARE(missing({1}, {1, 4}), QList<int>{4});
    }

    void loginUrlLogin()
    {
        dimo::Credentials c{ClientId, u"https://app.example.com/dimo/callback"_s, {}};
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const auto url = dimo::buildLoginUrl(dimo::Environment::production(), c, {}, now);
        QVERIFY(url.ok());
        const QString s = url.value().toString(QUrl::FullyEncoded);
        QVERIFY2(s.startsWith(u"https://login.dimo.org/?clientId=0x84a0F7845E012c833d255577F233284B46533543"_s),
                 qPrintable(s));
        QVERIFY2(s.contains(u"redirectUri=https%3A%2F%2Fapp.example.com%2Fdimo%2Fcallback"_s), qPrintable(s));
        QVERIFY(s.contains(u"entryState=EMAIL_INPUT"_s));
        const QUrlQuery q(url.value());
        QCOMPARE(q.queryItemValue(u"redirectUri"_s, QUrl::FullyDecoded), c.redirectUri);
    }

    void loginUrlShare()
    {
        dimo::Credentials c{ClientId, u"https://app.example.com/cb"_s, {}};
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        dimo::LoginRequest r;
        r.entry = dimo::LoginRequest::Entry::ShareVehicles;
        QVERIFY(!dimo::buildLoginUrl(dimo::Environment::production(), c, r, now).ok()); // no permissions
        r.permissions = {1, 2, 4, 5, 6};
        r.vehicles = {24567, 24566};
        r.vehicleMakes = {u"Tesla"_s, u"Ford Motor"_s};
        r.expiration = QDateTime(QDate(2099, 12, 31), QTime(0, 0), Qt::UTC);
        auto url = dimo::buildLoginUrl(dimo::Environment::production(), c, r, now);
        QVERIFY(url.ok());
        const QString s = url.value().toString(QUrl::FullyEncoded);
        QVERIFY2(s.contains(u"entryState=VEHICLE_MANAGER"_s), qPrintable(s));
        QVERIFY2(s.contains(u"permissions=11011100"_s), qPrintable(s));
        QVERIFY2(s.contains(u"vehicles=24567&vehicles=24566"_s), qPrintable(s));
        QVERIFY2(s.contains(u"expirationDate=2099-12-31T00%3A00%3A00.000Z"_s), qPrintable(s));
        const QUrlQuery q(url.value());
        QCOMPARE(q.allQueryItemValues(u"vehicleMakes"_s, QUrl::FullyDecoded),
                 QStringList({u"Tesla"_s, u"Ford Motor"_s}));

        r.permissionTemplateId = 2;
        url = dimo::buildLoginUrl(dimo::Environment::production(), c, r, now);
        QVERIFY(url.value().toString().contains(u"permissionTemplateId=2"_s));
        QVERIFY(!url.value().toString().contains(u"permissions="_s));
        r.permissionTemplateId = 3;
        QVERIFY(!dimo::buildLoginUrl(dimo::Environment::production(), c, r, now).ok());
        r.permissionTemplateId = 0;
        r.expiration = QDateTime::currentDateTimeUtc().addDays(-1);
        QVERIFY(!dimo::buildLoginUrl(dimo::Environment::production(), c, r, now).ok());
        r.expiration = {};
        r.permissions = {9};
        QVERIFY(!dimo::buildLoginUrl(dimo::Environment::production(), c, r, now).ok());
    }

    void redirectParsing()
    {
        const QString cb = u"https://app.example.com/cb"_s;
        auto r = dimo::LoginRedirect::parse(
            QUrl(u"https://app.example.com/cb?token="_s + Jwt
                 + u"&walletAddress=0xb00f091142070A68e0cBf9Db9Dfaf533603A4563&email=undefined"
                   "&sharedVehicles=24567,24566"_s),
            cb);
        QVERIFY(r.ok());
        QCOMPARE(r.value().token, Jwt);
        QCOMPARE(r.value().walletAddress, u"0xb00f091142070A68e0cBf9Db9Dfaf533603A4563"_s);
        QVERIFY(r.value().email.isEmpty());
        QCOMPARE(r.value().sharedVehicles, (QList<qint64>{24567, 24566}));

        r = dimo::LoginRedirect::parse(QUrl(u"https://app.example.com/cb?token=x&walletAddress=0xb00f091142070A68e0cB"
                                            "f9Db9Dfaf533603A4563&email=a%40b.c&sharedVehicles="_s),
                                       cb);
        QVERIFY(r.ok());
        QCOMPARE(r.value().email, u"a@b.c"_s);
        QVERIFY(r.value().sharedVehicles.isEmpty());

        QCOMPARE(dimo::LoginRedirect::parse(QUrl(u"https://evil.example.com/cb?token=x"_s), cb).error().kind,
                 dimo::Error::Kind::InvalidInput);
        QCOMPARE(
            dimo::LoginRedirect::parse(QUrl(u"https://app.example.com/cb?walletAddress=undefined"_s), cb).error().kind,
            dimo::Error::Kind::NotSignedIn);
        QCOMPARE(dimo::LoginRedirect::parse(QUrl(u"https://app.example.com/cb?error=access_denied"_s), cb).error().kind,
                 dimo::Error::Kind::Unauthorized);
        QVERIFY(dimo::LoginRedirect::parse(QUrl(u"https://app.example.com/cb?logout=true"_s), cb).value().logout);
    }

    void jwtDecode()
    {
        const auto jwt = dimo::Jwt::decode(Jwt);
        QVERIFY(jwt.ok());
        QCOMPARE(jwt.value().algorithm(), u"RS256"_s);
        QCOMPARE(jwt.value().kid(), u"123"_s);
        QCOMPARE(jwt.value().expiry(), 1742040000);
        QCOMPARE(jwt.value().audience(), QStringList{u"dimo.zone"_s});
        QCOMPARE(jwt.value().signature, "sig"_ba);
        QVERIFY(!dimo::Jwt::decode(u"a.b"_s).ok());
        QVERIFY(!dimo::Jwt::decode(u"!!!.e30.x"_s).ok());
    }

    void attestationRules()
    {
        using Kind = dimo::AttestationRequest::Kind;
        QCOMPARE(dimo::AttestationRequest::kindFromString(u"Vehicle-Health"_s).value(), Kind::VehicleHealth);
        QCOMPARE(dimo::AttestationRequest::kindFromString(u"odometer-statement"_s).value(), Kind::Odometer);
        QVERIFY(!dimo::AttestationRequest::kindFromString(u"tyres"_s).ok());
        using K = dimo::AttestationRequest::Kind;
        dimo::AttestationRequest r{K::VehicleHealth, 24567, {}, u"2025-03-01T00:00:00Z"_s, u"2025-03-31T00:00:00Z"_s};
        auto body = r.body();
        QVERIFY(body.ok());
        const QJsonObject o = QJsonDocument::fromJson(body.value()).object();
        QCOMPARE(o.value(u"startTime"_s).toString(), u"2025-03-01T00:00:00Z"_s);
        QCOMPARE(r.path(), u"/v2/attestation/vehicle-health/24567"_s);
        QCOMPARE(r.privileges(), (QList<int>{1, 4}));
        r.endTime = u"2025-03-31T00:00:01Z"_s;
        QVERIFY(r.body().error().message.contains(u"cannot exceed 30 days"_s));
        r.endTime = u"2025-02-28T00:00:00Z"_s;
        QVERIFY(r.body().error().message.contains(u"startTime must not be after endTime"_s));
        r.endTime = u"2025-03-02T00:00:00"_s; // no offset
        QVERIFY(r.body().error().message.contains(u"endTime must be an RFC 3339"_s));
        r.endTime = u"2025-03-01T02:00:00+02:00"_s; // == 00:00Z: start == end is allowed
        QVERIFY(r.body().ok());

        dimo::AttestationRequest p{K::VehiclePosition, 1, {}, {}, {}};
        QVERIFY(!p.body().ok());
        p.timestamp = u"2025-03-01T12:00:00.123456Z"_s;
        QVERIFY(p.body().ok());
        dimo::AttestationRequest v{K::Vin, 1, {}, {}, {}};
        QVERIFY(v.body().value().isEmpty());
        QCOMPARE(v.privileges(), QList<int>{5});
        dimo::AttestationRequest odo{K::Odometer, 1, {}, {}, {}};
        QCOMPARE(odo.body().value(), "{}"_ba);
        QVERIFY(!dimo::AttestationRequest::kindFromString(u"nope"_s).ok());
        QCOMPARE(dimo::AttestationRequest::kindFromString(u"vehicle-position"_s).value(), K::VehiclePosition);
    }

    void commands()
    {
        QCOMPARE(dimo::commands::legacyPath(dimo::Command::OpenFrunk, 7), u"/v1/vehicle/7/commands/frunk/open"_s);
        QCOMPARE(dimo::commands::fromString(u"charge_start"_s).value(), dimo::Command::StartCharging);
        QCOMPARE(dimo::commands::fromString(u"doors/unlock"_s).value(), dimo::Command::UnlockDoors);
        QVERIFY(!dimo::commands::fromString(u"self-destruct"_s).ok());
    }

    void commandRoutes()
    {
        // Production and dev: tesla-oracle (dimo-api README §6.1), body {"command": …}, never retried.
        const auto oracle = dimo::requests::command(dimo::Environment::production(), 24567, dimo::Command::LockDoors);
        QVERIFY(oracle.ok());
        QCOMPARE(oracle.value().url.toString(), u"https://tesla-oracle.dimo.zone/v1/commands/24567"_s);
        QCOMPARE(oracle.value().method, QByteArrayLiteral("POST"));
        QCOMPARE(QJsonDocument::fromJson(oracle.value().body).object().value(u"command"_s).toString(), u"doors/lock"_s);
        QVERIFY(!oracle.value().idempotent);
        QCOMPARE(dimo::Environment::dev().teslaOracle.toString(), u"https://tesla-oracle.dev.dimo.zone"_s);

        // An environment file that names only the legacy devices-api keeps its route.
        QJsonObject file = requiredServicesOnly();
        const auto none = dimo::Environment::fromJson(file); // devices and teslaOracle are optional
        QVERIFY(none.ok());
        const auto missing = dimo::requests::command(none.value(), 7, dimo::Command::LockDoors);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().hint.contains(u"teslaOracle"_s));
        file.insert(u"devices"_s, u"http://h/devices"_s);
        const auto legacy =
            dimo::requests::command(dimo::Environment::fromJson(file).value(), 7, dimo::Command::OpenTrunk);
        QCOMPARE(legacy.value().url.toString(), u"http://h/devices/v1/vehicle/7/commands/trunk/open"_s);
        QVERIFY(legacy.value().body.isEmpty());
        file.insert(u"teslaOracle"_s, u"http://h/tesla-oracle"_s);
        const auto both =
            dimo::requests::command(dimo::Environment::fromJson(file).value(), 7, dimo::Command::OpenTrunk);
        QCOMPARE(both.value().url.toString(), u"http://h/tesla-oracle/v1/commands/7"_s);
        QVERIFY(!dimo::requests::command(none.value(), 0, dimo::Command::LockDoors).ok());
        file.insert(u"teslaOracle"_s, u"not a url"_s);
        QVERIFY(!dimo::Environment::fromJson(file).ok());
    }

    void creditRoutes()
    {
        // credit-tracker (tests/dimosim/FIDELITY.md): the license in the path as stored (EIP-55), the vehicle's
        // DID, fromDate in RFC 3339; a read, so retryable.
        const QString license = u"0x84a0F7845E012c833d255577F233284B46533543"_s;
        const auto prod = dimo::requests::vehicleCredits(dimo::Environment::production(), license, 24567, 1700000000);
        QVERIFY(prod.ok());
        QCOMPARE(
            prod.value().url.toString(),
            u"https://credit-tracker.dimo.zone/v1/credits/0x84a0F7845E012c833d255577F233284B46533543/assets/"
            "did:erc721:137:0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF:24567/usage?fromDate=2023-11-14T22:13:20Z"_s);
        QCOMPARE(prod.value().method, QByteArrayLiteral("GET"));
        QVERIFY(prod.value().idempotent);
        QCOMPARE(dimo::Environment::dev().creditTracker.toString(), u"https://credit-tracker.dev.dimo.zone"_s);
        QCOMPARE(dimo::credits::vehicleDid(dimo::Environment::dev(), 7),
                 u"did:erc721:80002:0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8:7"_s);
        QVERIFY(!dimo::requests::vehicleCredits(dimo::Environment::production(), license, 0, 0).ok());

        // Optional in an environment file: without it the read says what is missing.
        const QJsonObject file = requiredServicesOnly();
        const auto missing = dimo::requests::vehicleCredits(dimo::Environment::fromJson(file).value(), license, 7, 0);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().hint.contains(u"creditTracker"_s));

        // The answer: the balance is required, the period's use defaults to 0.
        const auto parsed = dimo::credits::parseVehicleCredits(
            7, QJsonObject{{u"currentCreditsRemaining"_s, 640}, {u"numOfCreditsUsed"_s, 360}});
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().remaining, 640);
        QCOMPARE(parsed.value().usedInPeriod, 360);
        QCOMPARE(parsed.value().tokenId, 7);
        const auto bad = dimo::credits::parseVehicleCredits(7, QJsonObject{{u"currentCreditsRemaining"_s, u"640"_s}});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, dimo::Error::Kind::Parse);
    }

    // check_vehicle_access_status points to the doctor for the grants the doctor would flag.
    void grantNeedsAttention()
    {
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        dimo::Vehicle v;
        v.privileges = {1, 2, 3, 4, 5, 6};
        QVERIFY(!dimo::grantNeedsAttention(v, now)); // no expiry known
        v.grantExpiresAt = now.addSecs(dimo::ExpiringSoonSecs + 60);
        QVERIFY(!dimo::grantNeedsAttention(v, now));
        v.grantExpiresAt = now.addSecs(dimo::ExpiringSoonSecs - 60);
        QVERIFY(dimo::grantNeedsAttention(v, now)); // expiring soon
        v.grantExpiresAt = {};
        v.privileges = {1, 2, 4, 5}; // what the capabilities use: 3 and 6 gate none of them
        QVERIFY(!dimo::grantNeedsAttention(v, now));
        v.privileges = {1, 2, 3, 5, 6}; // no location history: the location capability is missing
        QVERIFY(dimo::grantNeedsAttention(v, now));
    }
};

QTEST_GUILESS_MAIN(TestDimoLogic)
#include "tst_dimo_logic.moc"
