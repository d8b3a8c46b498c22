// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/clients/claudedesktopconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace app {

namespace {

ClaudeDesktopInstall failure(const QString &path, const QString &error)
{
    ClaudeDesktopInstall r;
    r.outcome = ClaudeDesktopInstall::Outcome::Failed;
    r.path = path;
    r.error = error;
    return r;
}

QString parseErrorText(const QByteArray &text, const QJsonParseError &error)
{
    const QByteArray before = text.left(error.offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
    return ClaudeDesktopConfig::tr("line %1, column %2: %3").arg(line).arg(column).arg(error.errorString());
}

// Writes `data` to `path` atomically (a temporary file renamed over the target).
QString writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return ClaudeDesktopConfig::tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    file.write(data);
    if (!file.commit()) {
        return ClaudeDesktopConfig::tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return {};
}

// The backup holds what the config holds (often an `env` with DIMO_PRIVATE_KEY), so it gets the
// config's permissions (0600 stays 0600; on Windows both inherit the user's AppData ACL). A `.bak`
// that is a symbolic link is replaced by a file of our own, never followed: its target is untouched.
QString writeBackup(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions)
{
    if (QFileInfo(path).isSymLink() && !QFile::remove(path)) {
        return ClaudeDesktopConfig::tr("Cannot replace %1, a symbolic link; remove it and try again").arg(path);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return ClaudeDesktopConfig::tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    if (QFileInfo(path).isSymLink()) { // planted again between the removal and open(), which followed it
        file.cancelWriting();
        return ClaudeDesktopConfig::tr(
                   "Cannot write %1: it keeps turning into a symbolic link; remove it and try again")
            .arg(path);
    }
    if (!file.setPermissions(permissions)) { // the temporary file, before the first byte is in it
        file.cancelWriting();
        return ClaudeDesktopConfig::tr("Cannot restrict the permissions of %1: %2").arg(path, file.errorString());
    }
    file.write(data);
    if (!file.commit()) {
        return ClaudeDesktopConfig::tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return {};
}

bool pointsAtShim(const QJsonValue &entry, const QString &shimPath)
{
    const QJsonObject o = entry.toObject();
    return entry.isObject() && o.value("command"_L1) == QJsonValue(shimPath) && o.value("args"_L1).isArray()
        && o.value("args"_L1).toArray().isEmpty();
}

// The config as it is: its bytes (kept for the backup) and its JSON object; `error` says why it
// cannot be used (it is then left unchanged).
struct ReadConfig
{
    QByteArray original;
    QJsonObject root;
    QString error;
};

ReadConfig readConfig(const QString &path)
{
    ReadConfig read;
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            read.error = ClaudeDesktopConfig::tr("Cannot read %1: %2").arg(path, file.errorString());
            return read;
        }
        read.original = file.readAll();
    }
    QByteArray text = read.original;
    if (text.startsWith("\xEF\xBB\xBF")) {
        text.remove(0, 3); // Notepad's byte order mark; QJsonDocument rejects it
    }
    if (text.trimmed().isEmpty()) {
        return read;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        read.error =
            ClaudeDesktopConfig::tr("%1 is not valid JSON (%2). It was left unchanged; fix or remove it and try again.")
                .arg(path, parseErrorText(text, error));
    } else if (!doc.isObject()) {
        read.error = ClaudeDesktopConfig::tr(
                         "The top level of %1 is not a JSON object. It was left unchanged; fix or remove it and try "
                         "again.")
                         .arg(path);
    } else {
        read.root = doc.object();
    }
    return read;
}

} // namespace

QString ClaudeDesktopInstall::summary() const
{
    const QString backup = backupPath.isEmpty() ? QString() : ClaudeDesktopConfig::tr(" (backup: %1)").arg(backupPath);
    switch (outcome) {
    case Outcome::Added:
        return ClaudeDesktopConfig::tr("Added dimo to %1%2. Restart Claude Desktop to use it.").arg(path, backup);
    case Outcome::Updated:
        return ClaudeDesktopConfig::tr("Updated dimo in %1%2. Restart Claude Desktop to use it.").arg(path, backup);
    case Outcome::UpToDate:
        return ClaudeDesktopConfig::tr("%1 already starts dimo from this DIMO Tray; nothing changed.").arg(path);
    case Outcome::Failed:
        break;
    }
    return error;
}

QString ClaudeDesktopConfig::serverName()
{
    return u"dimo"_s;
}

QString ClaudeDesktopConfig::path(Os os, const PlatformDirs &dirs, const QString &msixPackage)
{
    switch (os) {
    case Os::MacOs:
        return dirs.home + u"/Library/Application Support/Claude/claude_desktop_config.json"_s;
    case Os::Windows:
        // Since early 2026 the Windows installer is an MSIX package, whose file-system
        // virtualization hides %APPDATA%\Claude from the app (anthropics/claude-code#26073, #25579).
        if (!msixPackage.isEmpty()) {
            return msixPackage + u"\\LocalCache\\Roaming\\Claude\\claude_desktop_config.json"_s;
        }
        return dirs.roamingAppData() + u"\\Claude\\claude_desktop_config.json"_s;
    case Os::Linux:
        break;
    }
    // Claude Desktop is an Electron app: its config lives in app.getPath('appData') + "/Claude",
    // which is the XDG config home on Linux (community builds; there is no official Linux release).
    return dirs.configHome() + u"/Claude/claude_desktop_config.json"_s;
}

QString ClaudeDesktopConfig::path()
{
    const PlatformDirs dirs = PlatformDirs::current();
    const QString package = currentOs() == Os::Windows ? findMsixPackage(dirs.localAppDataDir()) : QString();
    return path(currentOs(), dirs, package);
}

QString ClaudeDesktopConfig::findMsixPackage(const QString &localAppData)
{
    const QDir packages(localAppData + u"/Packages"_s);
    const QStringList names = packages.entryList({u"Claude_*"_s}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        if (QFile::exists(packages.filePath(name) + u"/LocalCache/Roaming/Claude/claude_desktop_config.json"_s)) {
            return localAppData + u"\\Packages\\"_s + name;
        }
    }
    return names.isEmpty() ? QString() : localAppData + u"\\Packages\\"_s + names.constFirst();
}

/*!
    Reads `path` (a missing or blank file counts as `{}`), sets `mcpServers.dimo` to run
    `shimPath` with no arguments and writes the file back atomically (QSaveFile), after copying
    the previous content byte for byte to `path + ".bak"` (one backup, replaced by the next
    change, with the config's permissions; a `.bak` symbolic link is replaced, never followed).
    Other keys of an existing `dimo` entry (e.g. `env`) are kept; `command` and `args` are
    replaced. When the entry already runs `shimPath` with no arguments nothing is written.

    Malformed JSON, a root that is not an object or an `mcpServers` that is not an object is a
    failure naming the file and the problem, and nothing is written.

    QJsonDocument does not keep the original formatting: keys come back sorted alphabetically at
    every level, indentation becomes four spaces, a UTF-8 byte order mark is dropped, duplicate
    keys collapse to one, and numbers are doubles (integers beyond 2^53 lose precision). The
    backup keeps the original exactly.
*/
ClaudeDesktopInstall ClaudeDesktopConfig::install(const QString &path, const QString &shimPath)
{
    const ReadConfig read = readConfig(path);
    if (!read.error.isEmpty()) {
        return failure(path, read.error);
    }
    QJsonObject root = read.root;
    const QJsonValue servers = root.value("mcpServers"_L1);
    if (!servers.isUndefined() && !servers.isObject()) {
        return failure(path,
                       ClaudeDesktopConfig::tr(
                           "\"mcpServers\" in %1 is not a JSON object. It was left unchanged; fix it and try again.")
                           .arg(path));
    }
    QJsonObject serverMap = servers.toObject();
    const QJsonValue current = serverMap.value(serverName());

    ClaudeDesktopInstall result;
    result.path = path;
    if (pointsAtShim(current, shimPath)) {
        result.outcome = ClaudeDesktopInstall::Outcome::UpToDate;
        return result;
    }
    result.outcome =
        current.isUndefined() ? ClaudeDesktopInstall::Outcome::Added : ClaudeDesktopInstall::Outcome::Updated;

    QJsonObject entry = current.toObject();
    entry.insert("command"_L1, shimPath);
    entry.insert("args"_L1, QJsonArray());
    serverMap.insert(serverName(), entry);
    root.insert("mcpServers"_L1, serverMap);

    // Qt's JSON writer is not lossless for every input (it drops U+FEFF inside keys and strings,
    // found by fuzz_claudeconfig): never write a file that would change another entry.
    const QByteArray updated = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (QJsonDocument::fromJson(updated).object() != root) {
        return failure(path,
                       ClaudeDesktopConfig::tr("%1 contains text DIMO Tray cannot rewrite without changing it (for "
                                               "example an invisible U+FEFF character). It was left unchanged; add the "
                                               "\"dimo\" entry by hand (see Connect an AI client).")
                           .arg(path));
    }
    if (!read.original.trimmed().isEmpty()) {
        result.backupPath = path + u".bak"_s;
        const QFileDevice::Permissions mode = QFileInfo(path).permissions();
        if (const QString error = writeBackup(result.backupPath, read.original, mode); !error.isEmpty()) {
            return failure(path, error + ClaudeDesktopConfig::tr(" (the backup; %1 was left unchanged)").arg(path));
        }
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return failure(path, ClaudeDesktopConfig::tr("Cannot create the folder of %1").arg(path));
    }
    if (const QString error = writeAtomically(path, updated); !error.isEmpty()) {
        return failure(path, error);
    }
    return result;
}

} // namespace app
