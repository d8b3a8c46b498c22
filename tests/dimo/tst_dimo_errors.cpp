// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Pure logic: classification of DIMO error bodies, GraphQL errors, request headers, token expiry, parsing.
#include "dimo/auth/tokenexpiry.h"
#include "dimo/devicedefinitions.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/replyerror.h"
#include "dimo/net/requestfactory.h"
#include "dimo/vehicles/vehicle.h"
#include "dimo/vehicles/vehiclejwtjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Kind = dimo::Error::Kind;

class TestDimoErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void bodyFamilies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("detail");
        QTest::newRow("fiber json") << 404 << "{\"code\":404,\"message\":\"Vehicle NFT not found.\"}"_ba << u"devices"_s
                                    << int(Kind::HttpStatus) << u"Vehicle NFT not found."_s;
        QTest::newRow("jwt plain text") << 401 << "Invalid or expired JWT"_ba << u"devices"_s << int(Kind::Unauthorized)
                                        << u"Invalid or expired JWT"_s;
        QTest::newRow("auth status/message")
            << 400 << "{\"status\":400,\"message\":\"Could not verify signature.\"}"_ba << u"auth"_s
            << int(Kind::Unauthorized) << u"Could not verify signature."_s;
        QTest::newRow("oauth")
            << 400 << "{\"error\":\"invalid_request\",\"error_description\":\"redirect_uri did not match.\"}"_ba
            << u"auth"_s << int(Kind::Unauthorized) << u"invalid_request: redirect_uri did not match."_s;
        QTest::newRow("dex html") << 404 << "<html><body><h2>Invalid client_id (\"0x1\").</h2></body></html>"_ba
                                  << u"auth"_s << int(Kind::Unauthorized) << u"Invalid client_id (\"0x1\")."_s;
        QTest::newRow("problem details") << 500
                                         << "{\"type\":\"x\",\"title\":\"An error occurred\",\"status\":500,"
                                            "\"detail\":\"Couldn't decode VIN.\"}"_ba
                                         << u"deviceDefinitions"_s << int(Kind::HttpStatus)
                                         << u"Couldn't decode VIN."_s;
        QTest::newRow("graphql 422")
            << 422 << "{\"errors\":[{\"message\":\"Cannot query field \\\"x\\\".\"}],\"data\":null}"_ba
            << u"telemetry"_s << int(Kind::GraphQlValidation) << u"Cannot query field \"x\"."_s;
        QTest::newRow("429") << 429 << "{\"code\":429,\"message\":\"Too Many Requests\"}"_ba << u"identity"_s
                             << int(Kind::RateLimited) << u"Too Many Requests"_s;
        // ingress-nginx `limit-rps` (DIMO's charts): 503, nginx's HTML page, no Retry-After
        QTest::newRow("503 ingress rate limit")
            << 503
            << "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center>"
               "<h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>"
               "\r\n</html>\r\n"_ba
            << u"telemetry"_s << int(Kind::HttpStatus)
            << u"503 Service Temporarily Unavailable 503 Service Temporarily Unavailable nginx"_s;
        QTest::newRow("lacks permissions")
            << 403
            << "{\"code\":403,\"message\":\"Address 0xabc lacks permissions [4] for asset "
               "did:erc721:137:0xbA57:1.\"}"_ba
            << u"tokenExchange"_s << int(Kind::MissingPrivilege)
            << u"Address 0xabc lacks permissions [4] for asset did:erc721:137:0xbA57:1."_s;
    }

    void bodyFamilies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, service);
        QFETCH(int, kind);
        QFETCH(QString, detail);
        const dimo::Error e = dimo::replyerror::fromStatus(status, body, service);
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.detail, detail);
        QCOMPARE(e.httpStatus, status);
        QVERIFY(!e.message.isEmpty());
        QVERIFY(!e.hint.isEmpty());
        if (e.kind == Kind::MissingPrivilege) {
            QCOMPARE(e.privilege, 4);
            QVERIFY(e.message.contains(u"privilege 4"_s));
        }
    }

    void graphQlExecutionErrors()
    {
        auto errors = [](const char *json) {
            return QJsonDocument::fromJson(json).array();
        };
        dimo::Error e = dimo::GraphQlJob::classifyErrors(
            errors(
                R"([{"message":"unauthorized: requires at least one of the following privileges )"
                R"([privilege:GetApproximateLocation privilege:GetLocationHistory]","path":["signalsLatest","x"]}])"),
            u"telemetry"_s);
        QCOMPARE(e.kind, Kind::MissingPrivilege);
        QCOMPARE(e.privilege, 4);
        QVERIFY(e.detail.contains(u"(at signalsLatest.x)"_s));
        e = dimo::GraphQlJob::classifyErrors(
            errors(R"([{"message":"insufficient credits for asset: did","extensions":{"code":402}}])"), u"telemetry"_s);
        QCOMPARE(e.kind, Kind::GraphQlExecution);
        QVERIFY(e.hint.contains(u"credits"_s));
        e = dimo::GraphQlJob::classifyErrors(
            errors(R"([{"message":"unauthorized: unauthorized: token id does not match","path":["signalsLatest"]}])"),
            u"telemetry"_s);
        QCOMPARE(e.kind, Kind::GraphQlExecution);
        QVERIFY(e.detail.contains(u"token id does not match"_s));
    }

    // telemetry-api's attestation check: "invalid claims" (UNAUTHORIZED) means no cloud-event grant.
    void attestationClaims()
    {
        const QJsonArray errors = QJsonDocument::fromJson(R"([{"message":"invalid claims","path":["attestations"],)"
                                                          R"("extensions":{"code":"UNAUTHORIZED"}}])")
                                      .array();
        const dimo::Error e = dimo::GraphQlJob::classifyErrors(errors, u"telemetry"_s);
        QVERIFY2(e.message.contains(u"attestation grant"_s), qPrintable(e.message));
        QVERIFY2(e.hint.contains(u"share the vehicle again"_s) && e.hint.contains(u"dimo.attestation"_s),
                 qPrintable(e.hint));
        QVERIFY(e.detail.contains(u"invalid claims"_s));
    }

    // telemetry-api's 30 s limit (repositories.go handleDBError, BAD_REQUEST): ask for less, never "try again".
    void telemetryTimeLimit()
    {
        const QJsonArray errors =
            QJsonDocument::fromJson(R"([{"message":"request exceeded or is estimated to exceed the maximum )"
                                    R"(execution time","path":["signals"],"extensions":{"code":"BAD_REQUEST"}}])")
                .array();
        const dimo::Error e = dimo::GraphQlJob::classifyErrors(errors, u"telemetry"_s);
        QVERIFY2(e.message.contains(u"30 s time limit"_s), qPrintable(e.message));
        QVERIFY2(e.hint.contains(u"shorter time range"_s) && !e.hint.contains(u"try again"_s), qPrintable(e.hint));
        QVERIFY(e.detail.contains(u"maximum execution time"_s));
    }

    // identity-api's not-found answers (tests/dimosim/FIDELITY.md): typed NOT_FOUND and the untyped
    // row errors its repositories pass through are one "no such item" error naming the root.
    void identityNotFound()
    {
        auto errors = [](const char *json) {
            return QJsonDocument::fromJson(json).array();
        };
        const char *const notFound[] = {
            R"([{"message":"No vehicle with token id 7.","path":["vehicle"],"extensions":{"code":"NOT_FOUND"}}])",
            R"([{"message":"sql: no rows in result set","path":["aftermarketDevice"]}])",
            R"([{"message":"no device definition found with that id","path":["deviceDefinition"]}])",
            R"([{"message":"not found","path":["template"]}])",
        };
        const QString roots[] = {u"vehicle"_s, u"aftermarketDevice"_s, u"deviceDefinition"_s, u"template"_s};
        for (int i = 0; i < 4; ++i) {
            dimo::Error e = dimo::GraphQlJob::classifyErrors(errors(notFound[i]), u"identity"_s);
            e.partialData = QJsonObject{{roots[i], QJsonValue::Null}}; // as GraphQlJob attaches `data`
            QVERIFY(dimo::GraphQlJob::isNotFoundFor(e, roots[i]));
            QCOMPARE(e.kind, Kind::GraphQlExecution);
            QVERIFY2(e.message.startsWith(u"DIMO Identity has no such "_s), qPrintable(e.message));
        }
        QCOMPARE(dimo::GraphQlJob::classifyErrors(errors(notFound[1]), u"identity"_s).message,
                 u"DIMO Identity has no such aftermarket device"_s);
        // The same message for a `null` root with what was asked for, and DIMO's words kept.
        const dimo::Error named = dimo::GraphQlJob::notFound(u"syntheticDevice"_s, u"token id 9"_s, u"x"_s);
        QCOMPARE(named.toString().section(u" (DIMO"_s, 0, 0),
                 u"DIMO Identity has no synthetic device with token id 9"_s);
        // Not a not-found: a real error on the same root, a nested path, another service.
        const QJsonObject nullVehicle{{u"vehicle"_s, QJsonValue::Null}};
        for (const char *other : {R"([{"message":"error decoding token did: bad","path":["vehicle"]}])",
                                  R"([{"message":"sql: no rows in result set","path":["vehicle","dcn"]}])"}) {
            dimo::Error e = dimo::GraphQlJob::classifyErrors(errors(other), u"identity"_s);
            e.partialData = nullVehicle;
            QVERIFY2(!dimo::GraphQlJob::isNotFoundFor(e, u"vehicle"_s), other);
        }
        dimo::Error telemetry = dimo::GraphQlJob::classifyErrors(errors(notFound[0]), u"telemetry"_s);
        telemetry.partialData = nullVehicle;
        QVERIFY(!dimo::GraphQlJob::isNotFoundFor(telemetry, u"vehicle"_s));
    }

    void grantErrors()
    {
        const QString id = u"0x84a0F7845E012c833d255577F233284B46533543"_s;
        dimo::Error e = dimo::VehicleJwtJob::grantError(7, id, {}, {1}, false);
        QCOMPARE(e.kind, Kind::NotShared);
        QVERIFY(e.message.contains(u"vehicle 7 is not shared"_s));
        e = dimo::VehicleJwtJob::grantError(7, id, {1, 2}, {1, 4, 5}, true);
        QCOMPARE(e.kind, Kind::MissingPrivilege);
        QCOMPARE(e.privilege, 4);
        QVERIFY(e.message.contains(u"privilege 4 (All-time location), privilege 5 (View VIN credentials)"_s));
    }

    void requestHeaders()
    {
        dimo::HttpRequest r;
        r.url = QUrl(u"http://127.0.0.1/x"_s);
        r.bearer = u"abc"_s;
        r.contentType = "application/json";
        dimo::TransportOptions o;
        o.transferTimeoutMs = 1234;
        const QNetworkRequest req = dimo::RequestFactory::build(r, o, u"rid-1"_s);
        QCOMPARE(req.header(QNetworkRequest::UserAgentHeader).toByteArray(), "dimo-tray/" DIMOTRAY_VERSION ""_ba);
        QCOMPARE(req.rawHeader("X-Request-Id"), "rid-1"_ba);
        QCOMPARE(req.rawHeader("Authorization"), "Bearer abc"_ba);
        QCOMPARE(req.transferTimeout(), 1234);
        QVERIFY(!req.hasRawHeader("Accept-Encoding")); // left to Qt, which adds gzip and decompresses
        QVERIFY(dimo::RequestFactory::newRequestId() != dimo::RequestFactory::newRequestId());
    }

    void tokenRefreshPoint()
    {
        QCOMPARE(dimo::refreshAt(1000, 1600, 1000), 1540); // vehicle JWT: 60 s margin
        QCOMPARE(dimo::refreshAt(1000, 1600, 5000), 5540); // skewed local clock: lifetime counts from receipt
        QCOMPARE(dimo::refreshAt(0, 1000 + 14 * 86400, 1000), 1000 + 14 * 86400 - 300); // developer JWT: 5 min
    }

    void vehicleFromIdentity()
    {
        const QJsonObject node = QJsonDocument::fromJson(R"({"tokenId":24567,"owner":"0xb00f",
            "definition":{"id":"tesla_model-3_2023","make":"Tesla","model":"Model 3","year":2023},"name":"Amber",
            "sacd":{"permissions":"0x3ffc","expiresAt":"2125-02-20T09:14:33Z"}})")
                                     .object();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const dimo::Vehicle v = dimo::Vehicle::fromJson(node, now);
        QCOMPARE(v.tokenId, 24567);
        QVERIFY(v.shared);
        QCOMPARE(v.privileges, (QList<int>{1, 2, 3, 4, 5, 6}));
        QCOMPARE(v.displayName(), u"2023 Tesla Model 3 (Amber)"_s);
        const QJsonObject row = v.toJson(); // the compact row tools report
        QCOMPARE(row.value(u"tokenId"_s).toInteger(), 24567);
        QCOMPARE(row.value(u"privileges"_s).toArray().size(), 6);
        QVERIFY(row.value(u"shared"_s).toBool());
        QJsonObject expired = node;
        expired.insert(u"sacd"_s,
                       QJsonObject{{u"permissions"_s, u"0x3ffc"_s}, {u"expiresAt"_s, u"2020-01-01T00:00:00Z"_s}});
        QVERIFY(!dimo::Vehicle::fromJson(expired, now).shared);
        // The injected clock decides: the same grant was active in 2019.
        QVERIFY(dimo::Vehicle::fromJson(expired, QDateTime(QDate(2019, 6, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch())
                    .shared);
        expired.remove(u"sacd"_s);
        QVERIFY(!dimo::Vehicle::fromJson(expired, now).shared);
    }

    void deviceDefinitionInputs()
    {
        using namespace dimo::devicedefinitions;
        QCOMPARE(decodeVinBody(u"1ftfw1e50mfa00000"_s, u"usa"_s).value(),
                 "{\"countryCode\":\"USA\",\"vin\":\"1FTFW1E50MFA00000\"}"_ba);
        QVERIFY(decodeVinBody(u"1FTFW1E50MFA0000"_s, u"USA"_s).error().message.contains(u"you gave 16"_s));
        QVERIFY(!decodeVinBody(u"1FTFW1E50MFA0000O"_s, u"USA"_s).ok());
        QVERIFY(!searchQuery({}).ok());
        QCOMPARE(slug(u"Mercedes-Benz C-Class"_s), u"mercedes-benz-c-class"_s);
        QCOMPARE(slug(u"Citroën"_s), u"citroen"_s);
        Search s{u"model 3"_s, u"Tesla"_s, u"Model 3"_s, 2023, 2, 10};
        const QUrlQuery q = searchQuery(s).value();
        QCOMPARE(q.queryItemValue(u"makeSlug"_s), u"tesla"_s);
        QCOMPARE(q.queryItemValue(u"modelSlug"_s), u"model-3"_s);
        QCOMPARE(q.queryItemValue(u"pageSize"_s), u"10"_s);
    }
};

QTEST_GUILESS_MAIN(TestDimoErrors)
#include "tst_dimo_errors.moc"
