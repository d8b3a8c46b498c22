// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

/// JSON-RPC lines written around a raw id: every function returns one compact line (no newline)
/// that echoes the request's id byte for byte (raw JSON text such as 9007199254740993 or "a"),
/// which QJsonValue cannot (it turns numbers into doubles). Used by the engine and the shim.
namespace mcp::wire {

/// `{"jsonrpc":"2.0","id":<rawId>,"result":<result>}`
QByteArray resultLine(QByteArrayView rawId, const QJsonObject &result);
/// `{"jsonrpc":"2.0","id":<rawId>,"error":{code,message[,data]}}`; an empty \a rawId is `null`.
QByteArray errorLine(QByteArrayView rawId, int code, const QString &message, const QJsonValue &data = {});
/// \a line with the raw value of its top-level member \a key replaced by \a raw; empty if the
/// line has no such member.
QByteArray withMember(const QByteArray &line, QByteArrayView key, QByteArrayView raw);

} // namespace mcp::wire
