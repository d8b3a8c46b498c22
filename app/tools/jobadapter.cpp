// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/jobadapter.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace app::tools {

mcp::ToolResult errorResult(const dimo::Error &error)
{
    QString text = error.toString();
    if (!error.partialData.isNull() && !error.partialData.isUndefined()) {
        const QJsonDocument partial = error.partialData.isObject() ? QJsonDocument(error.partialData.toObject())
                                                                   : QJsonDocument(error.partialData.toArray());
        text += u"\nPartial data DIMO returned: "_s + QString::fromUtf8(partial.toJson(QJsonDocument::Compact));
    }
    return mcp::ToolResult::error(text);
}

} // namespace app::tools
