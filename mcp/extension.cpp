// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/extension.h"

using namespace Qt::StringLiterals;

namespace mcp {

bool Extension::declaredBy(const QJsonObject &clientCapabilities) const
{
    const QJsonValue declared = clientCapabilities.value("extensions"_L1).toObject().value(id);
    if (id.isEmpty() || !declared.isObject()) {
        return false;
    }
    return !accepts || accepts(declared.toObject());
}

} // namespace mcp
