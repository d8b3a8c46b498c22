// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ui {

/// A copyable configuration snippet for one AI client, shown as a tab of the connect dialog.
struct ClientSnippet
{
    QString name; ///< the client, e.g. "Cursor" (the tab title)
    QString where; ///< where the text goes, e.g. "Add to ~/.cursor/mcp.json:"
    QString text; ///< the snippet itself
};

} // namespace ui
