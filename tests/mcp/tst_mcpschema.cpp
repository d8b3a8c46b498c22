// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// inputSchema validation: each rule, and violations as isError tool results (never a crash).
#include "mcp/schema.h"
#include "mcp/schemavalidator.h"
#include "tests/mcp/sessionharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

const char *Schema = R"({
  "type": "object",
  "additionalProperties": false,
  "required": ["vin"],
  "$defs": {"range": {"type": "object", "properties": {"from": {"type": "integer", "minimum": 0}}, "required": ["from"]}},
  "properties": {
    "vin": {"type": "string", "pattern": "^[A-HJ-NPR-Z0-9]{17}$"},
    "limit": {"type": "integer", "minimum": 1, "maximum": 100},
    "ratio": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
    "unit": {"type": "string", "enum": ["km", "mi"]},
    "name": {"type": "string", "minLength": 2, "maxLength": 4},
    "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 2},
    "flag": {"type": "boolean"},
    "range": {"$ref": "#/$defs/range"},
    "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
    "kind": {"const": "fixed"}
  }
})";

} // namespace

class TestMcpSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rules_data()
    {
        QTest::addColumn<QByteArray>("args");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("rule");
        const QByteArray vin = R"("vin":"1HGCM82633A004352")";
        QTest::newRow("valid") << QByteArray("{" + vin + R"(,"limit":5,"unit":"km","tags":["a"]})") << QString()
                               << QString();
        QTest::newRow("required") << QByteArray("{}") << u"vin"_s << u"required"_s;
        QTest::newRow("type") << QByteArray(R"({"vin":17})") << u"vin"_s << u"type"_s;
        QTest::newRow("pattern") << QByteArray(R"({"vin":"short"})") << u"vin"_s << u"pattern"_s;
        QTest::newRow("integer") << QByteArray("{" + vin + R"(,"limit":1.5})") << u"limit"_s << u"type"_s;
        QTest::newRow("minimum") << QByteArray("{" + vin + R"(,"limit":0})") << u"limit"_s << u"minimum"_s;
        QTest::newRow("maximum") << QByteArray("{" + vin + R"(,"limit":101})") << u"limit"_s << u"maximum"_s;
        QTest::newRow("exclusiveMinimum")
            << QByteArray("{" + vin + R"(,"ratio":0})") << u"ratio"_s << u"exclusiveMinimum"_s;
        QTest::newRow("exclusiveMaximum")
            << QByteArray("{" + vin + R"(,"ratio":1})") << u"ratio"_s << u"exclusiveMaximum"_s;
        QTest::newRow("enum") << QByteArray("{" + vin + R"(,"unit":"ft"})") << u"unit"_s << u"enum"_s;
        QTest::newRow("minLength") << QByteArray("{" + vin + R"(,"name":"a"})") << u"name"_s << u"minLength"_s;
        QTest::newRow("maxLength") << QByteArray("{" + vin + R"(,"name":"abcde"})") << u"name"_s << u"maxLength"_s;
        QTest::newRow("additionalProperties")
            << QByteArray("{" + vin + R"(,"extra":1})") << u"extra"_s << u"additionalProperties"_s;
        QTest::newRow("items") << QByteArray("{" + vin + R"(,"tags":["a",2]})") << u"tags[1]"_s << u"type"_s;
        QTest::newRow("minItems") << QByteArray("{" + vin + R"(,"tags":[]})") << u"tags"_s << u"minItems"_s;
        QTest::newRow("maxItems") << QByteArray("{" + vin + R"(,"tags":["a","b","c"]})") << u"tags"_s << u"maxItems"_s;
        QTest::newRow("$ref required") << QByteArray("{" + vin + R"(,"range":{}})") << u"range.from"_s << u"required"_s;
        QTest::newRow("$ref minimum") << QByteArray("{" + vin + R"(,"range":{"from":-1}})") << u"range.from"_s
                                      << u"minimum"_s;
        QTest::newRow("anyOf") << QByteArray("{" + vin + R"(,"either":true})") << u"either"_s << u"anyOf"_s;
        QTest::newRow("const") << QByteArray("{" + vin + R"(,"kind":"other"})") << u"kind"_s << u"const"_s;
        QTest::newRow("boolean") << QByteArray("{" + vin + R"(,"flag":"yes"})") << u"flag"_s << u"type"_s;
    }

    void rules()
    {
        QFETCH(QByteArray, args);
        QFETCH(QString, path);
        QFETCH(QString, rule);
        const auto v = mcp::SchemaValidator::validate(QJsonDocument::fromJson(args).object(), json(Schema));
        if (rule.isEmpty()) {
            QVERIFY2(!v, v ? qPrintable(v->message) : "");
            return;
        }
        QVERIFY(v);
        QCOMPARE(v->path, path);
        QCOMPARE(v->rule, rule);
        QVERIFY(v->toString().contains(path));
        QVERIFY(v->toString().contains(rule));
    }

    void violationIsToolErrorNamingFieldAndRule()
    {
        SessionHarness h;
        int calls = 0;
        h.server.registry().addTool(mcp::Tool{u"vehicle"_s,
                                              {},
                                              u"v"_s,
                                              json(Schema),
                                              {},
                                              mcp::ToolAnnotations{{}, true, false, true, false},
                                              {},
                                              [&calls](const QJsonObject &, mcp::Responder r) {
                                                  ++calls;
                                                  r.resolve(mcp::ToolResult::text(u"ok"_s));
                                              }});
        h.initialize();
        QJsonObject r = h.call(
            R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"vehicle","arguments":{"vin":"1HGCM82633A004352","limit":500}}})");
        QCOMPARE(r.value("result"_L1)["isError"_L1].toBool(), true);
        const QString text = r.value("result"_L1)["content"_L1][0]["text"_L1].toString();
        QVERIFY2(text.contains("'limit'"_L1) && text.contains("maximum"_L1), qPrintable(text));
        QCOMPARE(calls, 0);
        r = h.call(
            R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"vehicle","arguments":{"vin":"1HGCM82633A004352"}}})");
        QCOMPARE(r.value("result"_L1)["content"_L1][0]["text"_L1].toString(), u"ok"_s);
        QCOMPARE(calls, 1);
        r = h.call(R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"vehicle","arguments":"nope"}})");
        QCOMPARE(r.value("error"_L1)["code"_L1].toInt(), -32602);
    }

    // Issue 15: a string no schema bounds (free-form `variables`, array items without maxLength)
    // still cannot carry megabytes into a handler: tools/call refuses it first.
    void oversizeStringRefusedWhateverTheSchema()
    {
        SessionHarness h;
        h.server.setMaxArgumentLength(1000);
        int calls = 0;
        h.server.registry().addTool(mcp::Tool{u"free"_s,
                                              {},
                                              u"f"_s,
                                              json(R"({"type":"object","properties":{"names":{"type":"array",
                                                   "items":{"type":"string"}},"variables":{"type":"object"}}})"),
                                              {},
                                              mcp::ToolAnnotations{{}, true, false, true, false},
                                              {},
                                              [&calls](const QJsonObject &, mcp::Responder r) {
                                                  ++calls;
                                                  r.resolve(mcp::ToolResult::text(u"ok"_s));
                                              }});
        h.initialize();
        const auto call = [&h](int id, const QByteArray &arguments) {
            const QJsonObject r =
                h.call(R"({"jsonrpc":"2.0","id":)" + QByteArray::number(id)
                       + R"(,"method":"tools/call","params":{"name":"free","arguments":)" + arguments + "}}");
            return r.value("result"_L1).toObject();
        };
        const QByteArray big(1001, 'x');
        QJsonObject r = call(1, R"({"names":["speed",")" + big + R"("]})");
        QVERIFY(r.value("isError"_L1).toBool());
        QString text = r.value("content"_L1)[0]["text"_L1].toString();
        QVERIFY2(text.contains("'names[1]'"_L1) && text.contains("1001 characters"_L1) && text.contains("1000"_L1),
                 qPrintable(text));
        r = call(2, R"({"variables":{"deep":{"x":")" + big + R"("}}})");
        text = r.value("content"_L1)[0]["text"_L1].toString();
        QVERIFY2(r.value("isError"_L1).toBool() && text.contains("'variables.deep.x'"_L1), qPrintable(text));
        r = call(3, R"({"variables":{")" + big + R"(":1}})");
        QVERIFY(r.value("isError"_L1).toBool());
        QCOMPARE(calls, 0);
        r = call(4, R"({"names":[")" + QByteArray(1000, 'x') + R"("]})"); // at the cap: accepted
        QCOMPARE(r.value("content"_L1)[0]["text"_L1].toString(), u"ok"_s);
        QCOMPARE(calls, 1);
        // Characters, not UTF-16 units: 600 emoji are 1200 units but 600 characters.
        QString emoji;
        for (int i = 0; i < 600; ++i) {
            emoji += u"🚗"_s;
        }
        QVERIFY(!mcp::SchemaValidator::oversizeString(QJsonArray{emoji}, 1000));
        QVERIFY(mcp::SchemaValidator::oversizeString(QJsonArray{emoji}, 599));
    }

    void buildersProduceValidatingSchemas()
    {
        namespace s = mcp::schema;
        const QJsonObject schema = s::object({{u"vin"_s, s::string(u"VIN"_s, u"^[A-Z0-9]{17}$"_s)},
                                              {u"hours"_s, s::integer(u"Window"_s, 1, 48)},
                                              {u"unit"_s, s::enumeration(u"Unit"_s, {u"km"_s, u"mi"_s})},
                                              {u"ids"_s, s::array(u"Ids"_s, s::number({}), 2)},
                                              {u"raw"_s, s::boolean(u"Raw"_s)}},
                                             {u"vin"_s});
        QCOMPARE(schema.value("additionalProperties"_L1), QJsonValue(false));
        QCOMPARE(schema.value("required"_L1).toArray(), QJsonArray{u"vin"_s});
        QVERIFY(
            !mcp::SchemaValidator::validate(json("{\"vin\":\"1HGCM82633A004352\",\"hours\":2,\"ids\":[1.5]}"), schema));
        QCOMPARE(mcp::SchemaValidator::validate(json("{\"vin\":\"1HGCM82633A004352\",\"hours\":49}"), schema)->rule,
                 u"maximum"_s);
        QCOMPARE(mcp::SchemaValidator::validate(json("{\"vin\":\"1HGCM82633A004352\",\"unit\":\"m\"}"), schema)->rule,
                 u"enum"_s);
        QCOMPARE(mcp::SchemaValidator::validate(json("{\"vin\":\"1HGCM82633A004352\",\"ids\":[1,2,3]}"), schema)->rule,
                 u"maxItems"_s);
        const mcp::ToolAnnotations lookup = mcp::ToolAnnotations::readOnly(u"Look up"_s);
        QVERIFY(lookup.readOnlyHint && !lookup.destructiveHint && lookup.idempotentHint && lookup.openWorldHint);
        const mcp::ToolAnnotations unlock = mcp::ToolAnnotations::action(u"Unlock"_s, true, false);
        QVERIFY(!unlock.readOnlyHint && unlock.destructiveHint && !unlock.idempotentHint);
    }

    void deepNestingDoesNotCrash()
    {
        const QJsonObject schema =
            json("{\"$defs\":{\"n\":{\"type\":\"object\",\"properties\":{\"c\":{\"$ref\":\"#/$defs/n\"}}}},"
                 "\"$ref\":\"#/$defs/n\"}");
        QJsonObject value;
        for (int i = 0; i < 200; ++i) {
            value = QJsonObject{{u"c"_s, value}};
        }
        const auto v = mcp::SchemaValidator::validate(value, schema);
        QVERIFY(v);
        QCOMPARE(v->rule, u"depth"_s);
        QVERIFY(!mcp::SchemaValidator::validate(QJsonObject{{u"c"_s, QJsonObject()}}, schema));
    }
};

QTEST_GUILESS_MAIN(TestMcpSchema)
#include "tst_mcpschema.moc"
