// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/schemaviolation.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace mcp {

/// Validates JSON values against JSON Schema 2020-12 (the dialect MCP tool schemas use), limited
/// to the keywords mcp/README.md lists as supported: type, enum, const, multipleOf, minimum,
/// maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength, pattern, items (one schema),
/// minItems, maxItems, uniqueItems, contains, required, properties, patternProperties,
/// additionalProperties, propertyNames, minProperties, maxProperties, allOf, anyOf, oneOf, not,
/// if/then/else, boolean schemas, and local `$ref`s (JSON pointers into the same document, e.g.
/// `#/$defs/x`; siblings of `$ref` apply too), plus annotations (title, description, default,
/// format, ...) that assert nothing. Schemas using anything else are refused by unsupported(),
/// which Registry::addTool applies, so validate() never meets a keyword it would misread.
/// Verified against the official JSON Schema Test Suite (tests/mcp/tst_mcpschemasuite.cpp).
class SchemaValidator
{
public:
    /// The first rule \a value breaks, if any. \a schema is an object or a boolean schema.
    static std::optional<SchemaViolation> validate(const QJsonValue &value, const QJsonValue &schema);

    /// The first string in \a value, at any depth and object keys included, longer than
    /// \a maxLength characters (rule "maxLength"). Independent of any schema: tools/call applies
    /// it to every tool's arguments before validate(), so a string no schema bounds still cannot
    /// carry megabytes into a handler.
    static std::optional<SchemaViolation> oversizeString(const QJsonValue &value, qsizetype maxLength);

    /// Why \a schema cannot be used (an unsupported or unknown keyword, a malformed keyword
    /// value, a `$ref` that is not local or does not resolve), naming the JSON pointer of the
    /// offending place; nullopt when validate() understands all of it.
    static std::optional<QString> unsupported(const QJsonValue &schema);
};

} // namespace mcp
