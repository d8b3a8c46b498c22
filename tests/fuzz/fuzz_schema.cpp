// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: JSON Schema validation of tool arguments (mcp::SchemaValidator).
// The input is "<schema>\0<arguments>"; without a NUL it is the arguments, checked against a
// schema shaped like the DIMO tools' (token ids, enums, patterns, nested arrays, $ref). Invariants:
// no crash or hang on any schema (recursive $ref included), a violation always names its rule and
// has a message, and a schema reported as unsupported is never used.
#include "mcp/schemavalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cstdint>

#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

namespace {

QJsonValue toolLikeSchema()
{
    static const QJsonValue schema = QJsonDocument::fromJson(R"({
      "type": "object", "additionalProperties": false, "required": ["tokenId"],
      "$defs": {"filter": {"type": "object", "required": ["name"], "properties": {
          "name": {"type": "string", "maxLength": 64, "pattern": "^[a-zA-Z][a-zA-Z0-9]*$"},
          "values": {"type": "array", "maxItems": 16, "items": {"$ref": "#/$defs/filter"}}}}},
      "properties": {
        "tokenId": {"type": "integer", "minimum": 1, "maximum": 2147483647},
        "vin": {"type": "string", "minLength": 17, "maxLength": 17},
        "interval": {"type": "string", "enum": ["1h", "1d", "7d"]},
        "signals": {"type": "array", "minItems": 1, "maxItems": 50, "uniqueItems": true,
                    "items": {"type": "string", "maxLength": 64}},
        "from": {"type": "string", "format": "date-time"},
        "limit": {"type": "number", "exclusiveMinimum": 0, "multipleOf": 1},
        "filter": {"$ref": "#/$defs/filter"},
        "mode": {"oneOf": [{"const": "a"}, {"type": "boolean"}]},
        "any": {"anyOf": [{"type": "null"}, {"type": "object", "minProperties": 1}]}
      }})")
                                         .object();
    static const bool usable = !mcp::SchemaValidator::unsupported(schema).has_value();
    fuzz::check(usable, "the tool-like schema is one the validator supports");
    return schema;
}

QJsonValue parse(const QByteArray &json, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    *ok = error.error == QJsonParseError::NoError;
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

void validate(const QJsonValue &value, const QJsonValue &schema)
{
    const auto violation = mcp::SchemaValidator::validate(value, schema);
    if (violation) {
        fuzz::check(!violation->rule.isEmpty(), "a violation names its rule");
        fuzz::check(!violation->message.isEmpty(), "a violation has a message");
        fuzz::check(!violation->toString().isEmpty(), "a violation renders");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto [first, second] = fuzz::split(input);
    bool ok = false;
    if (input.contains('\0')) {
        const QJsonValue schema = parse(first, &ok);
        if (!ok) {
            return 0;
        }
        if (mcp::SchemaValidator::unsupported(schema)) {
            return 0; // the server refuses such a schema when a tool is registered
        }
        bool valueOk = false;
        const QJsonValue value = parse(second, &valueOk);
        validate(valueOk ? value : QJsonValue(QString::fromUtf8(second)), schema);
        return 0;
    }
    const QJsonValue arguments = parse(first, &ok);
    validate(ok ? arguments : QJsonValue(QString::fromUtf8(first)), toolLikeSchema());
    return 0;
}
