// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/clients/autostart.h"
#include "app/tray/clients/clientsnippets.h"
#include "app/tray/clients/connectcontroller.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("%s: %s", qPrintable(text), qPrintable(error.errorString()));
    }
    return doc.object();
}

QStringList linesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).split(u'\n') : QStringList();
}

} // namespace

class TestClientSetup : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shimPath()
    {
        QCOMPARE(app::shimPathIn(u"/usr/bin"_s, app::Os::Linux), u"/usr/bin/mcp-dimo"_s);
        QCOMPARE(app::shimPathIn(u"/Applications/DIMO Tray.app/Contents/MacOS"_s, app::Os::MacOs),
                 u"/Applications/DIMO Tray.app/Contents/MacOS/mcp-dimo"_s);
        QCOMPARE(app::shimPathIn(u"C:/Program Files/DIMO Tray"_s, app::Os::Windows),
                 u"C:\\Program Files\\DIMO Tray\\mcp-dimo.exe"_s);
        QCOMPARE(app::shimPath(), app::shimPathIn(QCoreApplication::applicationDirPath(), app::currentOs()));
    }

    void jsonSnippets()
    {
        const QString shim = u"C:\\Program Files\\DIMO Tray\\mcp-dimo.exe"_s; // needs escaping
        const QJsonObject entry{{u"command"_s, shim}, {u"args"_s, QJsonArray()}};
        QCOMPARE(parseObject(app::mcpServersSnippet(shim)),
                 (QJsonObject{{u"mcpServers"_s, QJsonObject{{u"dimo"_s, entry}}}}));
        QJsonObject vscodeEntry = entry;
        vscodeEntry.insert(u"type"_s, u"stdio"_s);
        QCOMPARE(parseObject(app::vscodeSnippet(shim)),
                 (QJsonObject{{u"servers"_s, QJsonObject{{u"dimo"_s, vscodeEntry}}}}));
    }

    void claudeCodeCommand()
    {
        QCOMPARE(app::claudeCodeSnippet(u"/usr/bin/mcp-dimo"_s, app::Os::Linux),
                 u"claude mcp add --scope user dimo -- /usr/bin/mcp-dimo\n"_s);
        QCOMPARE(app::claudeCodeSnippet(u"/Applications/DIMO Tray.app/Contents/MacOS/mcp-dimo"_s, app::Os::MacOs),
                 u"claude mcp add --scope user dimo -- '/Applications/DIMO Tray.app/Contents/MacOS/mcp-dimo'\n"_s);
        QCOMPARE(app::claudeCodeSnippet(u"/home/o'neil/bin/mcp-dimo"_s, app::Os::Linux),
                 u"claude mcp add --scope user dimo -- '/home/o'\\''neil/bin/mcp-dimo'\n"_s);
        QCOMPARE(app::claudeCodeSnippet(u"C:\\Program Files\\DIMO Tray\\mcp-dimo.exe"_s, app::Os::Windows),
                 u"claude mcp add --scope user dimo -- \"C:\\Program Files\\DIMO Tray\\mcp-dimo.exe\"\n"_s);
    }

    void clientTabs()
    {
        const QList<ui::ClientSnippet> snippets = app::clientSnippets(u"/usr/bin/mcp-dimo"_s, app::Os::Linux);
        QCOMPARE(snippets.size(), 3);
        QCOMPARE(snippets[0].name, u"Claude Code"_s);
        QCOMPARE(snippets[1].name, u"Cursor"_s);
        QVERIFY(snippets[1].where.contains(u"~/.cursor/mcp.json"_s));
        QCOMPARE(snippets[2].name, u"VS Code"_s);
        QVERIFY(snippets[2].where.contains(u".vscode/mcp.json"_s));
        QVERIFY(snippets[2].text.contains(u"\"stdio\""_s));
    }

    void httpSnippetCarriesUrlAndBearer()
    {
        const QUrl url(u"http://127.0.0.1:3939/mcp"_s);
        const QString token = QString::fromLatin1(app::generateHttpToken());
        const QString text = app::httpSnippet(url, token);
        QVERIFY(text.contains(u"http://127.0.0.1:3939/mcp"_s));
        QVERIFY(text.contains(u"Authorization: Bearer "_s + token));
        QVERIFY(text.contains(u"claude mcp add --scope user --transport http dimo-http http://127.0.0.1:3939/mcp"_s));
        int jsonLines = 0;
        for (const QString &line : text.split(u'\n')) {
            if (line.startsWith(u'{')) {
                const QJsonObject o = parseObject(line);
                const QJsonObject servers =
                    o.value(o.contains(u"servers"_s) ? u"servers"_s : u"mcpServers"_s).toObject();
                const QJsonObject entry = servers.value(u"dimo-http"_s).toObject();
                QCOMPARE(entry.value(u"url"_s).toString(), url.toString());
                QCOMPARE(entry.value(u"headers"_s).toObject().value(u"Authorization"_s).toString(),
                         u"Bearer "_s + token);
                ++jsonLines;
            }
        }
        QCOMPARE(jsonLines, 2); // Cursor and VS Code
    }

    void httpToken()
    {
        static const QRegularExpression base64url(u"^[A-Za-z0-9_-]{43}$"_s);
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray token = app::generateHttpToken();
            QVERIFY2(base64url.match(QString::fromLatin1(token)).hasMatch(), token.constData());
            QCOMPARE(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding).size(), 32);
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 200);
    }

    void desktopEntryExecQuoting_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("exec");
        QTest::newRow("plain") << u"/usr/bin/dimo-tray"_s << u"Exec=/usr/bin/dimo-tray --background"_s;
        QTest::newRow("space") << u"/opt/DIMO Tray/dimo-tray"_s << u"Exec=\"/opt/DIMO Tray/dimo-tray\" --background"_s;
        QTest::newRow("dollar, percent") << u"/opt/$x 100%/dimo-tray"_s
                                         << u"Exec=\"/opt/\\\\$x 100%%/dimo-tray\" --background"_s;
    }

    void desktopEntryExecQuoting()
    {
        QFETCH(QString, path);
        QFETCH(QString, exec);
        QVERIFY(app::autostartDesktopEntry(path).split(u'\n').contains(exec));
    }

    void linuxAutostart()
    {
        QTemporaryDir config;
        const QString exe = u"/opt/DIMO Tray/bin/dimo-tray"_s;
        app::Autostart autostart(exe, config.path());
#if defined(Q_OS_WIN) || defined(Q_OS_DARWIN)
        QSKIP("the XDG implementation is only built on Linux");
#endif
        const QString file = config.path() + u"/autostart/dimo-tray.desktop"_s;
        QCOMPARE(autostart.location(), file);
        QVERIFY(!autostart.isEnabled());

        const app::AutostartResult on = autostart.setEnabled(true);
        QVERIFY2(on.ok, qPrintable(on.error));
        QVERIFY(autostart.isEnabled());
        const QStringList lines = linesOf(file);
        QCOMPARE(lines.value(0), u"[Desktop Entry]"_s);
        QVERIFY(lines.contains(u"Type=Application"_s));
        QVERIFY(lines.contains(u"Name=DIMO Tray"_s));
        QVERIFY(lines.contains(u"Exec=\"/opt/DIMO Tray/bin/dimo-tray\" --background"_s));
        QVERIFY(lines.contains(u"X-GNOME-Autostart-enabled=true"_s));
        for (const QString &line : lines) { // key=value lines only (the spec's grammar)
            QVERIFY2(line.isEmpty() || line.startsWith(u'[') || line.contains(u'='), qPrintable(line));
        }

        QVERIFY(autostart.setEnabled(true).ok); // idempotent
        const app::AutostartResult off = autostart.setEnabled(false);
        QVERIFY2(off.ok, qPrintable(off.error));
        QVERIFY(!QFile::exists(file));
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.setEnabled(false).ok); // nothing to remove is fine

        // Switched off in place by a desktop's settings app.
        QVERIFY(autostart.setEnabled(true).ok);
        QFile edit(file);
        QVERIFY(edit.open(QIODevice::Append));
        edit.write("Hidden=true\n");
        edit.close();
        QVERIFY(!autostart.isEnabled());
    }

    void launchAgentPlistIsWellFormed()
    {
        const QString plist = app::launchAgentPlist(u"/Applications/A & B.app/Contents/MacOS/dimo-tray"_s);
        QXmlStreamReader xml(plist);
        QStringList strings;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == "string"_L1) {
                strings << xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(strings,
                 (QStringList{u"io.github.dimotray"_s,
                              u"/Applications/A & B.app/Contents/MacOS/dimo-tray"_s,
                              u"--background"_s,
                              u"Interactive"_s}));
        QVERIFY(plist.contains(u"<key>RunAtLoad</key>\n    <true/>"_s));
    }

    void windowsRunCommand()
    {
        QCOMPARE(app::windowsRunCommand(u"C:/Program Files/DIMO Tray/dimo-tray.exe"_s),
                 u"\"C:\\Program Files\\DIMO Tray\\dimo-tray.exe\" --background"_s);
    }

    void clientLabels()
    {
        QCOMPARE(app::clientLabel({{u"name"_s, u"claude-ai"_s}, {u"version"_s, u"0.1.0"_s}}), u"claude-ai 0.1.0"_s);
        QCOMPARE(
            app::clientLabel({{u"name"_s, u"cursor-vscode"_s}, {u"title"_s, u"Cursor"_s}, {u"version"_s, u"1.0"_s}}),
            u"Cursor 1.0"_s);
        QCOMPARE(app::clientLabel({{u"name"_s, u"x"_s}}), u"x"_s);
        QCOMPARE(app::clientLabel({}), u"Unknown client"_s);
    }

    void controllerAddsToClaudeDesktop()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(u"Claude/claude_desktop_config.json"_s);
        app::ConnectController controller({u"/opt/dimo/mcp-dimo"_s, config, app::Os::Linux});
        controller.setHttpEndpoint(QUrl(u"http://127.0.0.1:3939/mcp"_s), "tok-123");
        controller.setConnectedClients({u"Cursor 1.2"_s});
        QVERIFY(!controller.dialog());
        controller.show();
        ui::ConnectDialog *dialog = controller.dialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"shimPath"_s)->text(), u"/opt/dimo/mcp-dimo"_s);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"httpUrl"_s)->text(), u"http://127.0.0.1:3939/mcp"_s);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"httpToken"_s)->text(), u"tok-123"_s);

        QTest::mouseClick(dialog->findChild<QPushButton *>(u"addToClaudeDesktop"_s), Qt::LeftButton);
        QVERIFY(QFile::exists(config));
        const QString shown = dialog->findChild<QLabel *>(u"claudeDesktopResult"_s)->text();
        QVERIFY2(shown.startsWith(u"Added dimo to "_s + config), qPrintable(shown));

        dialog->close(); // WA_DeleteOnClose
        QTRY_VERIFY(!controller.dialog());
    }
};

QTEST_MAIN(TestClientSetup)
#include "tst_clientsetup.moc"
