// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/rpcerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

/// JSON-RPC 2.0 codec. Ids are kept as their raw JSON text and spliced back verbatim.
namespace mcp::jsonrpc {

enum class Kind {
    Request,
    Notification,
    Response,
    Invalid, ///< answer with `error` (to `rawId`, or null when unreadable)
};

/// One decoded message.
struct Message
{
    Kind kind = Kind::Invalid;
    QByteArray raw; ///< the message's own JSON text
    QByteArray rawId; ///< verbatim id token; empty when absent or unusable
    QString method;
    QJsonObject params;
    QJsonObject result; ///< Response: the result object
    bool isError = false; ///< Response: an error response
    RpcError error; ///< Response: the error; Invalid: what to answer
};

/// The decoded bytes of one framed message (one NDJSON line or one HTTP body).
struct Decoded
{
    bool parseError = false; ///< answer -32700 with id null
    bool isBatch = false;
    bool isEmptyBatch = false;
    QList<Message> messages;
};

Decoded decode(const QByteArray &bytes);

/// Canonical key of a raw id token: equal ids give equal keys ("s:" + string, "n:" + number text).
QByteArray idKey(QByteArrayView rawId);
/// Raw text of a member nested in a message, e.g. rawPath(msg.raw, {"params", "_meta", "progressToken"}).
QByteArray rawPath(QByteArrayView json, std::initializer_list<QByteArrayView> keys);
/// True for a raw token that is a JSON string or an integer.
bool isValidIdToken(QByteArrayView raw);

QByteArray encodeResult(QByteArrayView rawId, const QJsonObject &result);
QByteArray encodeError(QByteArrayView rawId, const RpcError &error);
QByteArray encodeNotification(const QString &method, const QJsonObject &params);
/// Like encodeNotification, with `"<key>":<raw>` spliced first into params (progress tokens).
QByteArray
encodeNotificationWithRaw(const QString &method, const char *key, QByteArrayView raw, const QJsonObject &params);
QByteArray encodeRequest(QByteArrayView rawId, const QString &method, const QJsonObject &params);
QByteArray compact(const QJsonObject &object);

} // namespace mcp::jsonrpc
