// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/resource.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mcp {

QJsonObject ResourceContents::toJson() const
{
    QJsonObject out{{u"uri"_s, uri}};
    if (!mimeType.isEmpty()) {
        out.insert(u"mimeType"_s, mimeType);
    }
    if (isBlob) {
        out.insert(u"blob"_s, QString::fromLatin1(blob.toBase64()));
    } else {
        out.insert(u"text"_s, text);
    }
    if (!meta.isEmpty()) {
        out.insert(u"_meta"_s, meta);
    }
    return out;
}

ResourceReadResult ResourceReadResult::notFound(const QString &uri)
{
    ResourceReadResult r;
    r.error = RpcError{errc::ResourceNotFound, u"Resource not found: "_s + uri, QJsonObject{{u"uri"_s, uri}}};
    return r;
}

namespace {

void addCommon(QJsonObject &out,
               const QString &name,
               const QString &title,
               const QString &description,
               const QString &mimeType,
               Revision revision)
{
    out.insert(u"name"_s, name);
    if (!description.isEmpty()) {
        out.insert(u"description"_s, description);
    }
    if (!mimeType.isEmpty()) {
        out.insert(u"mimeType"_s, mimeType);
    }
    if (protocol::has2025_06_18(revision) && !title.isEmpty()) {
        out.insert(u"title"_s, title);
    }
}

} // namespace

QJsonObject Resource::toJson(Revision revision) const
{
    QJsonObject out{{u"uri"_s, uri}};
    addCommon(out, name, title, description, mimeType, revision);
    if (!meta.isEmpty()) {
        out.insert(u"_meta"_s, meta);
    }
    return out;
}

std::optional<QHash<QString, QString>> ResourceTemplate::match(const QString &uri) const
{
    static const QRegularExpression variable(u"\\{([A-Za-z0-9_]+)\\}"_s);
    QString pattern = u"^"_s;
    QStringList names;
    qsizetype last = 0;
    for (auto it = variable.globalMatch(uriTemplate); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        pattern += QRegularExpression::escape(uriTemplate.mid(last, m.capturedStart() - last)) + u"([^/?#]+)"_s;
        names.append(m.captured(1));
        last = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(uriTemplate.mid(last)) + u'$';
    const QRegularExpressionMatch m = QRegularExpression(pattern).match(uri);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    QHash<QString, QString> vars;
    for (qsizetype i = 0; i < names.size(); ++i) {
        vars.insert(names.at(i), m.captured(static_cast<int>(i) + 1));
    }
    return vars;
}

QJsonObject ResourceTemplate::toJson(Revision revision) const
{
    QJsonObject out{{u"uriTemplate"_s, uriTemplate}};
    addCommon(out, name, title, description, mimeType, revision);
    return out;
}

} // namespace mcp
