// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/backend.h"
#include "app/tray/desktop.h"
#include "app/tray/dialogapprover.h"
#include "app/tray/dimoservice.h"
#include "app/tray/mcphost.h"
#include "app/tray/options.h"
#include "app/tray/status.h"
#include "tests/support/dimosim.h"
#include "tests/support/timeout.h"
#include "ui/approval/approvaldialog.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

// The whole desktop tray in demo mode inside the test process — the simulator, the MCP host on a
// socket of its own, DimoService and Desktop — connected as Alice, for the suites that drive its
// windows and dialogs directly (tst_traydesktop_demo, tst_traydesktop_grants).
struct DemoTray
{
    DimoSim sim;
    QTemporaryDir dir{QDir::tempPath() + QStringLiteral("/tst-tray-XXXXXX")};
    std::unique_ptr<app::McpHost> host;
    std::unique_ptr<app::DimoService> dimo;
    std::unique_ptr<app::Desktop> desktop;

    QString socketName() const { return dir.filePath(QStringLiteral("mcp.sock")); }

    // Starts it all and waits until the tray says "connected"; `beforeShow` gets the Desktop before
    // it shows (for signal spies). False with a reason in *why.
    bool start(QString *why, const std::function<void(app::Desktop &)> &beforeShow = {})
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("DIMOTRAY_KEYCHAIN", "off");
        if (!sim.start(why)) {
            return false;
        }
        app::Options options;
        options.demo = true;
        options.environmentFile = sim.environmentFile();
        options.socketName = socketName();
        host = std::make_unique<app::McpHost>(options);
        dimo = std::make_unique<app::DimoService>(options);
        dimo->backend()->setCommandWatchMs(4000);
        dimo->attach(host->server());
        QSignalSpy ready(host.get(), &app::McpHost::ready);
        host->start();
        if (!QTest::qWaitFor(
                [&ready] {
                    return !ready.isEmpty();
                },
                testsupport::scaled(5000))) {
            *why = QStringLiteral("the MCP host did not start on ") + socketName();
            return false;
        }
        desktop = std::make_unique<app::Desktop>(options, *host, *dimo);
        if (beforeShow) {
            beforeShow(*desktop);
        }
        desktop->show();
        const bool connected = QTest::qWaitFor(
            [this] {
                return desktop->status().state().connection == ui::Connection::Connected;
            },
            testsupport::scaled(15000));
        if (!connected) {
            *why = QStringLiteral("the demo tray did not connect: ") + ui::present(desktop->status().state()).tooltip;
        }
        return connected;
    }

    void stop()
    {
        desktop.reset();
        dimo.reset();
        host.reset();
    }

    // The next approval dialog gets `button` clicked (50 ms after it shows); `check` sees it first.
    void answerNextApproval(QObject *context,
                            const std::function<QPushButton *(ui::ApprovalDialog *)> &button,
                            const std::function<void(ui::ApprovalDialog *)> &check = {})
    {
        auto *approver = desktop->findChild<app::DialogApprover *>();
        QVERIFY(approver);
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(
            approver, &app::DialogApprover::asking, context, [connection, button, check](QWidget *dialog) {
                QObject::disconnect(*connection);
                auto *approval = qobject_cast<ui::ApprovalDialog *>(dialog);
                QVERIFY(approval);
                if (check) {
                    check(approval);
                }
                QTimer::singleShot(50, approval, [approval, button] {
                    QTest::mouseClick(button(approval), Qt::LeftButton);
                });
            });
    }
};

// One AI client on the tray's socket, as the shim would be: initialize (declaring elicitation),
// then tools/call, one line each.
struct TrayClient
{
    QLocalSocket socket;
    QByteArray buffer;
    int nextId = 1;

    bool connect(const QString &socketName, const QString &clientName)
    {
        socket.connectToServer(socketName);
        if (!socket.waitForConnected(testsupport::scaled(5000))) {
            return false;
        }
        const QJsonObject init{
            {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("id"), 0},
            {QStringLiteral("method"), QStringLiteral("initialize")},
            {QStringLiteral("params"),
             QJsonObject{{QStringLiteral("protocolVersion"), QStringLiteral("2025-11-25")},
                         {QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("elicitation"), QJsonObject()}}},
                         {QStringLiteral("clientInfo"),
                          QJsonObject{{QStringLiteral("name"), clientName},
                                      {QStringLiteral("version"), QStringLiteral("1")}}}}}};
        socket.write(QJsonDocument(init).toJson(QJsonDocument::Compact) + '\n'
                     + R"({"jsonrpc":"2.0","method":"notifications/initialized"})" + '\n');
        return !answer(0, 5000).isEmpty();
    }

    // tools/call; answers the JSON-RPC result ({} after 30 s without one).
    QJsonObject call(const QString &tool, const QJsonObject &arguments = {})
    {
        const int id = nextId++;
        const QJsonObject request{
            {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("id"), id},
            {QStringLiteral("method"), QStringLiteral("tools/call")},
            {QStringLiteral("params"),
             QJsonObject{{QStringLiteral("name"), tool}, {QStringLiteral("arguments"), arguments}}}};
        socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
        return answer(id, 30000);
    }

    static QString text(const QJsonObject &result)
    {
        return result.value(QStringLiteral("content"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("text"))
            .toString();
    }

private:
    QJsonObject answer(int id, int timeoutMs)
    {
        const QByteArray marker = "\"id\":" + QByteArray::number(id) + ',';
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < testsupport::scaled(timeoutMs)) {
            buffer += socket.readAll();
            for (const QByteArray &line : buffer.split('\n')) {
                if (line.contains(marker) && line.contains("\"result\"")) {
                    buffer.clear();
                    return QJsonDocument::fromJson(line).object().value(QStringLiteral("result")).toObject();
                }
            }
            QTest::qWait(20);
        }
        return {};
    }
};
