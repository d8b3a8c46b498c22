// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The tools' input rules, checked before anything is sent: VINs, country codes, time ranges,
// intervals, data freshness, token ids, toolsets and the license from the environment.

#include "app/tools/credentialsource.h"
#include "app/tools/timerules.h"
#include "app/tools/toolkit.h"
#include "app/tools/vin.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace app::tools;

namespace {
const QString ClientId = u"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"_s;
const QString ApiKey = u"4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"_s;
} // namespace

class TstToolsInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void vinValid_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::newRow("tesla") << u"5YJA1E5A0PF024567"_s;
        QTest::newRow("ford") << u"1FTA1E5A3MF024566"_s;
        QTest::newRow("lowercase, spaces") << u"  5yja1e5a0pf024567 "_s;
        QTest::newRow("bmw (no check digit outside North America)") << u"WBYA1E5A2PF024564"_s;
    }

    void vinValid()
    {
        QFETCH(QString, vin);
        const auto result = validateVin(vin);
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result.value(), vin.trimmed().toUpper());
    }

    void vinCheckDigit()
    {
        QCOMPARE(app::tools::vinCheckDigit(u"5YJA1E5A0PF024567"_s), QChar(u'0'));
        QCOMPARE(app::tools::vinCheckDigit(u"1FTA1E5A3MF024566"_s), QChar(u'3'));
        QCOMPARE(app::tools::vinCheckDigit(u"1M8GDM9AXKP042788"_s), QChar(u'X')); // the classic NHTSA example
    }

    void vinInvalid_data()
    {
        QTest::addColumn<QString>("vin");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short") << u"5YJA1E5A0PF02456"_s << u"has 16"_s;
        QTest::newRow("long") << u"5YJA1E5A0PF0245678"_s << u"has 18"_s;
        QTest::newRow("empty") << QString() << u"exactly 17 characters"_s;
        QTest::newRow("letter O") << u"5YJA1E5A0PFO24567"_s << u"position 12 is 'O'"_s;
        QTest::newRow("letter I") << u"IYJA1E5A0PF024567"_s << u"position 1 is 'I'"_s;
        QTest::newRow("letter Q") << u"WBYA1E5A2PF02456Q"_s << u"position 17 is 'Q'"_s;
        QTest::newRow("punctuation") << u"5YJA1E5A0PF-24567"_s << u"position 12 is '-'"_s;
        QTest::newRow("check digit") << u"5YJA1E5A1PF024567"_s << u"check digit (position 9) is '1'"_s;
        QTest::newRow("mistyped char") << u"1FTA1E5A3MF024567"_s << u"the other characters give"_s;
        // Found by fuzz_vin: QChar::isDigit() is true for Arabic-Indic digits (U+06F0..U+06F9).
        QTest::newRow("arabic-indic digit") << u"WBYA1E5A2PF02456\u06F7"_s << u"position 17"_s;
    }

    void vinInvalid()
    {
        QFETCH(QString, vin);
        QFETCH(QString, expected);
        const auto result = validateVin(vin);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY2(result.error().message.contains(expected), qPrintable(result.error().message));
        QVERIFY(!result.error().hint.isEmpty());
    }

    void vinMismatchNamesBothDigits()
    {
        const auto result = validateVin(u"5YJA1E5A1PF024567"_s);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(u"give '0'"_s), qPrintable(result.error().message));
    }

    void countryCode()
    {
        QCOMPARE(validateCountryCode(QString()).value(), u"USA"_s);
        QCOMPARE(validateCountryCode(u"  "_s).value(), u"USA"_s);
        QCOMPARE(validateCountryCode(u"DEU"_s).value(), u"DEU"_s);
        QCOMPARE(validateCountryCode(u"gbr"_s).value(), u"GBR"_s);
        for (const QString &bad : {u"US"_s, u"XYZ"_s, u"USAA"_s, u"123"_s}) {
            const auto result = validateCountryCode(bad);
            QVERIFY2(!result.ok(), qPrintable(bad));
            QVERIFY(result.error().message.contains(u"\"%1\""_s.arg(bad)));
            QVERIFY(result.error().message.contains(u"alpha-3"_s));
        }
    }

    void timeRangeValid_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("fromText");
        QTest::addColumn<QString>("toText");
        QTest::newRow("rfc3339 Z") << u"2026-11-01T00:00:00Z"_s << u"2026-11-02T12:30:00Z"_s
                                   << u"2026-11-01T00:00:00Z"_s << u"2026-11-02T12:30:00Z"_s;
        QTest::newRow("offset to UTC") << u"2026-11-01T02:00:00+02:00"_s << u"2026-11-01T05:00:00.500Z"_s
                                       << u"2026-11-01T00:00:00Z"_s << u"2026-11-01T05:00:00Z"_s;
        QTest::newRow("bare dates") << u"2026-11-01"_s << u"2026-11-30"_s << u"2026-11-01T00:00:00Z"_s
                                    << u"2026-11-30T00:00:00Z"_s;
        QTest::newRow("no zone means UTC") << u"2026-11-01T08:00:00"_s << u"2026-11-01T09:00:00Z"_s
                                           << u"2026-11-01T08:00:00Z"_s << u"2026-11-01T09:00:00Z"_s;
        QTest::newRow("microseconds, space, lowercase")
            << u"2026-11-01 00:00:00.123456z"_s << u"2026-11-01t01:00:00+00:00"_s << u"2026-11-01T00:00:00Z"_s
            << u"2026-11-01T01:00:00Z"_s;
        QTest::newRow("exactly 31 days") << u"2026-10-01T00:00:00Z"_s << u"2026-11-01T00:00:00Z"_s
                                         << u"2026-10-01T00:00:00Z"_s << u"2026-11-01T00:00:00Z"_s;
    }

    void timeRangeValid()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        const auto range = parseTimeRange(from, to);
        QVERIFY2(range.ok(), qPrintable(range ? QString() : range.error().message));
        QTEST(range->fromText(), "fromText");
        QTEST(range->toText(), "toText");
    }

    void timeRangeInvalid_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        QTest::newRow("garbage from") << u"yesterday"_s << u"2026-11-02T00:00:00Z"_s
                                      << u"`from` (\"yesterday\") is not a valid time"_s << u"RFC 3339"_s;
        QTest::newRow("garbage to") << u"2026-11-01T00:00:00Z"_s << u"2026-13-01"_s << u"`to`"_s << u"RFC 3339"_s;
        QTest::newRow("empty") << QString() << QString() << u"`from`"_s << u"RFC 3339"_s;
        QTest::newRow("no such day") << u"2026-02-30"_s << u"2026-03-02"_s << u"`from`"_s << u"RFC 3339"_s;
        QTest::newRow("basic format") << u"20261101"_s << u"2026-11-02"_s << u"`from`"_s << u"RFC 3339"_s;
        QTest::newRow("equal") << u"2026-11-01T00:00:00Z"_s << u"2026-11-01T00:00:00Z"_s << u"must be before"_s
                               << QString();
        QTest::newRow("reversed") << u"2026-11-02"_s << u"2026-11-01"_s << u"must be before"_s << QString();
        QTest::newRow("32 days") << u"2026-10-01T00:00:00Z"_s << u"2026-11-01T00:00:01Z"_s << u"longer than 31 days"_s
                                 << u"at most 31 days per call"_s;
    }

    void timeRangeInvalid()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        const auto range = parseTimeRange(from, to);
        QVERIFY(!range.ok());
        QCOMPARE(range.error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY2(range.error().message.contains(message), qPrintable(range.error().message));
        QVERIFY2(range.error().hint.contains(hint), qPrintable(range.error().hint));
    }

    void timeRangeSegmentRule()
    {
        // telemetry-api repositories/segments.go: 32 days + 1 s, "date range exceeds maximum of 32 days"
        const auto rule = RangeRule::DimoSegments32Days;
        QVERIFY(parseTimeRange(u"2026-10-01T00:00:00Z"_s, u"2026-11-02T00:00:01Z"_s, rule).ok());
        const auto over = parseTimeRange(u"2026-10-01T00:00:00Z"_s, u"2026-11-02T00:00:02Z"_s, rule);
        QVERIFY(!over.ok());
        QVERIFY2(over.error().message.contains(u"longer than 32 days"_s), qPrintable(over.error().message));
        QVERIFY2(over.error().hint.contains(u"date range exceeds maximum of 32 days"_s), qPrintable(over.error().hint));
        QVERIFY(parseTimeRange(u"1970-01-01"_s, u"2100-01-01"_s, RangeRule::Unlimited).ok());
    }

    void interval_data()
    {
        QTest::addColumn<QString>("interval");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("hint");
        QTest::newRow("5m") << u"5m"_s << true << QString();
        QTest::newRow("1h") << u"1h"_s << true << QString();
        QTest::newRow("24h") << u"24h"_s << true << QString();
        QTest::newRow("1h30m") << u"1h30m"_s << true << QString();
        QTest::newRow("500ms") << u"500ms"_s << true << QString();
        QTest::newRow("1d") << u"1d"_s << false << u"\"24h\""_s;
        QTest::newRow("2 days") << u"2 days"_s << false << u"\"48h\""_s;
        QTest::newRow("2w") << u"2w"_s << false << u"\"336h\""_s;
        QTest::newRow("0h") << u"0h"_s << false << u"positive"_s;
        QTest::newRow("0m0s") << u"0m0s"_s << false << u"positive"_s;
        QTest::newRow("abc") << u"abc"_s << false << u"\"5m\""_s;
        QTest::newRow("bare number") << u"60"_s << false << u"units ms, s, m, h"_s;
        QTest::newRow("empty") << QString() << false << u"units"_s;
    }

    void interval()
    {
        QFETCH(QString, interval);
        QFETCH(bool, ok);
        QFETCH(QString, hint);
        const auto result = validateInterval(interval);
        QCOMPARE(result.ok(), ok);
        if (ok) {
            QCOMPARE(result.value(), interval);
        } else {
            QVERIFY2(result.error().hint.contains(hint), qPrintable(result.error().hint));
            QVERIFY(result.error().message.contains(u"interval"_s));
        }
    }

    void freshness()
    {
        const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
        const QJsonObject fresh = app::tools::freshness(now.addSecs(-120), now);
        QCOMPARE(fresh.value(u"lastSeen"_s).toString(), u"2026-12-01T11:58:00Z"_s);
        QCOMPARE(fresh.value(u"ageSeconds"_s).toInteger(), 120);
        QCOMPARE(fresh.value(u"age"_s).toString(), u"2 min"_s);
        QCOMPARE(fresh.value(u"stale"_s).toBool(), false);
        QVERIFY(!fresh.contains(u"note"_s));

        QCOMPARE(app::tools::freshness(now.addSecs(-3600), now).value(u"stale"_s).toBool(), false);
        const QJsonObject stale = app::tools::freshness(now.addSecs(-3601), now);
        QCOMPARE(stale.value(u"stale"_s).toBool(), true);
        QCOMPARE(stale.value(u"note"_s).toString(),
                 u"Last seen 60 min ago: these values are NOT the vehicle's current state; say how old they are."_s);
        const QJsonObject old = app::tools::freshness(now.addDays(-3), now);
        QVERIFY(old.value(u"note"_s).toString().startsWith(u"Last seen 3 days ago"_s));

        const QJsonObject future = app::tools::freshness(now.addSecs(30), now); // clock skew: age 0, not negative
        QCOMPARE(future.value(u"ageSeconds"_s).toInteger(), 0);
        QCOMPARE(future.value(u"stale"_s).toBool(), false);

        const QJsonObject never = app::tools::freshness(QDateTime(), now);
        QVERIFY(never.value(u"lastSeen"_s).isNull());
        QCOMPARE(never.value(u"stale"_s).toBool(), true);
        QCOMPARE(never.value(u"note"_s).toString(), u"DIMO has no data from this vehicle yet."_s);
    }

    void humanAge()
    {
        QCOMPARE(app::tools::humanAge(0), u"0 s"_s);
        QCOMPARE(app::tools::humanAge(89), u"89 s"_s);
        QCOMPARE(app::tools::humanAge(90), u"2 min"_s);
        QCOMPARE(app::tools::humanAge(45 * 60), u"45 min"_s);
        QCOMPARE(app::tools::humanAge(90 * 60), u"2 h"_s);
        QCOMPARE(app::tools::humanAge(47 * 3600), u"47 h"_s);
        QCOMPARE(app::tools::humanAge(48 * 3600), u"2 days"_s);
        QCOMPARE(app::tools::humanAge(10 * 86400 + 3600), u"10 days"_s);
    }

    void tokenId_data()
    {
        QTest::addColumn<QJsonObject>("arguments");
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<QString>("error");
        QTest::newRow("integer") << QJsonObject{{u"tokenId"_s, 17}} << qint64(17) << QString();
        QTest::newRow("Int32 max") << QJsonObject{{u"tokenId"_s, 2147483647LL}} << qint64(2147483647LL) << QString();
        // DIMO's token ids are GraphQL Int (issue 15): larger ones never reach DIMO.
        QTest::newRow("above Int32") << QJsonObject{{u"tokenId"_s, 2147483648LL}} << qint64(0)
                                     << u"2147483648 is out of range: DIMO token ids are at most 2147483647"_s;
        QTest::newRow("above Int32, string")
            << QJsonObject{{u"tokenId"_s, u"9007199254740991"_s}} << qint64(0) << u"at most 2147483647"_s;
        QTest::newRow("digit string") << QJsonObject{{u"tokenId"_s, u" 42 "_s}} << qint64(42) << QString();
        QTest::newRow("missing") << QJsonObject{} << qint64(0) << u"`tokenId` is missing"_s;
        QTest::newRow("null") << QJsonObject{{u"tokenId"_s, QJsonValue::Null}} << qint64(0) << u"is missing"_s;
        QTest::newRow("negative") << QJsonObject{{u"tokenId"_s, -3}} << qint64(0) << u"positive integer"_s;
        QTest::newRow("zero") << QJsonObject{{u"tokenId"_s, 0}} << qint64(0) << u"not 0"_s;
        QTest::newRow("huge") << QJsonObject{{u"tokenId"_s, 1e20}} << qint64(0) << u"not 1e+20"_s;
        QTest::newRow("float") << QJsonObject{{u"tokenId"_s, 1.5}} << qint64(0) << u"not 1.5"_s;
        QTest::newRow("word") << QJsonObject{{u"tokenId"_s, u"my car"_s}} << qint64(0) << u"not \"my car\""_s;
        QTest::newRow("negative string") << QJsonObject{{u"tokenId"_s, u"-5"_s}} << qint64(0) << u"positive"_s;
        QTest::newRow("bool") << QJsonObject{{u"tokenId"_s, true}} << qint64(0) << u"not true"_s;
    }

    void tokenId()
    {
        QFETCH(QJsonObject, arguments);
        QFETCH(qint64, expected);
        QFETCH(QString, error);
        QString message;
        QCOMPARE(args::tokenId(arguments, &message), expected);
        if (error.isEmpty()) {
            QVERIFY2(message.isEmpty(), qPrintable(message));
        } else {
            QVERIFY2(message.contains(error), qPrintable(message));
        }
    }

    void tokenIdOtherKey()
    {
        QString message;
        QCOMPARE(args::tokenId(QJsonObject{{u"vehicleTokenId"_s, 5}}, &message, u"vehicleTokenId"_s), 5);
        QCOMPARE(args::tokenId(QJsonObject{{u"tokenId"_s, 5}}, &message, u"vehicleTokenId"_s), 0);
        QVERIFY(message.contains(u"`vehicleTokenId` is missing"_s));
    }

    void toolset()
    {
        QCOMPARE(int(toolsetFromString(u"all"_s)), int(Toolset::All));
        QCOMPARE(int(toolsetFromString(QString())), int(Toolset::All));
        QCOMPARE(int(toolsetFromString(u"bogus"_s)), int(Toolset::All));
        QCOMPARE(int(toolsetFromString(u" Read-Only "_s)), int(Toolset::ReadOnly));
        QCOMPARE(int(toolsetFromString(u"readonly"_s)), int(Toolset::ReadOnly));
        QCOMPARE(int(toolsetFromString(u"ESSENTIALS"_s)), int(Toolset::Essentials));
        for (Toolset t : {Toolset::All, Toolset::ReadOnly, Toolset::Essentials}) {
            QCOMPARE(int(toolsetFromString(toString(t))), int(t));
        }
    }

    void environmentMissing()
    {
        QProcessEnvironment env;
        env.insert(u"DIMO_DOMAIN"_s, u"http://localhost:3333/callback"_s);
        env.insert(u"DIMO_PRIVATE_KEY"_s, u"   "_s); // blank counts as missing
        const EnvironmentCredentialSource source(env);
        const auto credentials = source.credentials();
        QVERIFY(!credentials.ok());
        QCOMPARE(credentials.error().kind, dimo::Error::Kind::NotSignedIn);
        QVERIFY2(credentials.error().message.contains(u"(DIMO_CLIENT_ID, DIMO_PRIVATE_KEY not set)"_s),
                 qPrintable(credentials.error().message));
        QVERIFY(!credentials.error().message.contains(u"DIMO_DOMAIN"_s));
        QVERIFY(credentials.error().hint.contains(u"--demo"_s));

        const auto none = EnvironmentCredentialSource(QProcessEnvironment()).credentials();
        QVERIFY(none.error().message.contains(u"DIMO_CLIENT_ID, DIMO_DOMAIN, DIMO_PRIVATE_KEY"_s));
    }

    void environmentValid()
    {
        QProcessEnvironment env;
        env.insert(u"DIMO_CLIENT_ID"_s, u" "_s + ClientId);
        env.insert(u"DIMO_DOMAIN"_s, u"http://localhost:3333/callback"_s);
        env.insert(u"DIMO_PRIVATE_KEY"_s, ApiKey + u"\n"_s);
        const auto credentials = EnvironmentCredentialSource(env).credentials();
        QVERIFY2(credentials.ok(), qPrintable(credentials ? QString() : credentials.error().message));
        QCOMPARE(credentials->clientId, ClientId);
        QCOMPARE(credentials->redirectUri, u"http://localhost:3333/callback"_s);
        QCOMPARE(credentials->apiKey, ApiKey);
    }

    void environmentInvalidKey()
    {
        QProcessEnvironment env;
        env.insert(u"DIMO_CLIENT_ID"_s, ClientId);
        env.insert(u"DIMO_DOMAIN"_s, u"http://localhost:3333/callback"_s);
        env.insert(u"DIMO_PRIVATE_KEY"_s, u"not-a-key"_s);
        const auto credentials = EnvironmentCredentialSource(env).credentials();
        QVERIFY(!credentials.ok());
        const QString message = credentials.error().message;
        QVERIFY2(message.startsWith(u"the DIMO license in the environment variables is invalid: "_s),
                 qPrintable(message));
        QVERIFY2(!message.contains(u"not-a-key"_s), "the secret is never echoed");
    }

    void fixedSource()
    {
        dimo::Credentials good;
        good.clientId = ClientId;
        good.redirectUri = u"http://localhost:3333/callback"_s;
        good.apiKey = ApiKey;
        const FixedCredentialSource source(good, true, u"the simulator's test license"_s);
        QVERIFY(source.credentials().ok());
        QVERIFY(source.fleetMode());
        QCOMPARE(source.origin(), u"the simulator's test license"_s);
        QCOMPARE(source.entryState(), u"EMAIL_INPUT"_s);
        dimo::Credentials bad = good;
        bad.apiKey = u"0x12"_s;
        QVERIFY(!FixedCredentialSource(bad, false, {}).credentials().ok()); // validated on every read
    }

    void environmentFleetAndEntry_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("fleet");
        QTest::newRow("unset") << QString() << false;
        QTest::newRow("true") << u"true"_s << true;
        QTest::newRow("TRUE ") << u"TRUE "_s << true;
        QTest::newRow("1") << u"1"_s << true;
        QTest::newRow("yes") << u"yes"_s << true;
        QTest::newRow("false") << u"false"_s << false;
        QTest::newRow("0") << u"0"_s << false;
        QTest::newRow("garbage") << u"fleet"_s << false;
    }

    void environmentFleetAndEntry()
    {
        QFETCH(QString, value);
        QFETCH(bool, fleet);
        QProcessEnvironment env;
        if (!value.isNull()) {
            env.insert(u"FLEET_MODE"_s, value);
        }
        const EnvironmentCredentialSource source(env);
        QCOMPARE(source.fleetMode(), fleet);
        QCOMPARE(source.entryState(), u"EMAIL_INPUT"_s);
        QVERIFY(source.origin().contains(u"environment variables"_s));
        env.insert(u"DIMO_ENTRY_STATE"_s, u" LOGIN_OPTIONS "_s);
        QCOMPARE(EnvironmentCredentialSource(env).entryState(), u"LOGIN_OPTIONS"_s);
    }
};

QTEST_GUILESS_MAIN(TstToolsInput)
#include "tst_toolsinput.moc"
