// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/clients/claudedesktopconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Outcome = app::ClaudeDesktopInstall::Outcome;

Q_DECLARE_METATYPE(app::PlatformDirs)

namespace {

const QString shim = u"/opt/DIMO Tray/bin/mcp-dimo"_s;

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readBytes(path)).object();
}

QJsonObject dimoEntry()
{
    return QJsonObject{{u"command"_s, shim}, {u"args"_s, QJsonArray()}};
}

} // namespace

class TestClaudeDesktopConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(u"claude_desktop_config.json"_s);
    }

    void pathPerOs_data()
    {
        QTest::addColumn<app::Os>("os");
        QTest::addColumn<app::PlatformDirs>("dirs");
        QTest::addColumn<QString>("msixPackage");
        QTest::addColumn<QString>("expected");
        const app::PlatformDirs linux{u"/home/u"_s, {}, {}, {}};
        QTest::newRow("linux") << app::Os::Linux << linux << QString()
                               << u"/home/u/.config/Claude/claude_desktop_config.json"_s;
        QTest::newRow("linux XDG_CONFIG_HOME")
            << app::Os::Linux << app::PlatformDirs{u"/home/u"_s, u"/data/cfg"_s, {}, {}} << QString()
            << u"/data/cfg/Claude/claude_desktop_config.json"_s;
        QTest::newRow("linux relative XDG ignored")
            << app::Os::Linux << app::PlatformDirs{u"/home/u"_s, u"cfg"_s, {}, {}} << QString()
            << u"/home/u/.config/Claude/claude_desktop_config.json"_s;
        QTest::newRow("macos") << app::Os::MacOs << app::PlatformDirs{u"/Users/u"_s, u"/ignored"_s, {}, {}} << QString()
                               << u"/Users/u/Library/Application Support/Claude/claude_desktop_config.json"_s;
        const app::PlatformDirs windows{u"C:\\Users\\u"_s, {}, u"D:\\Roaming"_s, u"D:\\Local"_s};
        QTest::newRow("windows") << app::Os::Windows << windows << QString()
                                 << u"D:\\Roaming\\Claude\\claude_desktop_config.json"_s;
        QTest::newRow("windows without APPDATA")
            << app::Os::Windows << app::PlatformDirs{u"C:\\Users\\u"_s, {}, {}, {}} << QString()
            << u"C:\\Users\\u\\AppData\\Roaming\\Claude\\claude_desktop_config.json"_s;
        QTest::newRow("windows MSIX")
            << app::Os::Windows << windows << u"D:\\Local\\Packages\\Claude_pzs8sxrjxfjjc"_s
            << u"D:\\Local\\Packages\\Claude_pzs8sxrjxfjjc\\LocalCache\\Roaming\\Claude\\claude_desktop_config.json"_s;
    }

    void pathPerOs()
    {
        QFETCH(app::Os, os);
        QFETCH(app::PlatformDirs, dirs);
        QFETCH(QString, msixPackage);
        QFETCH(QString, expected);
        QCOMPARE(app::ClaudeDesktopConfig::path(os, dirs, msixPackage), expected);
    }

    void findMsixPackage()
    {
        const QString local = m_dir->path();
        QCOMPARE(app::ClaudeDesktopConfig::findMsixPackage(local), QString()); // not packaged
        QVERIFY(QDir(local).mkpath(u"Packages/Claude_aaa"_s));
        QVERIFY(QDir(local).mkpath(u"Packages/Other_x/LocalCache/Roaming/Claude"_s));
        QCOMPARE(app::ClaudeDesktopConfig::findMsixPackage(local), local + u"\\Packages\\Claude_aaa"_s);
        // The package whose app has written its config wins over a leftover one.
        QVERIFY(QDir(local).mkpath(u"Packages/Claude_pzs8sxrjxfjjc/LocalCache/Roaming/Claude"_s));
        writeBytes(local + u"/Packages/Claude_pzs8sxrjxfjjc/LocalCache/Roaming/Claude/claude_desktop_config.json"_s,
                   "{}");
        QCOMPARE(app::ClaudeDesktopConfig::findMsixPackage(local), local + u"\\Packages\\Claude_pzs8sxrjxfjjc"_s);
    }

    void pathForTheRunningOs()
    {
        const QString path = app::ClaudeDesktopConfig::path();
        QVERIFY(path.endsWith(u"claude_desktop_config.json"_s));
        QCOMPARE(path, app::ClaudeDesktopConfig::path(app::currentOs(), app::PlatformDirs::current()));
    }

    void missingFileIsCreated()
    {
        const QString path = m_dir->filePath(u"Claude/sub/claude_desktop_config.json"_s); // folder missing too
        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(path, shim);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.outcome, Outcome::Added);
        QCOMPARE(r.path, path);
        QVERIFY(r.backupPath.isEmpty());
        QCOMPARE(readJson(path), (QJsonObject{{u"mcpServers"_s, QJsonObject{{u"dimo"_s, dimoEntry()}}}}));
        QVERIFY(!QFile::exists(path + u".bak"_s));
        QVERIFY(r.summary().contains(path));
        QVERIFY(r.summary().contains(u"Restart Claude Desktop"_s));
    }

    void blankFileCountsAsNew()
    {
        writeBytes(m_path, " \n");
        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(m_path, shim);
        QCOMPARE(r.outcome, Outcome::Added);
        QCOMPARE(readJson(m_path).value(u"mcpServers"_s).toObject().value(u"dimo"_s).toObject(), dimoEntry());
    }

    void otherEntriesPreservedAndBackupWritten()
    {
        const QByteArray before = R"({
  "globalShortcut": "Ctrl+Space",
  "mcpServers": {
    "filesystem": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]},
    "weather": {"command": "/usr/local/bin/weather", "args": [], "env": {"KEY": "v"}}
  },
  "preferences": {"quickEntry": true, "theme": "dark"}
})";
        writeBytes(m_path, before);
        const QJsonObject old = readJson(m_path);

        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(m_path, shim);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.outcome, Outcome::Added);
        QCOMPARE(r.backupPath, m_path + u".bak"_s);
        QCOMPARE(readBytes(r.backupPath), before); // byte for byte
        QVERIFY(r.summary().contains(r.backupPath));

        const QJsonObject now = readJson(m_path);
        QCOMPARE(now.value(u"globalShortcut"_s), old.value(u"globalShortcut"_s));
        QCOMPARE(now.value(u"preferences"_s), old.value(u"preferences"_s));
        const QJsonObject servers = now.value(u"mcpServers"_s).toObject();
        QCOMPARE(servers.size(), 3);
        QCOMPARE(servers.value(u"filesystem"_s), old.value(u"mcpServers"_s).toObject().value(u"filesystem"_s));
        QCOMPARE(servers.value(u"weather"_s), old.value(u"mcpServers"_s).toObject().value(u"weather"_s));
        QCOMPARE(servers.value(u"dimo"_s).toObject(), dimoEntry());
        QCOMPARE(now.size(), 3);
    }

    void existingEntryUpdatedKeepingItsEnv()
    {
        const QByteArray before =
            R"({"mcpServers": {"dimo": {"command": "/old/mcp-dimo", "args": ["--x"], "env": {"DIMOTRAY_MCP_SOCKET": "s"}}}})";
        writeBytes(m_path, before);
        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(m_path, shim);
        QCOMPARE(r.outcome, Outcome::Updated);
        QCOMPARE(readBytes(m_path + u".bak"_s), before);
        const QJsonObject dimo = readJson(m_path).value(u"mcpServers"_s).toObject().value(u"dimo"_s).toObject();
        QCOMPARE(dimo.value(u"command"_s).toString(), shim);
        QCOMPARE(dimo.value(u"args"_s).toArray(), QJsonArray());
        QCOMPARE(dimo.value(u"env"_s).toObject().value(u"DIMOTRAY_MCP_SOCKET"_s).toString(), u"s"_s);
        QVERIFY(r.summary().startsWith(u"Updated dimo in "_s));
    }

    void alreadyUpToDateWritesNothing()
    {
        // Compact and in an order QJsonDocument would not write: any rewrite would show.
        const QByteArray current =
            R"({"mcpServers":{"dimo":{"command":"/opt/DIMO Tray/bin/mcp-dimo","args":[]}},"a":1})";
        writeBytes(m_path, current);
        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(m_path, shim);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.outcome, Outcome::UpToDate);
        QCOMPARE(readBytes(m_path), current);
        QVERIFY(r.backupPath.isEmpty());
        QVERIFY(!QFile::exists(m_path + u".bak"_s));
        QVERIFY(r.summary().contains(u"nothing changed"_s));

        // And a second install after a real one is up to date too.
        QCOMPARE(app::ClaudeDesktopConfig::install(m_path, u"/new/mcp-dimo"_s).outcome, Outcome::Updated);
        const QByteArray written = readBytes(m_path);
        QCOMPARE(app::ClaudeDesktopConfig::install(m_path, u"/new/mcp-dimo"_s).outcome, Outcome::UpToDate);
        QCOMPARE(readBytes(m_path), written);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("malformed") << QByteArray("{\n  \"mcpServers\": {\n    \"a\": ,\n  }\n}\n")
                                   << u"is not valid JSON (line 3, column"_s;
        QTest::newRow("truncated") << QByteArray(R"({"mcpServers": {"a": {"command": "x")") << u"not valid JSON"_s;
        QTest::newRow("array root") << QByteArray("[1, 2]") << u"top level"_s;
        // Qt 6.4 rejects a scalar document as invalid JSON; later versions may parse it as a non-object.
        QTest::newRow("string root") << QByteArray("\"text\"") << u" JSON"_s;
        QTest::newRow("mcpServers array") << QByteArray(R"({"mcpServers": [], "x": 1})") << u"\"mcpServers\" in"_s;
        QTest::newRow("mcpServers null") << QByteArray(R"({"mcpServers": null})") << u"\"mcpServers\" in"_s;
        // Found by fuzz_claudeconfig: Qt's writer drops U+FEFF inside a key, which would rename another
        // server's "command".
        QTest::newRow("U+FEFF in another entry") << QByteArray("{\"mcpServers\": {\"fs\": {\"\xEF\xBB\xBF"
                                                               "command\": \"npx\"}}}")
                                                 << u"cannot rewrite without changing it"_s;
    }

    void refusals()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        writeBytes(m_path, content);
        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(m_path, shim);
        QVERIFY(!r.ok());
        QCOMPARE(r.outcome, Outcome::Failed);
        QVERIFY2(r.error.contains(problem), qPrintable(r.error));
        QVERIFY2(r.error.contains(m_path), qPrintable(r.error));
        QVERIFY(r.error.contains(u"left unchanged"_s));
        QCOMPARE(r.summary(), r.error);
        QCOMPARE(readBytes(m_path), content); // byte-identical
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"claude_desktop_config.json"_s});
    }

    void symlinkedConfigStaysALink()
    {
#ifdef Q_OS_WIN
        QSKIP("symbolic links need privileges on Windows");
#endif
        // Dotfile managers link the config into place; the link must survive the edit.
        const QString target = m_dir->filePath(u"dotfiles-claude.json"_s);
        writeBytes(target, R"({"mcpServers": {}})");
        QVERIFY(QFile::link(target, m_path));
        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(m_path, shim);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(QFileInfo(m_path).isSymLink());
        QCOMPARE(readJson(target).value(u"mcpServers"_s).toObject().value(u"dimo"_s).toObject(), dimoEntry());
    }

    void backupKeepsThePrivateMode()
    {
#ifdef Q_OS_WIN
        QSKIP("POSIX modes; on Windows the backup inherits the folder's ACL like the config");
#endif
        // The config holds the license's API key in `env`: its 0600 carries over to the backup,
        // also over a backup an older version wrote 0644.
        const QByteArray before =
            R"({"mcpServers": {"dimo": {"command": "/old/mcp-dimo", "env": {"DIMO_PRIVATE_KEY": "5ec7e7"}}}})";
        writeBytes(m_path, before);
        const auto privateMode = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
        QVERIFY(QFile::setPermissions(m_path, privateMode));
        writeBytes(m_path + u".bak"_s, "old backup");
        QVERIFY(QFile::setPermissions(m_path + u".bak"_s, privateMode | QFile::ReadGroup | QFile::ReadOther));
        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(m_path, shim);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(readBytes(r.backupPath), before);
        const auto others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFileInfo(r.backupPath).permissions() & others, QFile::Permissions());
        QCOMPARE(QFileInfo(m_path).permissions() & others, QFile::Permissions());
        QVERIFY(QFileInfo(r.backupPath).permissions().testFlag(QFile::ReadOwner));

        // A config others may read gives a backup with the same mode (nothing more private to keep).
        QVERIFY(QFile::setPermissions(m_path, privateMode | QFile::ReadGroup | QFile::ReadOther));
        QCOMPARE(app::ClaudeDesktopConfig::install(m_path, u"/new/mcp-dimo"_s).outcome, Outcome::Updated);
        QCOMPARE(QFileInfo(r.backupPath).permissions() & others, QFile::ReadGroup | QFile::ReadOther);
    }

    void plantedBackupLinkIsNotFollowed()
    {
#ifdef Q_OS_WIN
        QSKIP("symbolic links need privileges on Windows");
#endif
        // Decision: a `.bak` that is a symbolic link is replaced by a plain file; its target stays
        // exactly as it was.
        const QString victim = m_dir->filePath(u"victim.txt"_s);
        writeBytes(victim, "must stay untouched");
        QVERIFY(QFile::link(victim, m_path + u".bak"_s));
        const QByteArray before = R"({"mcpServers": {}, "env": {"DIMO_PRIVATE_KEY": "5ec7e7"}})";
        writeBytes(m_path, before);
        QVERIFY(
            QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(m_path, shim);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(readBytes(victim), QByteArray("must stay untouched"));
        QVERIFY(!QFileInfo(r.backupPath).isSymLink());
        QCOMPARE(readBytes(r.backupPath), before);
        QCOMPARE(QFileInfo(r.backupPath).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    }

    void byteOrderMarkAccepted()
    {
        writeBytes(m_path, "\xEF\xBB\xBF{\"mcpServers\": {\"x\": {\"command\": \"y\"}}}");
        const app::ClaudeDesktopInstall r = app::ClaudeDesktopConfig::install(m_path, shim);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(readJson(m_path).value(u"mcpServers"_s).toObject().size(), 2);
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestClaudeDesktopConfig)
#include "tst_claudedesktopconfig.moc"
