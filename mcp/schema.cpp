// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/schema.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcp::schema {

namespace {

QJsonObject typed(const QString &type, const QString &description)
{
    QJsonObject s{{u"type"_s, type}};
    if (!description.isEmpty()) {
        s.insert(u"description"_s, description);
    }
    return s;
}

} // namespace

QJsonObject object(const Properties &properties, const QStringList &required, bool allowAdditional)
{
    QJsonObject props;
    for (const auto &[name, schema] : properties) {
        props.insert(name, schema);
    }
    QJsonObject s{{u"type"_s, u"object"_s}, {u"properties"_s, props}};
    if (!required.isEmpty()) {
        s.insert(u"required"_s, QJsonArray::fromStringList(required));
    }
    if (!allowAdditional) {
        s.insert(u"additionalProperties"_s, false);
    }
    return s;
}

QJsonObject string(const QString &description, const QString &pattern, std::optional<int> maxLength)
{
    QJsonObject s = typed(u"string"_s, description);
    if (!pattern.isEmpty()) {
        s.insert(u"pattern"_s, pattern);
    }
    if (maxLength) {
        s.insert(u"maxLength"_s, *maxLength);
    }
    return s;
}

QJsonObject integer(const QString &description, std::optional<qint64> minimum, std::optional<qint64> maximum)
{
    QJsonObject s = typed(u"integer"_s, description);
    if (minimum) {
        s.insert(u"minimum"_s, *minimum);
    }
    if (maximum) {
        s.insert(u"maximum"_s, *maximum);
    }
    return s;
}

QJsonObject number(const QString &description, std::optional<double> minimum, std::optional<double> maximum)
{
    QJsonObject s = typed(u"number"_s, description);
    if (minimum) {
        s.insert(u"minimum"_s, *minimum);
    }
    if (maximum) {
        s.insert(u"maximum"_s, *maximum);
    }
    return s;
}

QJsonObject boolean(const QString &description)
{
    return typed(u"boolean"_s, description);
}

QJsonObject enumeration(const QString &description, const QStringList &values)
{
    QJsonObject s = typed(u"string"_s, description);
    s.insert(u"enum"_s, QJsonArray::fromStringList(values));
    return s;
}

QJsonObject array(const QString &description, const QJsonObject &items, std::optional<int> maxItems)
{
    QJsonObject s = typed(u"array"_s, description);
    s.insert(u"items"_s, items);
    if (maxItems) {
        s.insert(u"maxItems"_s, *maxItems);
    }
    return s;
}

} // namespace mcp::schema
