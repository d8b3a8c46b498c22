// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/clients/clientsnippets.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace app {

namespace {

// A JSON string literal, quotes included.
QString jsonString(const QString &s)
{
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString shellQuoted(const QString &arg, Os os)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_@%+=:,./\\\\-]+$"_s);
    if (plain.match(arg).hasMatch()) {
        return arg;
    }
    if (os == Os::Windows) {
        return u'"' + arg + u'"'; // Windows paths cannot contain '"'
    }
    return u'\'' + QString(arg).replace(u"'"_s, u"'\\''"_s) + u'\'';
}

QString stdioEntry(const QString &indent, const QString &shim, const QString &extra)
{
    return indent + u"\"dimo\": {\n"_s + extra + indent + u"  \"command\": "_s + jsonString(shim) + u",\n"_s + indent
        + u"  \"args\": []\n"_s + indent + u"}\n"_s;
}

} // namespace

QString mcpServersSnippet(const QString &shim)
{
    return u"{\n  \"mcpServers\": {\n"_s + stdioEntry(u"    "_s, shim, {}) + u"  }\n}\n"_s;
}

QString claudeCodeSnippet(const QString &shim, Os os)
{
    return u"claude mcp add --scope user dimo -- "_s + shellQuoted(shim, os) + u'\n';
}

QString vscodeSnippet(const QString &shim)
{
    return u"{\n  \"servers\": {\n"_s + stdioEntry(u"    "_s, shim, u"      \"type\": \"stdio\",\n"_s) + u"  }\n}\n"_s;
}

QString httpSnippet(const QUrl &url, const QString &token)
{
    const QString u = url.toString();
    const QString header = u"Authorization: Bearer "_s + token;
    const QString headers = u"\"headers\": { \"Authorization\": "_s + jsonString(u"Bearer "_s + token) + u" }"_s;
    return u"URL:    "_s + u + u"\nHeader: "_s + header
        + u"\n\nClaude Code:\nclaude mcp add --scope user --transport http dimo-http "_s + u + u" --header \""_s
        + header + u"\"\n\nCursor (~/.cursor/mcp.json):\n{ \"mcpServers\": { \"dimo-http\": { \"url\": "_s
        + jsonString(u) + u", "_s + headers
        + u" } } }\n\nVS Code (.vscode/mcp.json):\n{ \"servers\": { \"dimo-http\": { \"type\": \"http\", \"url\": "_s
        + jsonString(u) + u", "_s + headers + u" } } }\n"_s;
}

QList<ui::ClientSnippet> clientSnippets(const QString &shim, Os os)
{
    return {
        {u"Claude Code"_s,
         QCoreApplication::translate("app::ClientSnippets",
                                     "Run in a terminal (adds dimo for your user in every project):"),
         claudeCodeSnippet(shim, os)},
        {u"Cursor"_s,
         QCoreApplication::translate("app::ClientSnippets",
                                     "Add to ~/.cursor/mcp.json (all projects) or .cursor/mcp.json (one project):"),
         mcpServersSnippet(shim)},
        {u"VS Code"_s,
         QCoreApplication::translate(
             "app::ClientSnippets",
             "Add to .vscode/mcp.json in your workspace, or run \"MCP: Open User Configuration\":"),
         vscodeSnippet(shim)},
    };
}

QByteArray generateHttpToken()
{
    std::array<quint32, 8> words{}; // 32 bytes
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace app
