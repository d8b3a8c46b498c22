// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// SchemaValidator: the object and array keywords.
#include "mcp/schemawalker.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mcp::schemawalk {

namespace {

bool countIs(const QJsonObject &schema, QLatin1StringView keyword, qsizetype count, bool atLeast)
{
    const QJsonValue bound = schema.value(keyword);
    if (!bound.isDouble()) {
        return true;
    }
    return atLeast ? double(count) >= bound.toDouble() : double(count) <= bound.toDouble();
}

} // namespace

Result Walker::checkObject(const QJsonObject &o, const QJsonObject &schema, const QString &path)
{
    const QString prefix = path.isEmpty() ? QString() : path + u'.';
    for (const QJsonValue &req : schema.value("required"_L1).toArray()) {
        if (!o.contains(req.toString())) {
            return violation(prefix + req.toString(), u"required"_s, u"is required"_s);
        }
    }
    if (!countIs(schema, "minProperties"_L1, o.size(), true)) {
        return violation(path,
                         u"minProperties"_s,
                         u"must have at least %1 properties"_s.arg(jsonText(schema.value("minProperties"_L1))));
    }
    if (!countIs(schema, "maxProperties"_L1, o.size(), false)) {
        return violation(path,
                         u"maxProperties"_s,
                         u"must have at most %1 properties"_s.arg(jsonText(schema.value("maxProperties"_L1))));
    }
    const QJsonValue names = schema.value("propertyNames"_L1);
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!names.isUndefined() && check(QJsonValue(it.key()), names, prefix + it.key())) {
            return violation(prefix + it.key(), u"propertyNames"_s, u"is not an allowed property name"_s);
        }
        if (Result r = checkProperty(it.key(), it.value(), schema, prefix + it.key())) {
            return r;
        }
    }
    return std::nullopt;
}

Result Walker::checkProperty(const QString &key, const QJsonValue &v, const QJsonObject &schema, const QString &path)
{
    bool matched = false;
    const QJsonObject props = schema.value("properties"_L1).toObject();
    if (props.contains(key)) {
        matched = true;
        if (Result r = check(v, props.value(key), path)) {
            return r;
        }
    }
    const QJsonObject patterns = schema.value("patternProperties"_L1).toObject();
    for (auto it = patterns.begin(); it != patterns.end(); ++it) {
        if (QRegularExpression(it.key()).match(key).hasMatch()) {
            matched = true;
            if (Result r = check(v, it.value(), path)) {
                return r;
            }
        }
    }
    const QJsonValue additional = schema.value("additionalProperties"_L1);
    if (matched || additional.isUndefined()) {
        return std::nullopt;
    }
    if (additional.isBool() && !additional.toBool()) {
        return violation(path, u"additionalProperties"_s, u"is not allowed (unknown property)"_s);
    }
    return check(v, additional, path);
}

Result Walker::checkArray(const QJsonArray &a, const QJsonObject &schema, const QString &path)
{
    const QJsonValue minItems = schema.value("minItems"_L1);
    if (!countIs(schema, "minItems"_L1, a.size(), true)) {
        return violation(path, u"minItems"_s, u"must have at least %1 items"_s.arg(jsonText(minItems)));
    }
    const QJsonValue maxItems = schema.value("maxItems"_L1);
    if (!countIs(schema, "maxItems"_L1, a.size(), false)) {
        return violation(path, u"maxItems"_s, u"must have at most %1 items"_s.arg(jsonText(maxItems)));
    }
    if (schema.value("uniqueItems"_L1).toBool()) {
        for (qsizetype i = 0; i < a.size(); ++i) {
            for (qsizetype j = i + 1; j < a.size(); ++j) {
                if (jsonEqual(a.at(i), a.at(j))) {
                    return violation(
                        path, u"uniqueItems"_s, u"must not repeat items (%1 and %2 are equal)"_s.arg(i).arg(j));
                }
            }
        }
    }
    const QJsonValue items = schema.value("items"_L1);
    if (!items.isUndefined()) {
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (Result r = check(a.at(i), items, path + u"[%1]"_s.arg(i))) {
                return r;
            }
        }
    }
    const QJsonValue contains = schema.value("contains"_L1);
    if (!contains.isUndefined()) {
        const bool any = std::any_of(a.begin(), a.end(), [this, &contains, &path](const QJsonValue &item) {
            return !check(item, contains, path);
        });
        if (!any) {
            return violation(path, u"contains"_s, u"must contain an item matching the schema of 'contains'"_s);
        }
    }
    return std::nullopt;
}

} // namespace mcp::schemawalk
