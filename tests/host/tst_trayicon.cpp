// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The tray icon's menu: status lines follow the MCP host (socket, connected clients); Quit.
// Runs offscreen, where no system tray exists, so the menu is driven directly.
#include "app/tray/mcphost.h"
#include "app/tray/trayicon.h"
#include "tests/support/timeout.h"

#include <QAction>
#include <QLocalSocket>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void menuShowsStatusAndQuits();
};

void TestTrayIcon::menuShowsStatusAndQuits()
{
    const double factor = testsupport::timeoutFactor();
    QTemporaryDir dir(QDir::tempPath() + u"/tst-ti-XXXXXX"_s);
    app::Options options;
    options.mode = app::Options::Mode::Headless;
    options.socketName = dir.filePath(u"mcp.sock"_s);
    app::McpHost host(options);
    QSignalSpy ready(&host, &app::McpHost::ready);
    host.start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000 * factor);

    app::TrayIcon tray(host);
    tray.show();
    auto texts = [&] {
        QStringList list;
        for (QAction *action : tray.menu()->actions()) {
            list.append(action->text());
        }
        return list;
    };
    QVERIFY(texts().contains(u"Socket: "_s + options.socketName));
    QVERIFY(texts().contains(u"0 clients connected"_s));

    QLocalSocket client;
    client.connectToServer(options.socketName);
    QTRY_VERIFY_WITH_TIMEOUT(texts().contains(u"1 client connected"_s), 5000 * factor);
    client.disconnectFromServer();
    QTRY_VERIFY_WITH_TIMEOUT(texts().contains(u"0 clients connected"_s), 5000 * factor);

    QSignalSpy quit(&tray, &app::TrayIcon::quitRequested);
    const QList<QAction *> actions = tray.menu()->actions();
    const auto it = std::find_if(actions.begin(), actions.end(), [](QAction *a) {
        return a->text() == u"Quit";
    });
    QVERIFY(it != actions.end());
    (*it)->trigger();
    QCOMPARE(quit.size(), 1);
}

QTEST_MAIN(TestTrayIcon)

#include "tst_trayicon.moc"
