// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/schemavalidator.h"

#include "mcp/schemawalker.h"

#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace mcp {

namespace schemawalk {

namespace {

QString describe(const QString &path)
{
    return path.isEmpty() ? u"the arguments"_s : u"field '%1'"_s.arg(path);
}

bool matchesType(const QJsonValue &value, const QString &type)
{
    if (type == "integer"_L1) {
        const double d = value.toDouble();
        return value.isDouble() && std::isfinite(d) && std::floor(d) == d;
    }
    static const QHash<QString, QJsonValue::Type> types{{u"string"_s, QJsonValue::String},
                                                        {u"number"_s, QJsonValue::Double},
                                                        {u"boolean"_s, QJsonValue::Bool},
                                                        {u"object"_s, QJsonValue::Object},
                                                        {u"array"_s, QJsonValue::Array},
                                                        {u"null"_s, QJsonValue::Null}};
    return value.type() == types.value(type, QJsonValue::Undefined);
}

// Characters as JSON Schema counts them (code points), without converting the string.
qsizetype codePoints(QStringView s)
{
    qsizetype pairs = 0;
    for (qsizetype i = 0; i + 1 < s.size(); ++i) {
        if (s[i].isHighSurrogate() && s[i + 1].isLowSurrogate()) {
            ++pairs;
            ++i;
        }
    }
    return s.size() - pairs;
}

std::optional<SchemaViolation> findOversize(const QJsonValue &value, qsizetype maxLength, const QString &path)
{
    const auto tooLong = [maxLength](const QString &s) {
        return s.size() > maxLength && codePoints(s) > maxLength;
    };
    const auto report = [maxLength](const QString &at, qsizetype length, const QString &what) {
        return schemawalk::violation(
            at,
            u"maxLength"_s,
            u"%1 %2 characters long; this server accepts at most %3 characters in any string argument"_s.arg(what)
                .arg(length)
                .arg(maxLength));
    };
    if (value.isString()) {
        const QString s = value.toString();
        return tooLong(s) ? std::optional(report(path, codePoints(s), u"is"_s)) : std::nullopt;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (auto v = findOversize(array.at(i), maxLength, u"%1[%2]"_s.arg(path).arg(i))) {
                return v;
            }
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (tooLong(it.key())) {
                return report(path, codePoints(it.key()), u"has a property name"_s);
            }
            const QString at = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (auto v = findOversize(it.value(), maxLength, at)) {
                return v;
            }
        }
    }
    return std::nullopt;
}

bool isMultipleOf(double v, double divisor)
{
    const double q = v / divisor;
    if (!std::isfinite(q)) {
        return false;
    }
    return std::abs(q - std::round(q)) <= 1e-9 * std::max(1.0, std::abs(q));
}

} // namespace

SchemaViolation violation(const QString &path, const QString &rule, const QString &what)
{
    return SchemaViolation{path, rule, describe(path) + u' ' + what};
}

QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).sliced(1).chopped(1));
}

bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type()) {
        return false;
    }
    if (a.isDouble()) {
        return a.toDouble() == b.toDouble();
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size()) {
            return false;
        }
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!jsonEqual(x.at(i), y.at(i))) {
                return false;
            }
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size()) {
            return false;
        }
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!y.contains(it.key()) || !jsonEqual(it.value(), y.value(it.key()))) {
                return false;
            }
        }
        return true;
    }
    return a == b;
}

Result Walker::check(const QJsonValue &value, const QJsonValue &schema, const QString &path)
{
    if (schema.isBool()) {
        return schema.toBool() ? Result() : violation(path, u"false"_s, u"is not allowed here (false schema)"_s);
    }
    if (++depth > 64) {
        return violation(path, u"depth"_s, u"is nested too deeply"_s);
    }
    const auto leave = qScopeGuard([this] {
        --depth;
    });
    const QJsonObject object = schema.toObject();
    const QJsonValue ref = object.value("$ref"_L1);
    if (ref.isString()) {
        const std::optional<QJsonValue> target = resolveRef(root, ref.toString());
        if (!target) {
            return violation(path, u"$ref"_s, u"cannot be checked: unresolved $ref "_s + ref.toString());
        }
        if (Result r = check(value, *target, path)) {
            return r;
        }
    }
    return checkKeywords(value, object, path);
}

Result Walker::checkKeywords(const QJsonValue &value, const QJsonObject &schema, const QString &path)
{
    if (Result r = checkType(value, schema, path)) {
        return r;
    }
    const QJsonValue enumValues = schema.value("enum"_L1);
    if (enumValues.isArray()) {
        const QJsonArray allowed = enumValues.toArray();
        const bool found = std::any_of(allowed.begin(), allowed.end(), [&value](const QJsonValue &v) {
            return jsonEqual(v, value);
        });
        if (!found) {
            return violation(path, u"enum"_s, u"must be one of "_s + jsonText(enumValues));
        }
    }
    const QJsonValue constant = schema.value("const"_L1);
    if (!constant.isUndefined() && !jsonEqual(constant, value)) {
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
    if (r) {
        return r;
    }
    if (Result c = checkCombinators(value, schema, path)) {
        return c;
    }
    return checkConditional(value, schema, path);
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
    const QJsonValue divisor = schema.value("multipleOf"_L1);
    if (divisor.isDouble() && !isMultipleOf(v, divisor.toDouble())) {
        return violation(path, u"multipleOf"_s, u"must be a multiple of "_s + jsonText(divisor));
    }
    return std::nullopt;
}

Result Walker::checkString(const QString &s, const QJsonObject &schema, const QString &path) const
{
    const qsizetype length = codePoints(s);
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

Result Walker::checkCombinators(const QJsonValue &value, const QJsonObject &schema, const QString &path)
{
    for (const QJsonValue &sub : schema.value("allOf"_L1).toArray()) {
        if (Result r = check(value, sub, path)) {
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
            matches += check(value, sub, path) ? 0 : 1;
        }
        if (matches == 0 || (exactlyOne && matches > 1)) {
            return violation(path,
                             QString(keyword),
                             u"must match %1 of the allowed schemas"_s.arg(exactlyOne ? u"exactly one"_s : u"one"_s));
        }
    }
    const QJsonValue negated = schema.value("not"_L1);
    if (!negated.isUndefined() && !check(value, negated, path)) {
        return violation(path, u"not"_s, u"must not match the schema of 'not'"_s);
    }
    return std::nullopt;
}

Result Walker::checkConditional(const QJsonValue &value, const QJsonObject &schema, const QString &path)
{
    const QJsonValue condition = schema.value("if"_L1);
    if (condition.isUndefined()) {
        return std::nullopt;
    }
    const QJsonValue branch = schema.value(check(value, condition, path) ? "else"_L1 : "then"_L1);
    return branch.isUndefined() ? Result() : check(value, branch, path);
}

} // namespace schemawalk

QString SchemaViolation::toString() const
{
    return u"Invalid arguments: %1 (rule: %2)"_s.arg(message, rule);
}

std::optional<SchemaViolation> SchemaValidator::oversizeString(const QJsonValue &value, qsizetype maxLength)
{
    return schemawalk::findOversize(value, maxLength, QString());
}

std::optional<SchemaViolation> SchemaValidator::validate(const QJsonValue &value, const QJsonValue &schema)
{
    schemawalk::Walker walker{schema};
    return walker.check(value, schema, QString());
}

} // namespace mcp
