// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/toolresult.h"

#include "mcp/jsonrpc.h"

using namespace Qt::StringLiterals;

namespace mcp {

namespace content {

QJsonObject text(const QString &text)
{
    return {{u"type"_s, u"text"_s}, {u"text"_s, text}};
}

QJsonObject image(const QByteArray &base64, const QString &mimeType)
{
    return {{u"type"_s, u"image"_s}, {u"data"_s, QString::fromLatin1(base64)}, {u"mimeType"_s, mimeType}};
}

QJsonObject audio(const QByteArray &base64, const QString &mimeType)
{
    return {{u"type"_s, u"audio"_s}, {u"data"_s, QString::fromLatin1(base64)}, {u"mimeType"_s, mimeType}};
}

QJsonObject embeddedText(const QString &uri, const QString &mimeType, const QString &text)
{
    const QJsonObject resource{{u"uri"_s, uri}, {u"mimeType"_s, mimeType}, {u"text"_s, text}};
    return {{u"type"_s, u"resource"_s}, {u"resource"_s, resource}};
}

QJsonObject embeddedBlob(const QString &uri, const QString &mimeType, const QByteArray &base64)
{
    const QJsonObject resource{{u"uri"_s, uri}, {u"mimeType"_s, mimeType}, {u"blob"_s, QString::fromLatin1(base64)}};
    return {{u"type"_s, u"resource"_s}, {u"resource"_s, resource}};
}

QJsonObject resourceLink(const QString &uri, const QString &name, const QString &mimeType)
{
    QJsonObject link{{u"type"_s, u"resource_link"_s}, {u"uri"_s, uri}, {u"name"_s, name}};
    if (!mimeType.isEmpty()) {
        link.insert(u"mimeType"_s, mimeType);
    }
    return link;
}

QJsonObject forRevision(const QJsonObject &block, Revision revision)
{
    const QString type = block.value("type"_L1).toString();
    if (type == "audio"_L1 && !protocol::has2025_03_26(revision)) {
        return text(u"[audio content omitted: it needs MCP 2025-03-26 or newer]"_s);
    }
    if (type == "resource_link"_L1 && !protocol::has2025_06_18(revision)) {
        return text(u"Resource: "_s + block.value("uri"_L1).toString());
    }
    return block;
}

} // namespace content

ToolResult ToolResult::text(const QString &text)
{
    ToolResult r;
    r.content.append(content::text(text));
    return r;
}

ToolResult ToolResult::error(const QString &text)
{
    ToolResult r = ToolResult::text(text);
    r.isError = true;
    return r;
}

ToolResult ToolResult::structured(const QJsonObject &data)
{
    ToolResult r = ToolResult::text(QString::fromUtf8(jsonrpc::compact(data)));
    r.structuredContent = data;
    r.hasStructuredContent = true;
    return r;
}

ToolResult &ToolResult::add(const QJsonObject &block)
{
    content.append(block);
    return *this;
}

QJsonObject ToolResult::toJson(Revision revision) const
{
    QJsonArray blocks;
    for (const QJsonValue &block : content) {
        blocks.append(content::forRevision(block.toObject(), revision));
    }
    QJsonObject out{{u"content"_s, blocks}};
    if (hasStructuredContent && protocol::has2025_06_18(revision)) {
        out.insert(u"structuredContent"_s, structuredContent);
    }
    if (isError) {
        out.insert(u"isError"_s, true);
    }
    if (!meta.isEmpty()) {
        out.insert(u"_meta"_s, meta);
    }
    return out;
}

namespace {

/// The payload string of a block that counts against the cap, and its key.
QString payloadKey(const QJsonObject &block)
{
    const QString type = block.value("type"_L1).toString();
    if (type == "text"_L1) {
        return u"text"_s;
    }
    if (type == "image"_L1 || type == "audio"_L1) {
        return u"data"_s;
    }
    return {};
}

qsizetype blockBytes(const QJsonObject &block)
{
    const QString key = payloadKey(block);
    return key.isEmpty() ? jsonrpc::compact(block).size() : block.value(key).toString().toUtf8().size();
}

QString cutUtf8(const QString &text, qsizetype maxBytes)
{
    QByteArray bytes = text.toUtf8().left(maxBytes);
    qsizetype lead = bytes.size() - 1;
    while (lead > 0 && (static_cast<unsigned char>(bytes.at(lead)) & 0xC0) == 0x80) {
        --lead; // back to the first byte of the last character
    }
    if (lead >= 0) {
        const auto first = static_cast<unsigned char>(bytes.at(lead));
        const qsizetype length = first < 0x80 ? 1 : (first >> 5) == 0x6 ? 2 : (first >> 4) == 0xE ? 3 : 4;
        if (bytes.size() - lead < length) {
            bytes.truncate(lead); // the cut split this character
        }
    }
    return QString::fromUtf8(bytes);
}

} // namespace

ToolResult capToolResult(ToolResult result, qsizetype maxBytes)
{
    qsizetype total = 0;
    for (const QJsonValue &block : std::as_const(result.content)) {
        total += blockBytes(block.toObject());
    }
    const qsizetype structuredBytes =
        result.hasStructuredContent ? jsonrpc::compact(result.structuredContent).size() : 0;
    if (total <= maxBytes && structuredBytes <= maxBytes) {
        return result;
    }
    const QString note =
        u"[Result truncated: the full result has %1 bytes, the limit is %2 bytes. Narrow the request "
        "(a smaller range, fewer items, a filter or a limit/offset argument) and call the tool again.]"_s
            .arg(qMax(total, structuredBytes))
            .arg(maxBytes);
    if (result.hasStructuredContent) {
        // Structured JSON cannot be cut safely: report it as a tool error the model can act on.
        return ToolResult::error(note);
    }
    QJsonArray kept;
    qsizetype budget = maxBytes;
    for (const QJsonValue &value : std::as_const(result.content)) {
        QJsonObject block = value.toObject();
        const qsizetype size = blockBytes(block);
        if (size <= budget) {
            kept.append(block);
            budget -= size;
        } else if (payloadKey(block) == "text"_L1 && budget > 0) {
            block.insert(u"text"_s, cutUtf8(block.value("text"_L1).toString(), budget));
            kept.append(block);
            budget = 0;
        }
    }
    kept.append(content::text(note));
    result.content = kept;
    return result;
}

} // namespace mcp
