// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The desktop side of dimo-tray without a system tray (offscreen): the fallback window carries
// the tray's menu and state; connected AI clients and running calls show in it; Quit; a second
// launch raises the first through the activation socket.
#include "app/tray/activation.h"
#include "app/tray/desktop.h"
#include "app/tray/dimoservice.h"
#include "app/tray/mcphost.h"
#include "app/tray/status.h"
#include "app/tray/traycontroller.h"
#include "tests/support/timeout.h"
#include "ui/tray/fallbackwindow.h"

#include <QLabel>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

class TestTrayDesktopOffscreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // No license in the environment: the state is "not configured".
        for (const char *name : {"DIMO_CLIENT_ID", "DIMO_DOMAIN", "DIMO_PRIVATE_KEY"}) {
            qunsetenv(name);
        }
    }

    void fallbackWindowShowsStateClientsAndQuits();
    void secondLaunchRaisesTheFirst();
};

void TestTrayDesktopOffscreen::fallbackWindowShowsStateClientsAndQuits()
{
    const double factor = testsupport::timeoutFactor();
    QTemporaryDir dir(QDir::tempPath() + u"/tst-td-XXXXXX"_s);
    app::Options options;
    options.socketName = dir.filePath(u"mcp.sock"_s);
    app::McpHost host(options);
    app::DimoService dimo(options);
    dimo.attach(host.server());
    QSignalSpy ready(&host, &app::McpHost::ready);
    host.start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000 * factor);

    app::Desktop desktop(options, host, dimo);
    desktop.show();
    QVERIFY(desktop.tray().usesFallbackWindow()); // offscreen has no system tray
    ui::FallbackWindow *window = desktop.tray().fallbackWindow();
    QVERIFY(window->isVisible());
    const auto status = [window] {
        return window->findChildren<QLabel *>().at(1)->text();
    };
    QVERIFY2(status().contains(u"Not configured"_s), qPrintable(status()));
    QVERIFY(status().contains(u"no AI client connected"_s));

    QLocalSocket client;
    client.connectToServer(options.socketName);
    QVERIFY(client.waitForConnected(int(5000 * factor)));
    client.write(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",)"
                 R"("capabilities":{},"clientInfo":{"name":"probe","version":"7.1"}}})"
                 "\n");
    QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"1 AI client connected"_s), 5000 * factor);
    QCOMPARE(desktop.status().connectedClients(), QStringList{u"probe 7.1"_s});
    // A tool call shows as running while it runs (not configured: it answers at once, isError).
    client.write(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"
                 "\n"
                 R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"check_vehicle_access_status",)"
                 R"("arguments":{}}})"
                 "\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += client.readAll()).contains("\"id\":2"), 5000 * factor);
    QCOMPARE(desktop.status().state().activeCalls, 0);
    client.disconnectFromServer();
    QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"no AI client connected"_s), 5000 * factor);

    QSignalSpy quit(&desktop, &app::Desktop::quitRequested);
    for (QToolButton *button : window->findChildren<QToolButton *>()) {
        if (button->text() == u"Quit"_s) {
            QTest::mouseClick(button, Qt::LeftButton);
        }
    }
    QCOMPARE(quit.size(), 1);
}

void TestTrayDesktopOffscreen::secondLaunchRaisesTheFirst()
{
    QTemporaryDir dir(QDir::tempPath() + u"/tst-ta-XXXXXX"_s);
    const QString socket = dir.filePath(u"mcp.sock"_s);
    QVERIFY(!app::ActivationServer::requestActivation(socket, 500)); // nobody listens yet
    app::ActivationServer server(socket);
    QVERIFY(server.listen());
    QSignalSpy raised(&server, &app::ActivationServer::activationRequested);
    bool asked = false;
    QTimer::singleShot(0, this, [&asked, socket] {
        asked = app::ActivationServer::requestActivation(socket);
    });
    QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 1, 5000 * testsupport::timeoutFactor());
    QVERIFY(asked);
}

QTEST_MAIN(TestTrayDesktopOffscreen)

#include "tst_traydesktopoffscreen.moc"
