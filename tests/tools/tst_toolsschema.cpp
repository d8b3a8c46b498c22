// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Names and schemas: suggestions, the signal catalog, GraphQL error help and the compact SDL on a
// small schema (DIMO's real schemas: tst_toolsrealschema).

#include "app/tools/compactsdl.h"
#include "app/tools/queryhelp.h"
#include "app/tools/signalcatalog.h"
#include "app/tools/suggest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace app::tools;

namespace {

// A small schema in introspection form: a Relay connection, units and privileges in
// descriptions, an enum and an input.
QJsonObject named(const QString &name)
{
    return {{u"kind"_s, u"OBJECT"_s}, {u"name"_s, name}};
}

QJsonObject scalar(const QString &name)
{
    return {{u"kind"_s, u"SCALAR"_s}, {u"name"_s, name}};
}

QJsonObject nonNull(const QJsonObject &type)
{
    return {{u"kind"_s, u"NON_NULL"_s}, {u"name"_s, QJsonValue::Null}, {u"ofType"_s, type}};
}

QJsonObject listOf(const QJsonObject &type)
{
    return {{u"kind"_s, u"LIST"_s}, {u"name"_s, QJsonValue::Null}, {u"ofType"_s, type}};
}

QJsonObject field(const QString &name, const QJsonObject &type, const QString &doc = {}, const QJsonArray &args = {})
{
    return {{u"name"_s, name}, {u"type"_s, type}, {u"description"_s, doc}, {u"args"_s, args}};
}

QJsonObject object(const QString &name, const QJsonArray &fields, const QString &doc = {})
{
    return {{u"kind"_s, u"OBJECT"_s}, {u"name"_s, name}, {u"description"_s, doc}, {u"fields"_s, fields}};
}

QJsonObject smallSchema()
{
    const QJsonArray types{
        object(u"Query"_s,
               {field(u"vehicle"_s,
                      named(u"Vehicle"_s),
                      u"View a particular vehicle."_s,
                      {QJsonObject{{u"name"_s, u"tokenId"_s}, {u"type"_s, nonNull(scalar(u"Int"_s))}}}),
                field(u"vehicles"_s,
                      nonNull(named(u"VehicleConnection"_s)),
                      u"List vehicles."_s,
                      {QJsonObject{{u"name"_s, u"first"_s}, {u"type"_s, scalar(u"Int"_s)}},
                       QJsonObject{{u"name"_s, u"after"_s}, {u"type"_s, scalar(u"String"_s)}}})}),
        object(u"Vehicle"_s,
               {field(u"tokenId"_s, nonNull(scalar(u"Int"_s))),
                field(u"speed"_s,
                      scalar(u"Float"_s),
                      u"Vehicle speed over ground. Measured by the wheels.\nUnit: 'km/h'\n"
                      "Required Privileges: [VEHICLE_NON_LOCATION_DATA]"_s),
                field(u"currentLocationCoordinates"_s,
                      named(u"Location"_s),
                      u"Current location of the vehicle.\nRequired Privileges: [VEHICLE_ALL_TIME_LOCATION]"_s),
                field(u"powertrainType"_s, scalar(u"String"_s), u"Required Privileges: [VEHICLE_NON_LOCATION_DATA]"_s)},
               u"A vehicle on the DIMO network. More words."_s),
        object(u"VehicleConnection"_s,
               {field(u"totalCount"_s, nonNull(scalar(u"Int"_s))),
                field(u"edges"_s, nonNull(listOf(nonNull(named(u"VehicleEdge"_s))))),
                field(u"nodes"_s, nonNull(listOf(nonNull(named(u"Vehicle"_s))))),
                field(u"pageInfo"_s, nonNull(named(u"PageInfo"_s)))}),
        object(u"VehicleEdge"_s,
               {field(u"cursor"_s, nonNull(scalar(u"String"_s))), field(u"node"_s, nonNull(named(u"Vehicle"_s)))}),
        object(u"PrivilegesConnection"_s,
               {field(u"totalCount"_s, nonNull(scalar(u"Int"_s))),
                field(u"edges"_s, nonNull(listOf(nonNull(named(u"PrivilegeEdge"_s))))),
                field(u"nodes"_s, nonNull(listOf(nonNull(named(u"Privilege"_s))))),
                field(u"pageInfo"_s, nonNull(named(u"PageInfo"_s)))}),
        object(u"PrivilegeEdge"_s,
               {field(u"cursor"_s, nonNull(scalar(u"String"_s))), field(u"node"_s, nonNull(named(u"Privilege"_s)))}),
        object(u"Privilege"_s, {field(u"id"_s, nonNull(scalar(u"Int"_s)))}),
        object(u"PageInfo"_s,
               {field(u"hasNextPage"_s, nonNull(scalar(u"Boolean"_s))), field(u"endCursor"_s, scalar(u"String"_s))}),
        object(u"Location"_s,
               {field(u"latitude"_s, scalar(u"Float"_s), u"Latitude in degrees."_s),
                field(u"longitude"_s, scalar(u"Float"_s), u"Longitude in degrees."_s)}),
        QJsonObject{
            {u"kind"_s, u"ENUM"_s},
            {u"name"_s, u"FloatAggregation"_s},
            {u"enumValues"_s, QJsonArray{QJsonObject{{u"name"_s, u"AVG"_s}}, QJsonObject{{u"name"_s, u"MAX"_s}}}}},
        QJsonObject{
            {u"kind"_s, u"INPUT_OBJECT"_s},
            {u"name"_s, u"SignalFilter"_s},
            {u"inputFields"_s, QJsonArray{QJsonObject{{u"name"_s, u"source"_s}, {u"type"_s, scalar(u"String"_s)}}}}},
        scalar(u"Time"_s),
        scalar(u"String"_s),
        object(u"__Type"_s, {field(u"name"_s, scalar(u"String"_s))}),
    };
    return {{u"types"_s, types}};
}

bool containsWord(const QString &text, const QString &word)
{
    return QRegularExpression(u"\\b"_s + QRegularExpression::escape(word) + u"\\b"_s).match(text).hasMatch();
}

dimo::Error validationError(const QString &detail)
{
    return dimo::Error::make(
        dimo::Error::Kind::GraphQlValidation, u"the query does not match the schema"_s, {}, detail);
}

} // namespace

class TstToolsSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void editDistance()
    {
        QCOMPARE(app::tools::editDistance(u"speed", u"speed"), 0);
        QCOMPARE(app::tools::editDistance(u"Speed", u"speed"), 0); // case-insensitive
        QCOMPARE(app::tools::editDistance(u"sped", u"speed"), 1);
        QCOMPARE(app::tools::editDistance(u"", u"abc"), 3);
        QCOMPARE(app::tools::editDistance(u"kitten", u"sitting"), 3);
    }

    void closestNames()
    {
        const QStringList names = signalcatalog::names();
        QCOMPARE(app::tools::closestNames(u"sped"_s, names).value(0), u"speed"_s);
        QVERIFY(
            app::tools::closestNames(u"currentLocationLatitude"_s, names).contains(u"currentLocationCoordinates"_s));
        QVERIFY(app::tools::closestNames(u"xyzzy"_s, names).isEmpty());
        QVERIFY(app::tools::closestNames(QString(), names).isEmpty());
        QVERIFY(app::tools::closestNames(u"powertrain"_s, names, 2).size() <= 2);
        QCOMPARE(app::tools::closestNames(u"a"_s, {u"b"_s, u"b"_s, u"c"_s}), QStringList({u"b"_s, u"c"_s}));
    }

    // Issue 15: a 3.9 MB name froze the tray for ~50 s computing edit distances. Long names get
    // no suggestions (and are quoted shortened), and the distance stops once it exceeds its bound.
    void suggestionsAreBounded()
    {
        const QString huge(3'900'000, u'x');
        QElapsedTimer timer;
        timer.start();
        QVERIFY(app::tools::closestNames(huge, signalcatalog::names()).isEmpty());
        const auto bad = signalcatalog::resolve({huge});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.size() < 300, qPrintable(bad.error().message.left(300)));
        QVERIFY2(bad.error().message.contains(u"xxx…\""_s), qPrintable(bad.error().message.left(300)));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
        QCOMPARE(app::tools::editDistance(u"kitten"_s, u"sitting"_s), 3);
        QCOMPARE(app::tools::editDistance(u"kitten"_s, u"sitting"_s, 3), 3);
        QCOMPARE(app::tools::editDistance(u"kitten"_s, u"sitting"_s, 2), 3); // past the bound: bound + 1
        QCOMPARE(app::tools::editDistance(QString(5000, u'a'), u"speed"_s, 4), 5); // at once, by length
        QCOMPARE(app::tools::closestNames(QString(101, u's'), {u"speed"_s}), QStringList());
    }

    void didYouMean()
    {
        QCOMPARE(app::tools::didYouMean({}), QString());
        QCOMPARE(app::tools::didYouMean({u"speed"_s}), u" Did you mean speed?"_s);
        QCOMPARE(app::tools::didYouMean({u"a"_s, u"b"_s, u"c"_s}), u" Did you mean a, b or c?"_s);
    }

    void catalog()
    {
        QCOMPARE(signalcatalog::all().size(), 117);
        QCOMPARE(signalcatalog::names().size(), 117);
        const QStringList names = signalcatalog::names();
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 117);
        const SignalInfo *speed = signalcatalog::find(u"speed"_s);
        QVERIFY(speed);
        QCOMPARE(speed->kind, SignalKind::Float);
        QCOMPARE(speed->unit, u"km/h"_s);
        QCOMPARE(speed->privilege, 1);
        QVERIFY(!signalcatalog::find(u"Speed"_s)); // names are exact
        QVERIFY(!signalcatalog::find(u"lastSeen"_s));
        QCOMPARE(signalcatalog::find(u"currentLocationCoordinates"_s)->privilege, 4);
        QCOMPARE(signalcatalog::find(u"currentLocationCoordinates"_s)->kind, SignalKind::Location);
        QCOMPARE(signalcatalog::find(u"currentLocationApproximateCoordinates"_s)->privilege, 8);
        QCOMPARE(signalcatalog::find(u"powertrainType"_s)->kind, SignalKind::String);
        for (const SignalInfo &s : signalcatalog::all()) {
            QVERIFY2(QList<int>({1, 4, 8}).contains(s.privilege), qPrintable(s.name));
        }
    }

    void resolve()
    {
        const auto ok = signalcatalog::resolve({u"speed"_s, u"currentLocationCoordinates"_s});
        QVERIFY(ok.ok());
        QCOMPARE(ok->size(), 2);
        QCOMPARE(signalcatalog::privileges(ok.value()), QList<int>({1, 4}));
        const auto approx = signalcatalog::resolve({u"currentLocationApproximateCoordinates"_s, u"speed"_s});
        QCOMPARE(signalcatalog::privileges(approx.value()), QList<int>({1, 8}));

        const auto bad = signalcatalog::resolve({u"speed"_s, u"sped"_s, u"xyzzy"_s});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY2(bad.error().message.startsWith(u"unknown signal name: \"sped\" Did you mean speed"_s),
                 qPrintable(bad.error().message));
        QVERIFY(bad.error().message.contains(u"; \"xyzzy\""_s));
        QVERIFY(bad.error().hint.contains(u"telemetry_get_available_signals"_s));

        const auto none = signalcatalog::resolve({});
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.contains(u"no signal names"_s));
    }

    void aggregations()
    {
        QCOMPARE(signalcatalog::aggregations(SignalKind::Float),
                 QStringList({u"AVG"_s, u"MED"_s, u"MAX"_s, u"MIN"_s, u"RAND"_s, u"FIRST"_s, u"LAST"_s}));
        QVERIFY(signalcatalog::aggregations(SignalKind::String).contains(u"UNIQUE"_s));
        QVERIFY(!signalcatalog::aggregations(SignalKind::String).contains(u"AVG"_s));
        QVERIFY(signalcatalog::aggregations(SignalKind::Location).contains(u"AVG"_s));
        QVERIFY(!signalcatalog::aggregations(SignalKind::Location).contains(u"MAX"_s));
    }

    void documentPrivileges_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QList<int>>("privileges");
        QTest::newRow("speed") << u"{ signalsLatest(tokenId: 1) { speed { value } } }"_s << QList<int>{1};
        QTest::newRow("precise")
            << u"{ signalsLatest(tokenId: 1) { currentLocationCoordinates { value { latitude } } } }"_s
            << QList<int>{1, 4};
        QTest::newRow("approximate")
            << u"{ signalsLatest(tokenId:1) { currentLocationApproximateCoordinates { value } } }"_s
            << QList<int>{1, 8};
        QTest::newRow("both: precise wins")
            << u"{ signalsLatest(tokenId:1) { currentLocationCoordinates { value } currentLocationApproximateCoordinates { value } } }"_s
            << QList<int>{1, 4};
        QTest::newRow("vin") << u"{ vinVCLatest(tokenId: 1) { vin } }"_s << QList<int>{5};
        QTest::newRow("unknown root") << u"{ __typename }"_s << QList<int>{1};
    }

    void documentPrivileges()
    {
        QFETCH(QString, document);
        QFETCH(QList<int>, privileges);
        QCOMPARE(privilegesForTelemetryDocument(document), privileges);
    }

    void explainSchemaError()
    {
        const CompactSchema schema(smallSchema());
        bool outdated = false;
        const QString text = app::tools::explainSchemaError(
            validationError(u"Cannot query field \"sped\" on type \"Vehicle\"."_s), u"telemetry"_s, &schema, &outdated);
        QVERIFY2(text.startsWith(u"GraphQL schema error detected. Please call telemetry_introspect first"_s),
                 qPrintable(text));
        QVERIFY(text.contains(u"DIMO said: Cannot query field \"sped\" on type \"Vehicle\"."_s));
        QVERIFY2(text.contains(u"Closest valid names: Vehicle.sped: Did you mean speed?"_s), qPrintable(text));
        QVERIFY(!outdated);

        // DIMO removed the separate latitude/longitude fields: the replacement leads.
        const QString removed = app::tools::explainSchemaError(
            validationError(u"Cannot query field \"currentLocationLatitude\" on type \"Vehicle\"."_s),
            u"telemetry"_s,
            &schema);
        QVERIFY2(removed.contains(u"Did you mean currentLocationCoordinates { value { latitude longitude } }"_s),
                 qPrintable(removed));

        // DIMO refuses a field our cached schema has: the cache is outdated.
        app::tools::explainSchemaError(validationError(u"Cannot query field \"speed\" on type \"Vehicle\"."_s),
                                       u"telemetry"_s,
                                       &schema,
                                       &outdated);
        QVERIFY(outdated);

        const QString type =
            app::tools::explainSchemaError(validationError(u"Unknown type \"SignalFiltr\"."_s), u"identity"_s, &schema);
        QVERIFY(type.startsWith(u"GraphQL schema error detected. Please call identity_introspect first"_s));
        QVERIFY2(type.contains(u"type SignalFiltr: Did you mean SignalFilter?"_s), qPrintable(type));

        const QString arg = app::tools::explainSchemaError(
            validationError(u"Unknown argument \"id\" on field \"Query.vehicle\"."_s), u"identity"_s, &schema);
        QVERIFY2(arg.contains(u"Query.vehicle has no argument \"id\"; see identity_introspect with type \"Query\""_s),
                 qPrintable(arg));

        const QString noSchema = app::tools::explainSchemaError(
            validationError(u"Cannot query field \"sped\" on type \"Vehicle\"."_s), u"telemetry"_s, nullptr);
        QVERIFY(noSchema.startsWith(u"GraphQL schema error detected."_s));
        QVERIFY(!noSchema.contains(u"Closest"_s));

        const QString noDetail = app::tools::explainSchemaError(
            dimo::Error::make(dimo::Error::Kind::GraphQlValidation, u"bad document"_s), u"telemetry"_s, &schema);
        QVERIFY(noDetail.contains(u"DIMO said: bad document"_s));
    }

    void explainSyntaxError()
    {
        const CompactSchema schema(smallSchema());
        const QString text = app::tools::explainSchemaError(
            validationError(u"Syntax Error: Expected Name, found \"}\". (line 1, column 12)"_s),
            u"identity"_s,
            &schema);
        QVERIFY2(
            text.startsWith(u"GraphQL syntax error: Syntax Error: Expected Name, found \"}\". (line 1, column 12)"_s),
            qPrintable(text));
        QVERIFY(text.contains(u"call identity_query again"_s));
        QVERIFY(!text.contains(u"schema error detected"_s));
    }

    void firstSentence_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("one sentence") << u"The token id."_s << u"The token id."_s;
        QTest::newRow("two sentences") << u"Vehicle speed. Measured by wheels."_s << u"Vehicle speed."_s;
        QTest::newRow("decimal point kept") << u"Version 1.5 of the thing. More."_s << u"Version 1.5 of the thing."_s;
        QTest::newRow("unit kept, privileges dropped")
            << u"Vehicle speed.\nUnit: 'km/h'\nRequired Privileges: [VEHICLE_NON_LOCATION_DATA]"_s
            << u"Vehicle speed. [km/h]"_s;
        QTest::newRow("only privileges") << u"Required Privileges: [VEHICLE_ALL_TIME_LOCATION]"_s << QString();
        QTest::newRow("only unit") << u"Unit: 'kW'\nRequired Privileges: [X]"_s << u"[kW]"_s;
        QTest::newRow("unit already named") << u"Range in km.\nUnit: 'km'"_s << u"Range in km."_s;
        QTest::newRow("lines joined") << u"A wrapped\nsentence here.\nSecond."_s << u"A wrapped sentence here."_s;
    }

    void firstSentence()
    {
        QFETCH(QString, description);
        QTEST(CompactSchema::firstSentence(description), "expected");
    }

    void firstSentenceLong()
    {
        const QString text = CompactSchema::firstSentence(QString(300, u'x'));
        QCOMPARE(text.size(), 160);
        QVERIFY(text.endsWith(u"..."_s));
    }

    void renderSmall()
    {
        const CompactSchema schema(smallSchema());
        QVERIFY(!schema.isEmpty());
        QVERIFY(!schema.typeNames().contains(u"__Type"_s));
        QVERIFY(!schema.typeNames().contains(u"String"_s));
        QCOMPARE(schema.typeNames().value(0), u"Query"_s);
        QCOMPARE(schema.fieldNames(u"SignalFilter"_s), QStringList{u"source"_s});
        QVERIFY(schema.allFieldNames().contains(u"currentLocationCoordinates"_s));

        const auto full = schema.render();
        QVERIFY(full.ok());
        const QString &sdl = full.value();
        qInfo().noquote() << "small schema:\n" << sdl;
        // The connection and its edge are one summary line, not two types.
        QVERIFY2(sdl.startsWith(u"# Relay: "_s), qPrintable(sdl));
        QVERIFY(sdl.section(u'\n', 0, 0).contains(u"for X = Vehicle;"_s));
        QVERIFY(sdl.section(u'\n', 0, 0).contains(u"XEdge {cursor: String!, node: X!}"_s));
        // An edge not named XEdge for XConnection is named explicitly.
        QVERIFY2(sdl.contains(u"PrivilegesConnection(PrivilegeEdge)→Privilege"_s), qPrintable(sdl));
        QVERIFY(!sdl.contains(u"type PrivilegeEdge"_s));
        QVERIFY(!sdl.contains(u"type VehicleConnection"_s));
        QVERIFY(!sdl.contains(u"type VehicleEdge"_s));
        QVERIFY(sdl.indexOf(u"type Query"_s) < sdl.indexOf(u"type Vehicle"_s));
        for (const QString &name :
             {u"Vehicle"_s, u"PageInfo"_s, u"Location"_s, u"FloatAggregation"_s, u"SignalFilter"_s, u"Time"_s}) {
            QVERIFY2(containsWord(sdl, name), qPrintable(name));
        }
        QVERIFY(sdl.contains(u"[km/h]"_s));
        QVERIFY(sdl.contains(u"Vehicle speed over ground [km/h]"_s)); // first clause, unit kept
        QVERIFY(!sdl.contains(u"Measured by the wheels"_s));
        QVERIFY(!sdl.contains(u"Required Privileges"_s));
        QVERIFY(!sdl.contains(u"More words"_s));
        QVERIFY(sdl.contains(u"enum FloatAggregation"_s));
        QVERIFY(sdl.contains(u"input SignalFilter"_s));
        QVERIFY(sdl.contains(u"scalar Time"_s));
        QVERIFY(containsWord(sdl, u"AVG"_s) && containsWord(sdl, u"MAX"_s));
        QVERIFY(!sdl.contains(u"__Type"_s));
    }

    void renderFiltered()
    {
        const CompactSchema schema(smallSchema());
        const auto type = schema.render(u"location"_s); // case-insensitive
        QVERIFY(type.ok());
        QVERIFY2(type->contains(u"type Location"_s), qPrintable(type.value()));
        QVERIFY(type->contains(u"latitude"_s));
        QVERIFY(!type->contains(u"type Vehicle"_s));

        // Asked for by name, a collapsed connection type is still shown.
        const auto connection = schema.render(u"VehicleConnection"_s);
        QVERIFY(connection.ok());
        QVERIFY2(connection->contains(u"pageInfo"_s), qPrintable(connection.value()));

        const auto search = schema.render({}, u"coordinates"_s);
        QVERIFY(search.ok());
        QVERIFY2(search->contains(u"currentLocationCoordinates"_s), qPrintable(search.value()));
        QVERIFY(!search->contains(u"speed"_s));
        QVERIFY(!search->contains(u"type Location"_s));
        QVERIFY(!search->contains(u"# Relay"_s));

        const auto byDoc = schema.render({}, u"over ground"_s); // descriptions are searched too
        QVERIFY(byDoc.ok());
        QVERIFY(byDoc->contains(u"speed"_s));

        const auto unknown = schema.render(u"Vehicel"_s);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY2(unknown.error().message.startsWith(u"the schema has no type \"Vehicel\". Did you mean Vehicle"_s),
                 qPrintable(unknown.error().message));
        QVERIFY(unknown.error().hint.contains(u"`search`"_s));

        const auto nothing = schema.render({}, u"xyzzy"_s);
        QVERIFY(!nothing.ok());
        QVERIFY(nothing.error().message.contains(u"no type or field matches \"xyzzy\""_s));
        // A type with a search that matches none of its fields: an error, never an empty success
        // (found by fuzz_compactsdl).
        const auto narrowed = schema.render(u"Location"_s, u"latitud"_s);
        QVERIFY(narrowed.ok());
        QVERIFY2(narrowed->contains(u"latitude"_s) && !narrowed->contains(u"longitude"_s),
                 qPrintable(narrowed.value()));
        const auto none = schema.render(u"location"_s, u"xyzzy"_s);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY2(none.error().message.startsWith(u"no field of Location matches \"xyzzy\"."_s),
                 qPrintable(none.error().message));
        QVERIFY(none.error().hint.contains(u"leave `search` out"_s));
    }
};

QTEST_GUILESS_MAIN(TstToolsSchema)
#include "tst_toolsschema.moc"
