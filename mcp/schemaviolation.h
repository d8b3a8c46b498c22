// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// A leaf shared by SchemaValidator (the caller) and its walker (the engine): schemawalker.h
// includes this, not schemavalidator.h.
#pragma once

#include <QString>

namespace mcp {

/// One schema rule a value broke.
struct SchemaViolation
{
    QString path; ///< e.g. "vin", "filters[2].name"; empty for the value itself
    QString rule; ///< the JSON Schema keyword: "type", "required", "enum", "minimum", ...
    QString message; ///< developer English, names the field and the rule

    QString toString() const;
};

} // namespace mcp
