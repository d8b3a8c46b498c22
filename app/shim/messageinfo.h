// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>

namespace shim {

// What the shim needs to know about one JSON-RPC line, found by a single allocation-free pass
// over the top-level object that stops as soon as the answer is known (no full JSON parse).
struct MessageInfo
{
    bool isObject = false; // the line starts with '{' (the shim never forwards anything else)
    QByteArrayView id; // raw JSON text of the top-level "id" (e.g. 7 or "a"), empty if absent
    QByteArrayView method; // contents of the top-level "method" string, escapes not decoded
    bool isResponse = false; // has a top-level "result" or "error"

    bool isRequest() const { return !id.isEmpty() && !method.isEmpty(); }

    bool isNotification() const { return id.isEmpty() && !method.isEmpty(); }
};

MessageInfo scanMessage(QByteArrayView line);

} // namespace shim
