// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/prompt.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcp {

QJsonObject Prompt::toJson(Revision revision) const
{
    const bool titles = protocol::has2025_06_18(revision);
    QJsonObject out{{u"name"_s, name}, {u"description"_s, description}};
    if (titles && !title.isEmpty()) {
        out.insert(u"title"_s, title);
    }
    if (!arguments.isEmpty()) {
        QJsonArray args;
        for (const PromptArgument &a : arguments) {
            QJsonObject arg{{u"name"_s, a.name}, {u"required"_s, a.required}};
            if (!a.description.isEmpty()) {
                arg.insert(u"description"_s, a.description);
            }
            if (titles && !a.title.isEmpty()) {
                arg.insert(u"title"_s, a.title);
            }
            args.append(arg);
        }
        out.insert(u"arguments"_s, args);
    }
    return out;
}

} // namespace mcp
