// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/jsonrpc.h"

#include "mcp/wire/jsonscan.h"
#include "mcp/wire/messages.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace mcp::jsonrpc {

namespace {

RpcError invalid(const QString &why)
{
    return RpcError{errc::InvalidRequest, u"Invalid Request: "_s + why, QJsonValue::Undefined};
}

Message decodeResponse(Message m, const QJsonObject &obj)
{
    m.kind = Kind::Response;
    if (obj.contains("error"_L1)) {
        const QJsonObject err = obj.value("error"_L1).toObject();
        m.isError = true;
        m.error.code = err.value("code"_L1).toInt(errc::InternalError);
        m.error.message = err.value("message"_L1).toString();
        m.error.data = err.value("data"_L1);
    } else {
        m.result = obj.value("result"_L1).toObject();
    }
    return m;
}

Message decodeOne(QByteArrayView raw, const QJsonValue &value)
{
    Message m;
    m.raw = raw.toByteArray();
    if (!value.isObject()) {
        m.error = invalid(u"not a JSON-RPC object"_s);
        return m;
    }
    const QJsonObject obj = value.toObject();
    const bool hasId = obj.contains("id"_L1);
    if (hasId) {
        const QByteArrayView rawId = jsonscan::member(raw, "id");
        if (isValidIdToken(rawId)) {
            m.rawId = rawId.toByteArray();
        }
    }
    if (obj.value("jsonrpc"_L1).toString() != "2.0"_L1) {
        m.error = invalid(u"\"jsonrpc\" must be \"2.0\""_s);
        return m;
    }
    if (hasId && m.rawId.isEmpty()) {
        m.error = invalid(u"\"id\" must be a string or an integer"_s);
        return m;
    }
    const QJsonValue method = obj.value("method"_L1);
    if (method.isUndefined()) {
        if (hasId && (obj.contains("result"_L1) || obj.contains("error"_L1))) {
            return decodeResponse(m, obj);
        }
        m.error = invalid(u"missing \"method\""_s);
        return m;
    }
    if (!method.isString()) {
        m.error = invalid(u"\"method\" must be a string"_s);
        return m;
    }
    m.method = method.toString();
    const QJsonValue params = obj.value("params"_L1);
    if (!params.isUndefined() && !params.isObject()) {
        if (params.isArray()) {
            m.error = RpcError{errc::InvalidParams, u"Invalid params: \"params\" must be an object"_s, {}};
        } else {
            m.error = invalid(u"\"params\" must be an object"_s);
        }
        m.kind = hasId ? Kind::Invalid : Kind::Notification;
        return m;
    }
    m.params = params.toObject();
    m.kind = hasId ? Kind::Request : Kind::Notification;
    return m;
}

} // namespace

bool isValidIdToken(QByteArrayView raw)
{
    if (raw.isEmpty()) {
        return false;
    }
    if (raw.front() == '"') {
        return true;
    }
    qsizetype i = raw.front() == '-' ? 1 : 0;
    if (i >= raw.size()) {
        return false;
    }
    for (; i < raw.size(); ++i) {
        if (raw[i] < '0' || raw[i] > '9') {
            return false;
        }
    }
    return true;
}

Decoded decode(const QByteArray &bytes)
{
    Decoded d;
    // Wrapping in [] lets QJsonDocument accept any top-level JSON value, not just objects/arrays.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + bytes + ']', &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1) {
        d.parseError = true;
        return d;
    }
    const QJsonValue top = doc.array().at(0);
    if (top.isArray()) {
        d.isBatch = true;
        const QJsonArray items = top.toArray();
        const QList<QByteArrayView> raws = jsonscan::elements(bytes);
        d.isEmptyBatch = items.isEmpty();
        for (qsizetype i = 0; i < items.size() && i < raws.size(); ++i) {
            d.messages.append(decodeOne(raws.at(i), items.at(i)));
        }
        return d;
    }
    const qsizetype begin = jsonscan::skipSpace(bytes, 0);
    const qsizetype end = jsonscan::valueEnd(bytes, begin);
    d.messages.append(decodeOne(QByteArrayView(bytes).sliced(begin, qMax<qsizetype>(end - begin, 0)), top));
    return d;
}

QByteArray idKey(QByteArrayView rawId)
{
    if (!rawId.isEmpty() && rawId.front() == '"') {
        const QJsonDocument doc = QJsonDocument::fromJson('[' + rawId.toByteArray() + ']');
        return "s:" + doc.array().at(0).toString().toUtf8();
    }
    return "n:" + rawId.toByteArray();
}

QByteArray rawPath(QByteArrayView json, std::initializer_list<QByteArrayView> keys)
{
    return jsonscan::path(json, keys).toByteArray();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray encodeResult(QByteArrayView rawId, const QJsonObject &result)
{
    return wire::resultLine(rawId, result);
}

QByteArray encodeError(QByteArrayView rawId, const RpcError &error)
{
    return wire::errorLine(rawId, error.code, error.message, error.data);
}

QByteArray encodeNotification(const QString &method, const QJsonObject &params)
{
    QJsonObject msg{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, method}};
    if (!params.isEmpty()) {
        msg.insert(u"params"_s, params);
    }
    return compact(msg);
}

QByteArray
encodeNotificationWithRaw(const QString &method, const char *key, QByteArrayView raw, const QJsonObject &params)
{
    QByteArray body = compact(params);
    const QByteArray member = '"' + QByteArray(key) + "\":" + raw.toByteArray();
    body.insert(1, params.isEmpty() ? member : member + ',');
    const QByteArray methodJson = QJsonDocument(QJsonArray{method}).toJson(QJsonDocument::Compact);
    return R"({"jsonrpc":"2.0","method":)" + methodJson.sliced(1, methodJson.size() - 2) + R"(,"params":)" + body + '}';
}

QByteArray encodeRequest(QByteArrayView rawId, const QString &method, const QJsonObject &params)
{
    QJsonObject msg{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, method}, {u"params"_s, params}};
    QByteArray body = compact(msg);
    body.insert(1, "\"id\":" + rawId.toByteArray() + ',');
    return body;
}

} // namespace mcp::jsonrpc
