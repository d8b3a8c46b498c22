// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/wire/errorcodes.h"

#include <QJsonValue>
#include <QString>

namespace mcp {

/// A JSON-RPC error object.
struct RpcError
{
    int code = errc::InternalError;
    QString message;
    QJsonValue data = QJsonValue::Undefined;
};

} // namespace mcp
