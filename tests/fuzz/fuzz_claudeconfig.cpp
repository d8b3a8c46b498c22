// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: merging DIMO Tray into Claude Desktop's config (app::ClaudeDesktopConfig::
// install), run on a real file in a private folder. The input is the existing config file.
// Invariants: no crash; a refusal leaves the file byte for byte as it was; a success leaves a
// JSON object whose mcpServers.dimo runs the shim, keeps every other top-level key and every other
// server as they were, backs up the original bytes exactly, and a second install changes nothing.
#include "app/tray/clients/claudedesktopconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdint>

#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    fuzz::check(f.open(QIODevice::WriteOnly | QIODevice::Truncate), "the fuzzer can write its input file");
    f.write(bytes);
}

QJsonObject parsedObject(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
    }
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    static QTemporaryDir dir;
    fuzz::check(dir.isValid(), "a private folder for the config");
    const QString path = dir.filePath(u"claude_desktop_config.json"_s);
    const QString shim = u"/opt/dimo tray/mcp-dimo"_s;
    QFile::remove(path);
    QFile::remove(path + u".bak"_s);

    const QByteArray original(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    writeAll(path, original);
    const app::ClaudeDesktopInstall result = app::ClaudeDesktopConfig::install(path, shim);
    if (!result.ok()) {
        fuzz::check(readAll(path) == original, "a refused config is left byte for byte");
        fuzz::check(!result.error.isEmpty(), "a refusal says why");
        return 0;
    }
    const QJsonObject before = parsedObject(original);
    const QJsonObject after = parsedObject(readAll(path));
    const QJsonObject servers = after.value(u"mcpServers"_s).toObject();
    fuzz::check(servers.value(app::ClaudeDesktopConfig::serverName()).toObject().value(u"command"_s).toString() == shim,
                "the dimo entry runs the shim");
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (it.key() != u"mcpServers"_s) {
            fuzz::check(after.value(it.key()) == it.value(), "other top-level keys are kept");
        }
    }
    const QJsonObject oldServers = before.value(u"mcpServers"_s).toObject();
    for (auto it = oldServers.begin(); it != oldServers.end(); ++it) {
        if (it.key() != app::ClaudeDesktopConfig::serverName()) {
            fuzz::check(servers.value(it.key()) == it.value(), "other servers are kept");
        }
    }
    if (!result.backupPath.isEmpty()) {
        fuzz::check(readAll(result.backupPath) == original, "the backup holds the original bytes");
    }
    const app::ClaudeDesktopInstall again = app::ClaudeDesktopConfig::install(path, shim);
    fuzz::check(again.outcome == app::ClaudeDesktopInstall::Outcome::UpToDate, "a second install changes nothing");
    return 0;
}
