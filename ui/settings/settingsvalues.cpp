// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settingsvalues.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace ui {

QString cleanApiKeyInput(const QString &text)
{
    QString key;
    key.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace() && c != u'"' && c != u'\'') {
            key.append(c);
        }
    }
    if (key.startsWith(u"0x"_s, Qt::CaseInsensitive)) {
        key.remove(0, 2);
    }
    return key.toLower();
}

} // namespace ui
