// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/shim/fallback.h"

#include "mcp/wire/errorcodes.h"
#include "mcp/wire/jsonscan.h"
#include "mcp/wire/lineframer.h"
#include "mcp/wire/messages.h"
#include "mcp/wire/protocolversions.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace shim::fallback {

namespace {

namespace errc = mcp::errc;
using mcp::wire::errorLine;
using mcp::wire::resultLine;

const QString NotRunning = u"The DIMO Tray app is not running, so the DIMO tools are unavailable. "
                           "Start DIMO Tray (run `dimo-tray`, or open DIMO Tray from the applications menu) "
                           "and try again; this connection picks it up automatically."_s;

QJsonObject textResult(const QString &text)
{
    return {{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}}, {u"isError"_s, true}};
}

QJsonObject initializeResult(const QJsonObject &params)
{
    const QString requested = params.value(u"protocolVersion"_s).toString();
    return {{u"protocolVersion"_s, mcp::wire::negotiateProtocolVersion(requested).toString()},
            {u"capabilities"_s, QJsonObject{{u"tools"_s, QJsonObject{{u"listChanged"_s, true}}}}},
            {u"serverInfo"_s,
             QJsonObject{{u"name"_s, u"dimo-tray"_s},
                         {u"title"_s, u"DIMO Tray"_s},
                         {u"version"_s, QStringLiteral(DIMOTRAY_VERSION)}}},
            {u"instructions"_s, NotRunning}};
}

QString refusedText(const QString &refusal)
{
    return u"mcp-dimo refused to connect to DIMO Tray, so the DIMO tools are unavailable: %1"_s.arg(refusal);
}

} // namespace

QByteArray answer(const QByteArray &line, const QString &refusal)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return parseError.error != QJsonParseError::NoError
            ? errorLine({}, errc::ParseError, u"Parse error: "_s + parseError.errorString())
            : errorLine({}, errc::InvalidRequest, u"Invalid Request: expected one JSON-RPC object per line"_s);
    }
    const QByteArrayView id = mcp::jsonscan::member(line, "id");
    const QString method = doc.object().value(u"method"_s).toString();
    if (id.isEmpty() || method.isEmpty()) {
        return {}; // notification or response: nothing to answer
    }
    if (!refusal.isEmpty() && method != u"ping") {
        return method == u"tools/call" ? resultLine(id, textResult(refusedText(refusal)))
                                       : errorLine(id, errc::InternalError, refusedText(refusal));
    }
    if (method == u"initialize") {
        return resultLine(id, initializeResult(doc.object().value(u"params"_s).toObject()));
    }
    if (method == u"ping" || method == u"tools/list") {
        return resultLine(id, method == u"ping" ? QJsonObject() : QJsonObject{{u"tools"_s, QJsonArray()}});
    }
    if (method == u"tools/call") {
        return resultLine(id, textResult(NotRunning));
    }
    return errorLine(
        id, errc::MethodNotFound, u"Method not found: %1 (the DIMO Tray app is not running)"_s.arg(method));
}

QByteArray interrupted(QByteArrayView rawId, bool toolsCall)
{
    const QString text = u"DIMO Tray restarted while this request was in flight; its outcome is unknown. Try again."_s;
    return toolsCall ? resultLine(rawId, textResult(text)) : errorLine(rawId, errc::InternalError, text);
}

QByteArray tooLarge(QByteArrayView rawId)
{
    return errorLine(rawId,
                     errc::InternalError,
                     u"The response from DIMO Tray exceeded %1 bytes and was dropped"_s.arg(mcp::wire::MaxLineBytes));
}

} // namespace shim::fallback
