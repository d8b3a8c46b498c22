// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// SchemaValidator::unsupported(): which schemas validate() fully understands, and `$ref` lookup.
#include "mcp/schemavalidator.h"
#include "mcp/schemawalker.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace mcp {

namespace {

enum class Kind {
    Schema,
    SchemaMap,
    SchemaList,
    Count,
    Number,
    Positive,
    Bool,
    Names,
    Regex,
    Array,
    Any,
    Type,
    Ref,
    Dialect
};

const QHash<QString, Kind> &keywords()
{
    static const QHash<QString, Kind> k{
        {u"type"_s, Kind::Type},
        {u"enum"_s, Kind::Array},
        {u"const"_s, Kind::Any},
        {u"multipleOf"_s, Kind::Positive},
        {u"minimum"_s, Kind::Number},
        {u"maximum"_s, Kind::Number},
        {u"exclusiveMinimum"_s, Kind::Number},
        {u"exclusiveMaximum"_s, Kind::Number},
        {u"minLength"_s, Kind::Count},
        {u"maxLength"_s, Kind::Count},
        {u"pattern"_s, Kind::Regex},
        {u"items"_s, Kind::Schema},
        {u"minItems"_s, Kind::Count},
        {u"maxItems"_s, Kind::Count},
        {u"uniqueItems"_s, Kind::Bool},
        {u"contains"_s, Kind::Schema},
        {u"required"_s, Kind::Names},
        {u"properties"_s, Kind::SchemaMap},
        {u"patternProperties"_s, Kind::SchemaMap},
        {u"additionalProperties"_s, Kind::Schema},
        {u"propertyNames"_s, Kind::Schema},
        {u"minProperties"_s, Kind::Count},
        {u"maxProperties"_s, Kind::Count},
        {u"allOf"_s, Kind::SchemaList},
        {u"anyOf"_s, Kind::SchemaList},
        {u"oneOf"_s, Kind::SchemaList},
        {u"not"_s, Kind::Schema},
        {u"if"_s, Kind::Schema},
        {u"then"_s, Kind::Schema},
        {u"else"_s, Kind::Schema},
        {u"$ref"_s, Kind::Ref},
        {u"$defs"_s, Kind::SchemaMap},
        {u"definitions"_s, Kind::SchemaMap},
        {u"$schema"_s, Kind::Dialect},
        // Annotations: they assert nothing (in 2020-12 `format` too, unless a vocabulary says so).
        {u"$comment"_s, Kind::Any},
        {u"title"_s, Kind::Any},
        {u"description"_s, Kind::Any},
        {u"default"_s, Kind::Any},
        {u"examples"_s, Kind::Array},
        {u"deprecated"_s, Kind::Bool},
        {u"readOnly"_s, Kind::Bool},
        {u"writeOnly"_s, Kind::Bool},
        {u"format"_s, Kind::Any},
        {u"contentEncoding"_s, Kind::Any},
        {u"contentMediaType"_s, Kind::Any},
    };
    return k;
}

/// A JSON pointer token.
QString escaped(QString key)
{
    return key.replace(u'~', "~0"_L1).replace(u'/', "~1"_L1);
}

bool isRegex(const QJsonValue &v)
{
    return v.isString() && QRegularExpression(v.toString()).isValid();
}

bool isNames(const QJsonValue &v)
{
    QSet<QString> seen;
    for (const QJsonValue &name : v.toArray()) {
        if (!name.isString() || seen.contains(name.toString())) {
            return false;
        }
        seen.insert(name.toString());
    }
    return v.isArray();
}

bool isType(const QJsonValue &v)
{
    static const QSet<QString> names{
        u"string"_s, u"number"_s, u"integer"_s, u"boolean"_s, u"object"_s, u"array"_s, u"null"_s};
    const QJsonArray list = v.isArray() ? v.toArray() : QJsonArray{v};
    return !list.isEmpty() && std::all_of(list.begin(), list.end(), [](const QJsonValue &t) {
        return t.isString() && names.contains(t.toString());
    });
}

struct Checker
{
    const QJsonValue &root;

    std::optional<QString> schema(const QJsonValue &s, const QString &at) const;
    std::optional<QString> keyword(const QString &name, Kind kind, const QJsonValue &v, const QString &at) const;
};

std::optional<QString> Checker::schema(const QJsonValue &s, const QString &at) const
{
    if (s.isBool()) {
        return std::nullopt;
    }
    if (!s.isObject()) {
        return u"%1 is not a schema (an object or a boolean)"_s.arg(at);
    }
    const QJsonObject o = s.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString here = at + u'/' + escaped(it.key());
        const auto kind = keywords().constFind(it.key());
        if (kind == keywords().cend()) {
            return u"unsupported keyword '%1' at %2 (mcp/README.md lists what is supported)"_s.arg(it.key(), here);
        }
        if (auto problem = keyword(it.key(), *kind, it.value(), here)) {
            return problem;
        }
    }
    return std::nullopt;
}

std::optional<QString> Checker::keyword(const QString &name, Kind kind, const QJsonValue &v, const QString &at) const
{
    bool ok = true;
    switch (kind) {
    case Kind::Schema:
        return schema(v, at);
    case Kind::SchemaMap:
        if (!v.isObject()) {
            return u"%1 must map names to schemas"_s.arg(at);
        }
        for (const QJsonObject map = v.toObject(); const QString &key : map.keys()) {
            if (name == "patternProperties"_L1 && !isRegex(QJsonValue(key))) {
                return u"%1: '%2' is not a valid regular expression"_s.arg(at, key);
            }
            if (auto problem = schema(map.value(key), at + u'/' + escaped(key))) {
                return problem;
            }
        }
        return std::nullopt;
    case Kind::SchemaList: {
        const QJsonArray list = v.toArray();
        if (!v.isArray() || list.isEmpty()) {
            return u"%1 must be a non-empty array of schemas"_s.arg(at);
        }
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto problem = schema(list.at(i), at + u'/' + QString::number(i))) {
                return problem;
            }
        }
        return std::nullopt;
    }
    case Kind::Count:
        ok = v.isDouble() && v.toDouble() >= 0 && v.toDouble() == std::floor(v.toDouble());
        break;
    case Kind::Number:
        ok = v.isDouble();
        break;
    case Kind::Positive:
        ok = v.isDouble() && v.toDouble() > 0;
        break;
    case Kind::Bool:
        ok = v.isBool();
        break;
    case Kind::Names:
        ok = isNames(v);
        break;
    case Kind::Regex:
        ok = isRegex(v);
        break;
    case Kind::Array:
        ok = v.isArray();
        break;
    case Kind::Any:
        break;
    case Kind::Type:
        ok = isType(v);
        break;
    case Kind::Ref:
        if (!v.toString().startsWith(u'#')) {
            return u"%1: only local references (#...) are supported, not '%2'"_s.arg(at, v.toString());
        }
        ok = schemawalk::resolveRef(root, v.toString()).has_value();
        break;
    case Kind::Dialect:
        ok = v.toString() == "https://json-schema.org/draft/2020-12/schema"_L1
            || v.toString() == "https://json-schema.org/draft/2020-12/schema#"_L1;
        break;
    }
    return ok ? std::nullopt : std::optional(u"%1 has an invalid value for '%2'"_s.arg(at, name));
}

} // namespace

std::optional<QJsonValue> schemawalk::resolveRef(const QJsonValue &root, const QString &ref)
{
    if (!ref.startsWith(u'#')) {
        return std::nullopt;
    }
    const QString pointer = QUrl::fromPercentEncoding(ref.mid(1).toUtf8());
    if (pointer.isEmpty()) {
        return root;
    }
    if (!pointer.startsWith(u'/')) {
        return std::nullopt; // a plain-name fragment needs $anchor
    }
    QJsonValue node = root;
    for (QString part : pointer.mid(1).split(u'/')) {
        part.replace("~1"_L1, "/"_L1).replace("~0"_L1, "~"_L1);
        if (node.isObject() && node.toObject().contains(part)) {
            node = node.toObject().value(part);
        } else if (bool isIndex = false; node.isArray() && part.toLongLong(&isIndex) >= 0 && isIndex
                   && part.toLongLong() < node.toArray().size()) {
            node = node.toArray().at(part.toLongLong());
        } else {
            return std::nullopt;
        }
    }
    if (!node.isObject() && !node.isBool()) {
        return std::nullopt;
    }
    return node;
}

std::optional<QString> SchemaValidator::unsupported(const QJsonValue &schema)
{
    return Checker{schema}.schema(schema, u"#"_s);
}

} // namespace mcp
