// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/schemavalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>

#include <cmath>

using namespace Qt::StringLiterals;

namespace mcp {

namespace {

using Result = std::optional<SchemaViolation>;

struct Walker
{
    const QJsonObject &root;
    int depth = 0;

    Result check(const QJsonValue &value, const QJsonObject &schema, const QString &path);

private:
    QJsonObject resolve(const QJsonObject &schema) const;
    Result checkType(const QJsonValue &value, const QJsonObject &schema, const QString &path) const;
    Result checkNumber(double v, const QJsonObject &schema, const QString &path) const;
    Result checkString(const QString &s, const QJsonObject &schema, const QString &path) const;
    Result checkObject(const QJsonObject &o, const QJsonObject &schema, const QString &path);
    Result checkArray(const QJsonArray &a, const QJsonObject &schema, const QString &path);
    Result checkCombinators(const QJsonValue &value, const QJsonObject &schema, const QString &path);
};

QString describe(const QString &path)
{
    return path.isEmpty() ? u"the arguments"_s : u"field '%1'"_s.arg(path);
}

SchemaViolation violation(const QString &path, const QString &rule, const QString &what)
{
    return SchemaViolation{path, rule, describe(path) + u' ' + what};
}

QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).sliced(1).chopped(1));
}

bool matchesType(const QJsonValue &value, const QString &type)
{
    if (type == "string"_L1) {
        return value.isString();
    }
    if (type == "number"_L1) {
        return value.isDouble();
    }
    if (type == "integer"_L1) {
        const double d = value.toDouble();
        return value.isDouble() && std::isfinite(d) && std::floor(d) == d;
    }
    if (type == "boolean"_L1) {
        return value.isBool();
    }
    if (type == "object"_L1) {
        return value.isObject();
    }
    if (type == "array"_L1) {
        return value.isArray();
    }
    if (type == "null"_L1) {
        return value.isNull();
    }
    return true;
}

QJsonObject Walker::resolve(const QJsonObject &schema) const
{
    const QString ref = schema.value("$ref"_L1).toString();
    if (ref.isEmpty() || !ref.startsWith("#/"_L1)) {
        return schema;
    }
    QJsonValue node = root;
    for (const QString &part : ref.mid(2).split(u'/')) {
        QString key = part;
        key.replace("~1"_L1, "/"_L1).replace("~0"_L1, "~"_L1);
        node = node.toObject().value(key);
    }
    return node.isObject() ? node.toObject() : schema;
}

Result Walker::checkType(const QJsonValue &value, const QJsonObject &schema, const QString &path) const
{
    const QJsonValue type = schema.value("type"_L1);
    QStringList types;
    if (type.isString()) {
        types.append(type.toString());
    } else if (type.isArray()) {
        for (const QJsonValue &t : type.toArray()) {
            types.append(t.toString());
        }
    }
    if (types.isEmpty()) {
        return std::nullopt;
    }
    for (const QString &t : std::as_const(types)) {
        if (matchesType(value, t)) {
            return std::nullopt;
        }
    }
    return violation(path, u"type"_s, u"must be of type "_s + types.join(" or "_L1));
}

Result Walker::checkNumber(double v, const QJsonObject &schema, const QString &path) const
{
    const QJsonValue min = schema.value("minimum"_L1);
    if (min.isDouble() && v < min.toDouble()) {
        return violation(path, u"minimum"_s, u"must be >= "_s + jsonText(min));
    }
    const QJsonValue max = schema.value("maximum"_L1);
    if (max.isDouble() && v > max.toDouble()) {
        return violation(path, u"maximum"_s, u"must be <= "_s + jsonText(max));
    }
    const QJsonValue xmin = schema.value("exclusiveMinimum"_L1);
    if (xmin.isDouble() && v <= xmin.toDouble()) {
        return violation(path, u"exclusiveMinimum"_s, u"must be > "_s + jsonText(xmin));
    }
    const QJsonValue xmax = schema.value("exclusiveMaximum"_L1);
    if (xmax.isDouble() && v >= xmax.toDouble()) {
        return violation(path, u"exclusiveMaximum"_s, u"must be < "_s + jsonText(xmax));
    }
    return std::nullopt;
}

Result Walker::checkString(const QString &s, const QJsonObject &schema, const QString &path) const
{
    const qsizetype length = s.toUcs4().size();
    const QJsonValue minLength = schema.value("minLength"_L1);
    if (minLength.isDouble() && length < minLength.toDouble()) {
        return violation(path, u"minLength"_s, u"must be at least %1 characters long"_s.arg(jsonText(minLength)));
    }
    const QJsonValue maxLength = schema.value("maxLength"_L1);
    if (maxLength.isDouble() && length > maxLength.toDouble()) {
        return violation(path, u"maxLength"_s, u"must be at most %1 characters long"_s.arg(jsonText(maxLength)));
    }
    const QString pattern = schema.value("pattern"_L1).toString();
    if (!pattern.isEmpty()) {
        const QRegularExpression re(pattern);
        if (re.isValid() && !re.match(s).hasMatch()) {
            return violation(path, u"pattern"_s, u"must match the pattern "_s + pattern);
        }
    }
    return std::nullopt;
}

Result Walker::checkObject(const QJsonObject &o, const QJsonObject &schema, const QString &path)
{
    const QString prefix = path.isEmpty() ? QString() : path + u'.';
    for (const QJsonValue &req : schema.value("required"_L1).toArray()) {
        if (!o.contains(req.toString())) {
            return violation(prefix + req.toString(), u"required"_s, u"is required"_s);
        }
    }
    const QJsonObject props = schema.value("properties"_L1).toObject();
    const QJsonValue additional = schema.value("additionalProperties"_L1);
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString childPath = prefix + it.key();
        if (props.contains(it.key())) {
            if (Result r = check(it.value(), props.value(it.key()).toObject(), childPath)) {
                return r;
            }
        } else if (additional.isBool() && !additional.toBool()) {
            return violation(childPath, u"additionalProperties"_s, u"is not allowed (unknown property)"_s);
        } else if (additional.isObject()) {
            if (Result r = check(it.value(), additional.toObject(), childPath)) {
                return r;
            }
        }
    }
    return std::nullopt;
}

Result Walker::checkArray(const QJsonArray &a, const QJsonObject &schema, const QString &path)
{
    const QJsonValue minItems = schema.value("minItems"_L1);
    if (minItems.isDouble() && a.size() < minItems.toDouble()) {
        return violation(path, u"minItems"_s, u"must have at least %1 items"_s.arg(jsonText(minItems)));
    }
    const QJsonValue maxItems = schema.value("maxItems"_L1);
    if (maxItems.isDouble() && a.size() > maxItems.toDouble()) {
        return violation(path, u"maxItems"_s, u"must have at most %1 items"_s.arg(jsonText(maxItems)));
    }
    const QJsonValue items = schema.value("items"_L1);
    if (items.isObject()) {
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (Result r = check(a.at(i), items.toObject(), path + u"[%1]"_s.arg(i))) {
                return r;
            }
        }
    }
    return std::nullopt;
}

Result Walker::checkCombinators(const QJsonValue &value, const QJsonObject &schema, const QString &path)
{
    for (const QJsonValue &sub : schema.value("allOf"_L1).toArray()) {
        if (Result r = check(value, sub.toObject(), path)) {
            return r;
        }
    }
    for (const auto &[keyword, exactlyOne] : {std::pair{"anyOf"_L1, false}, std::pair{"oneOf"_L1, true}}) {
        const QJsonArray subs = schema.value(keyword).toArray();
        if (subs.isEmpty()) {
            continue;
        }
        int matches = 0;
        for (const QJsonValue &sub : subs) {
            matches += check(value, sub.toObject(), path) ? 0 : 1;
        }
        if (matches == 0 || (exactlyOne && matches > 1)) {
            return violation(path,
                             QString(keyword),
                             u"must match %1 of the allowed schemas"_s.arg(exactlyOne ? u"exactly one"_s : u"one"_s));
        }
    }
    return std::nullopt;
}

Result Walker::check(const QJsonValue &value, const QJsonObject &rawSchema, const QString &path)
{
    if (++depth > 64) {
        return violation(path, u"depth"_s, u"is nested too deeply"_s);
    }
    const auto leave = qScopeGuard([this] {
        --depth;
    });
    const QJsonObject schema = resolve(rawSchema);
    if (Result r = checkType(value, schema, path)) {
        return r;
    }
    const QJsonValue enumValues = schema.value("enum"_L1);
    if (enumValues.isArray() && !enumValues.toArray().contains(value)) {
        return violation(path, u"enum"_s, u"must be one of "_s + jsonText(enumValues));
    }
    const QJsonValue constant = schema.value("const"_L1);
    if (!constant.isUndefined() && constant != value) {
        return violation(path, u"const"_s, u"must be "_s + jsonText(constant));
    }
    Result r;
    if (value.isDouble()) {
        r = checkNumber(value.toDouble(), schema, path);
    } else if (value.isString()) {
        r = checkString(value.toString(), schema, path);
    } else if (value.isObject()) {
        r = checkObject(value.toObject(), schema, path);
    } else if (value.isArray()) {
        r = checkArray(value.toArray(), schema, path);
    }
    return r ? r : checkCombinators(value, schema, path);
}

} // namespace

QString SchemaViolation::toString() const
{
    return u"Invalid arguments: %1 (rule: %2)"_s.arg(message, rule);
}

std::optional<SchemaViolation> SchemaValidator::validate(const QJsonValue &value, const QJsonObject &schema)
{
    Walker walker{schema};
    return walker.check(value, schema, QString());
}

} // namespace mcp
