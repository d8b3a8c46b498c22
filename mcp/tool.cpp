// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/tool.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mcp {

ToolAnnotations ToolAnnotations::readOnly(const QString &title, bool openWorld)
{
    return ToolAnnotations{title, true, false, true, openWorld};
}

ToolAnnotations ToolAnnotations::action(const QString &title, bool destructive, bool idempotent, bool openWorld)
{
    return ToolAnnotations{title, false, destructive, idempotent, openWorld};
}

QJsonObject ToolAnnotations::toJson() const
{
    // Every hint that carries information is explicit: readOnlyHint always; destructiveHint and
    // idempotentHint when the tool writes (the spec gives them meaning only then); openWorldHint
    // when false (the spec default is true). A conforming client reads the same four values as if
    // all four were sent, for ~80 bytes less per read-only tool of every session's context.
    QJsonObject out{{u"readOnlyHint"_s, readOnlyHint}};
    if (!readOnlyHint) {
        out.insert(u"destructiveHint"_s, destructiveHint);
        out.insert(u"idempotentHint"_s, idempotentHint);
    }
    if (!openWorldHint) {
        out.insert(u"openWorldHint"_s, false);
    }
    if (!title.isEmpty()) {
        out.insert(u"title"_s, title);
    }
    return out;
}

bool Tool::isValidName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z0-9_.-]{1,128}$"_s);
    return re.match(name).hasMatch();
}

QJsonObject Tool::effectiveInputSchema() const
{
    if (inputSchema.isEmpty()) {
        return {{u"type"_s, u"object"_s}, {u"additionalProperties"_s, false}};
    }
    return inputSchema;
}

QJsonObject Tool::toJson(Revision revision) const
{
    QJsonObject out{{u"name"_s, name}, {u"description"_s, description}, {u"inputSchema"_s, effectiveInputSchema()}};
    if (protocol::has2025_03_26(revision)) {
        QJsonObject hints = annotations.toJson();
        // From 2025-06-18 the tool's own title is sent; the same title again in the annotations
        // only costs the model context.
        if (protocol::has2025_06_18(revision) && annotations.title == title && !title.isEmpty()) {
            hints.remove(u"title"_s);
        }
        out.insert(u"annotations"_s, hints);
    }
    if (protocol::has2025_06_18(revision)) {
        if (!title.isEmpty()) {
            out.insert(u"title"_s, title);
        }
        if (!outputSchema.isEmpty()) {
            out.insert(u"outputSchema"_s, outputSchema);
        }
    }
    if (protocol::has2025_11_25(revision) && !icons.isEmpty()) {
        out.insert(u"icons"_s, icons);
    }
    return out;
}

} // namespace mcp
