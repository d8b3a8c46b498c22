// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace mcp {

/// One schema rule a value broke.
struct SchemaViolation
{
    QString path; ///< e.g. "vin", "filters[2].name"; empty for the value itself
    QString rule; ///< the JSON Schema keyword: "type", "required", "enum", "minimum", ...
    QString message; ///< developer English, names the field and the rule

    QString toString() const;
};

/// Validates JSON values against the JSON Schema subset tool schemas use: type, required,
/// properties, additionalProperties, enum, const, minimum/maximum (+ exclusive), minLength/
/// maxLength, pattern, items, minItems/maxItems, anyOf/oneOf/allOf and local `$ref`s
/// (`#/$defs/...`, `#/definitions/...`). Unknown keywords are ignored.
class SchemaValidator
{
public:
    static std::optional<SchemaViolation> validate(const QJsonValue &value, const QJsonObject &schema);
};

} // namespace mcp
