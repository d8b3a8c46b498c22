// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/sse.h"

#include <QList>
#include <QStringBuilder>

namespace mcp::http::sse {

QByteArray event(const QByteArray &json, const QByteArray &id)
{
    QByteArray out = "event: message\n";
    if (!id.isEmpty()) {
        out += "id: " + id + '\n';
    }
    // Compact JSON has no raw newlines; split defensively so a stray one cannot end the event.
    for (const QByteArray &line : json.split('\n')) {
        out += "data: " + line + '\n';
    }
    return out + '\n';
}

QByteArray priming(const QByteArray &id, int retryMs)
{
    return "id: " + id + "\nretry: " + QByteArray::number(retryMs) + "\ndata: \n\n";
}

QByteArray comment(const QByteArray &text)
{
    return ": " + text + "\n\n";
}

} // namespace mcp::http::sse
