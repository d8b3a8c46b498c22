// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/connect/connectdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

template <class T> T *child(const QObject &parent, const QString &name)
{
    auto *found = parent.findChild<T *>(name);
    if (!found) {
        qFatal("no child %s", qPrintable(name));
    }
    return found;
}

QString clipboardText()
{
    return QGuiApplication::clipboard()->text();
}

const QString token = u"q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c"_s;

} // namespace

class TestConnectDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { QGuiApplication::clipboard()->clear(); }

    void shimPathShownAndCopied()
    {
        ui::ConnectDialog dialog;
        dialog.setShimPath(u"/opt/DIMO Tray/bin/mcp-dimo"_s);
        QCOMPARE(child<QLineEdit>(dialog, u"shimPath"_s)->text(), u"/opt/DIMO Tray/bin/mcp-dimo"_s);
        QVERIFY(child<QLineEdit>(dialog, u"shimPath"_s)->isReadOnly());
        QTest::mouseClick(child<QPushButton>(dialog, u"copyShimPath"_s), Qt::LeftButton);
        QCOMPARE(clipboardText(), u"/opt/DIMO Tray/bin/mcp-dimo"_s);
    }

    void addButtonAsksTheAppAndShowsTheAnswer()
    {
        ui::ConnectDialog dialog;
        dialog.setClaudeDesktopConfigPath(u"/home/u/.config/Claude/claude_desktop_config.json"_s);
        QVERIFY(child<QLabel>(dialog, u"claudeDesktopHint"_s)
                    ->text()
                    .contains(u"/home/u/.config/Claude/claude_desktop_config.json"_s));
        auto *result = child<QLabel>(dialog, u"claudeDesktopResult"_s);
        QVERIFY(!result->isVisibleTo(&dialog)); // nothing to say before the first click

        QSignalSpy asked(&dialog, &ui::ConnectDialog::addToClaudeDesktopRequested);
        QTest::mouseClick(child<QPushButton>(dialog, u"addToClaudeDesktop"_s), Qt::LeftButton);
        QCOMPARE(asked.count(), 1);

        const QString words =
            u"Added dimo to /home/u/.config/Claude/claude_desktop_config.json. Restart Claude Desktop."_s;
        dialog.showClaudeDesktopResult(true, words);
        QVERIFY(result->isVisibleTo(&dialog));
        QCOMPARE(result->text(), words);
        QCOMPARE(result->property("ok").toBool(), true);

        dialog.showClaudeDesktopResult(false, u"/x/claude_desktop_config.json is not valid JSON"_s);
        QCOMPARE(result->text(), u"/x/claude_desktop_config.json is not valid JSON"_s);
        QCOMPARE(result->property("ok").toBool(), false);
    }

    void snippetTabsBeforeHttp()
    {
        ui::ConnectDialog dialog;
        auto *tabs = child<QTabWidget>(dialog, u"snippetTabs"_s);
        QCOMPARE(tabs->count(), 1); // HTTP only
        dialog.setSnippets({{u"Claude Code"_s, u"Run in a terminal:"_s, u"claude mcp add dimo -- /x/mcp-dimo\n"_s},
                            {u"Cursor"_s, u"Add to ~/.cursor/mcp.json:"_s, u"{\"mcpServers\":{}}"_s},
                            {u"VS Code"_s, u"Add to .vscode/mcp.json:"_s, u"{\"servers\":{}}"_s}});
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(0), u"Claude Code"_s);
        QCOMPARE(tabs->tabText(2), u"VS Code"_s);
        QCOMPARE(tabs->tabText(3), u"HTTP"_s);
        QCOMPARE(tabs->currentIndex(), 0);

        QWidget *cursor = tabs->widget(1);
        QCOMPARE(child<QLabel>(*cursor, u"caption"_s)->text(), u"Add to ~/.cursor/mcp.json:"_s);
        QCOMPARE(child<QPlainTextEdit>(*cursor, u"text"_s)->toPlainText(), u"{\"mcpServers\":{}}"_s);
        QTest::mouseClick(child<QPushButton>(*cursor, u"copy"_s), Qt::LeftButton);
        QCOMPARE(clipboardText(), u"{\"mcpServers\":{}}"_s);

        dialog.setSnippets({{u"Cursor"_s, {}, u"x"_s}}); // replaces, keeps HTTP last
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), u"Cursor"_s);
        QCOMPARE(tabs->tabText(1), u"HTTP"_s);
    }

    void connectedClientsOrAnExplanation()
    {
        ui::ConnectDialog dialog;
        auto *list = child<QListWidget>(dialog, u"connectedClients"_s);
        auto *none = child<QLabel>(dialog, u"noClients"_s);
        QVERIFY(none->isVisibleTo(&dialog));
        QVERIFY(!list->isVisibleTo(&dialog));
        QVERIFY(none->text().contains(u"No AI client is connected"_s));

        dialog.setConnectedClients({u"claude-ai 0.1.0"_s, u"Cursor 1.2"_s});
        QVERIFY(!none->isVisibleTo(&dialog));
        QVERIFY(list->isVisibleTo(&dialog));
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(1)->text(), u"Cursor 1.2"_s);

        dialog.setConnectedClients({});
        QVERIFY(none->isVisibleTo(&dialog));
        QCOMPARE(list->count(), 0);
    }

    void httpOffByDefault()
    {
        ui::ConnectDialog dialog;
        QVERIFY(child<QLabel>(dialog, u"httpOff"_s)->isVisibleTo(&dialog));
        QVERIFY(!child<QWidget>(dialog, u"httpOn"_s)->isVisibleTo(&dialog));
    }

    void tokenMaskedUntilRevealed()
    {
        ui::ConnectDialog dialog;
        const QUrl url(u"http://127.0.0.1:3939/mcp"_s);
        const QString snippet = u"URL: http://127.0.0.1:3939/mcp\nAuthorization: Bearer "_s + token + u"\n"_s;
        dialog.setHttpEndpoint(url, token, snippet);
        QVERIFY(!child<QLabel>(dialog, u"httpOff"_s)->isVisibleTo(&dialog));
        QVERIFY(child<QWidget>(dialog, u"httpOn"_s)->isVisibleTo(&dialog));
        QCOMPARE(child<QLineEdit>(dialog, u"httpUrl"_s)->text(), url.toString());

        auto *tokenEdit = child<QLineEdit>(dialog, u"httpToken"_s);
        auto *httpSnippet = child<QWidget>(dialog, u"httpSnippet"_s);
        auto *shown = child<QPlainTextEdit>(*httpSnippet, u"text"_s);
        QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
        QVERIFY(!shown->toPlainText().contains(token));
        QVERIFY(shown->toPlainText().contains(u"Authorization: Bearer "_s));

        // Copying works while masked, and copies the real values.
        QTest::mouseClick(child<QPushButton>(dialog, u"copyToken"_s), Qt::LeftButton);
        QCOMPARE(clipboardText(), token);
        QTest::mouseClick(child<QPushButton>(*httpSnippet, u"copy"_s), Qt::LeftButton);
        QCOMPARE(clipboardText(), snippet);

        auto *reveal = child<QPushButton>(dialog, u"revealToken"_s);
        QTest::mouseClick(reveal, Qt::LeftButton);
        QCOMPARE(tokenEdit->echoMode(), QLineEdit::Normal);
        QCOMPARE(tokenEdit->text(), token);
        QCOMPARE(shown->toPlainText(), snippet);
        QTest::mouseClick(reveal, Qt::LeftButton);
        QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
        QVERIFY(!shown->toPlainText().contains(token));

        dialog.setHttpEndpoint({}, {}); // switched off
        QVERIFY(child<QLabel>(dialog, u"httpOff"_s)->isVisibleTo(&dialog));
        QVERIFY(!child<QWidget>(dialog, u"httpOn"_s)->isVisibleTo(&dialog));
    }

    // With DIMOTRAY_SCREENSHOT_DIR set, renders the filled dialog to connect.png there.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("DIMOTRAY_SCREENSHOT_DIR");
        if (dir.isEmpty()) {
            QSKIP("DIMOTRAY_SCREENSHOT_DIR not set");
        }
        ui::ConnectDialog dialog;
        dialog.setShimPath(u"/usr/bin/mcp-dimo"_s);
        dialog.setClaudeDesktopConfigPath(u"/home/u/.config/Claude/claude_desktop_config.json"_s);
        dialog.setSnippets(
            {{u"Claude Code"_s, u"Run in a terminal:"_s, u"claude mcp add --scope user dimo -- /usr/bin/mcp-dimo\n"_s},
             {u"Cursor"_s, u"Add to ~/.cursor/mcp.json:"_s, u"{}"_s}});
        dialog.setConnectedClients({u"claude-ai 0.1.0"_s});
        dialog.showClaudeDesktopResult(
            true,
            u"Added dimo to /home/u/.config/Claude/claude_desktop_config.json. Restart Claude Desktop to use it."_s);
        dialog.show();
        QVERIFY(dialog.grab().save(dir + u"/connect.png"_s));
        dialog.setHttpEndpoint(QUrl(u"http://127.0.0.1:3939/mcp"_s), token);
        auto *tabs = child<QTabWidget>(dialog, u"snippetTabs"_s);
        tabs->setCurrentIndex(tabs->count() - 1);
        QVERIFY(dialog.grab().save(dir + u"/connect-http.png"_s));
    }

    void defaultHttpSnippetNamesTheHeader()
    {
        ui::ConnectDialog dialog;
        dialog.setHttpEndpoint(QUrl(u"http://127.0.0.1:4000/mcp"_s), token);
        auto *httpSnippet = child<QWidget>(dialog, u"httpSnippet"_s);
        const QString shown = child<QPlainTextEdit>(*httpSnippet, u"text"_s)->toPlainText();
        QVERIFY(shown.contains(u"http://127.0.0.1:4000/mcp"_s));
        QVERIFY(!shown.contains(token));
        QTest::mouseClick(child<QPushButton>(*httpSnippet, u"copy"_s), Qt::LeftButton);
        QVERIFY(clipboardText().contains(u"Authorization: Bearer "_s + token));
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
