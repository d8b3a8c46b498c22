// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/messages.h"

#include "mcp/wire/jsonscan.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace mcp::wire {

namespace {

QByteArray response(QByteArrayView rawId, QByteArrayView member, const QJsonObject &value)
{
    const QByteArrayView id = rawId.isEmpty() ? QByteArrayView("null") : rawId;
    return R"({"jsonrpc":"2.0","id":)" + id.toByteArray() + ",\"" + member.toByteArray()
        + "\":" + QJsonDocument(value).toJson(QJsonDocument::Compact) + '}';
}

} // namespace

QByteArray resultLine(QByteArrayView rawId, const QJsonObject &result)
{
    return response(rawId, "result", result);
}

QByteArray errorLine(QByteArrayView rawId, int code, const QString &message, const QJsonValue &data)
{
    QJsonObject error{{u"code"_s, code}, {u"message"_s, message}};
    if (!data.isUndefined() && !data.isNull()) {
        error.insert(u"data"_s, data);
    }
    return response(rawId, "error", error);
}

QByteArray withMember(const QByteArray &line, QByteArrayView key, QByteArrayView raw)
{
    const QByteArrayView value = jsonscan::member(line, key);
    if (value.isEmpty()) {
        return {};
    }
    return QByteArray(line).replace(value.data() - line.constData(), value.size(), raw.toByteArray());
}

} // namespace mcp::wire
