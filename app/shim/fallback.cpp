// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "fallback.h"

#include "mcp/transport/endpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace shim::fallback {

namespace {

const QString NotRunning = u"The DIMO Tray app is not running, so the DIMO tools are unavailable. "
                           "Start DIMO Tray (run `dimo-tray`, or open DIMO Tray from the applications menu) "
                           "and try again; this connection picks it up automatically."_s;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject textResult(const QString &text)
{
    return {{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}}, {u"isError"_s, true}};
}

QByteArray result(const QJsonValue &id, const QJsonObject &result)
{
    return compact({{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, result}});
}

QByteArray error(const QJsonValue &id, int code, const QString &message)
{
    return compact({{u"jsonrpc"_s, u"2.0"_s},
                    {u"id"_s, id},
                    {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}});
}

QJsonObject initializeResult(const QJsonObject &params)
{
    static const QStringList supported{u"2025-11-25"_s, u"2025-06-18"_s, u"2025-03-26"_s, u"2024-11-05"_s};
    const QString requested = params.value(u"protocolVersion"_s).toString();
    return {{u"protocolVersion"_s, supported.contains(requested) ? requested : supported.first()},
            {u"capabilities"_s, QJsonObject{{u"tools"_s, QJsonObject{{u"listChanged"_s, true}}}}},
            {u"serverInfo"_s,
             QJsonObject{{u"name"_s, u"dimo-tray"_s},
                         {u"title"_s, u"DIMO Tray"_s},
                         {u"version"_s, QStringLiteral(DIMOTRAY_VERSION)}}},
            {u"instructions"_s, NotRunning}};
}

} // namespace

QByteArray answer(const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(QJsonValue::Null, -32700, u"Parse error: "_s + parseError.errorString());
    if (!doc.isObject())
        return error(QJsonValue::Null, -32600, u"Invalid Request: expected one JSON-RPC object per line"_s);
    const QJsonObject message = doc.object();
    const QJsonValue id = message.value(u"id"_s);
    const QString method = message.value(u"method"_s).toString();
    if (id.isUndefined() || method.isEmpty())
        return {}; // notification or response: nothing to answer
    if (method == u"initialize")
        return result(id, initializeResult(message.value(u"params"_s).toObject()));
    if (method == u"ping")
        return result(id, {});
    if (method == u"tools/list")
        return result(id, {{u"tools"_s, QJsonArray{}}});
    if (method == u"tools/call")
        return result(id, textResult(NotRunning));
    return error(id, -32601, u"Method not found: %1 (the DIMO Tray app is not running)"_s.arg(method));
}

QByteArray interrupted(QByteArrayView rawId, bool toolsCall)
{
    static const QByteArray text =
        QByteArrayLiteral("DIMO Tray restarted while this request was in flight; its outcome is unknown. Try again.");
    QByteArray out = QByteArrayLiteral(R"({"jsonrpc":"2.0","id":)") + rawId.toByteArray();
    if (toolsCall)
        out += QByteArrayLiteral(R"(,"result":{"content":[{"type":"text","text":")") + text
            + QByteArrayLiteral(R"("}],"isError":true}})");
    else
        out += QByteArrayLiteral(R"(,"error":{"code":-32603,"message":")") + text + QByteArrayLiteral(R"("}})");
    return out;
}

QByteArray tooLarge(QByteArrayView rawId)
{
    return QByteArrayLiteral(R"({"jsonrpc":"2.0","id":)") + rawId.toByteArray()
        + QByteArrayLiteral(R"(,"error":{"code":-32603,"message":"The response from DIMO Tray exceeded )")
        + QByteArray::number(mcp::transport::MaxLineBytes) + QByteArrayLiteral(R"( bytes and was dropped"}})");
}

QByteArray oversize()
{
    return mcp::transport::oversizeErrorLine();
}

QByteArray withId(const QByteArray &line, const QByteArray &id)
{
    QJsonObject message = QJsonDocument::fromJson(line).object();
    if (message.isEmpty())
        return {};
    message.insert(u"id"_s, QString::fromUtf8(id));
    return compact(message);
}

QByteArray cancelledId(const QByteArray &line)
{
    const QJsonValue id = QJsonDocument::fromJson(line).object().value(u"params"_s).toObject().value(u"requestId"_s);
    if (id.isString() || id.isDouble())
        return QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact).sliced(1).chopped(1);
    return {};
}

} // namespace shim::fallback
