// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Internal to SchemaValidator (schemavalidator.cpp, schemacontainers.cpp, schemasupport.cpp).
#pragma once

#include "mcp/schemaviolation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace mcp::schemawalk {

using Result = std::optional<SchemaViolation>;

/// One validation: the document root (for `$ref`s) and the recursion depth.
struct Walker
{
    const QJsonValue &root;
    int depth = 0;

    Result check(const QJsonValue &value, const QJsonValue &schema, const QString &path);

private:
    Result checkKeywords(const QJsonValue &value, const QJsonObject &schema, const QString &path);
    Result checkType(const QJsonValue &value, const QJsonObject &schema, const QString &path) const;
    Result checkNumber(double v, const QJsonObject &schema, const QString &path) const;
    Result checkString(const QString &s, const QJsonObject &schema, const QString &path) const;
    Result checkObject(const QJsonObject &o, const QJsonObject &schema, const QString &path);
    Result checkProperty(const QString &key, const QJsonValue &v, const QJsonObject &schema, const QString &path);
    Result checkArray(const QJsonArray &a, const QJsonObject &schema, const QString &path);
    Result checkCombinators(const QJsonValue &value, const QJsonObject &schema, const QString &path);
    Result checkConditional(const QJsonValue &value, const QJsonObject &schema, const QString &path);
};

SchemaViolation violation(const QString &path, const QString &rule, const QString &what);
QString jsonText(const QJsonValue &v);
/// JSON equality: numbers by value (1 == 1.0), objects regardless of key order.
bool jsonEqual(const QJsonValue &a, const QJsonValue &b);
/// The schema a local `$ref` (`#`, `#/$defs/a`, percent- and ~-escaped JSON pointers) points to.
std::optional<QJsonValue> resolveRef(const QJsonValue &root, const QString &ref);

} // namespace mcp::schemawalk
