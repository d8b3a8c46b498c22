// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// dimotray-screenshots DIR: the real tray in demo mode against the DIMO simulator (started here),
// every window rendered to DIR/<name>.png: tray-menu, fallback, welcome, settings, login,
// vehicles, approval, connect, activity. The activity comes from real tool calls of an MCP client
// on the tray's socket.
#include "app/tools/backend.h"
#include "app/tray/desktop.h"
#include "app/tray/dimoservice.h"
#include "app/tray/licenseflows.h"
#include "app/tray/mcphost.h"
#include "app/tray/settings/settingscontroller.h"
#include "app/tray/status.h"
#include "app/tray/traycontroller.h"
#include "tests/support/dimosim.h"
#include "ui/activity/activitywindow.h"
#include "ui/approval/approvaldialog.h"
#include "ui/connect/connectdialog.h"
#include "ui/settings/settingsdialog.h"
#include "ui/tray/fallbackwindow.h"
#include "ui/tray/traymenu.h"
#include "ui/vehicles/vehiclelistmodel.h"
#include "ui/vehicles/vehicleswindow.h"
#include "ui/welcome/welcomedialog.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QMenu>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitFor(const std::function<bool()> &condition, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired()) {
            return false;
        }
        settle(25);
    }
    return true;
}

template <class T> T *topLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible()) {
            return t;
        }
    }
    return nullptr;
}

class Shooter
{
public:
    explicit Shooter(const QDir &dir)
        : m_dir(dir)
    {}

    bool save(QWidget *w, const QString &name)
    {
        if (!w) {
            std::fprintf(stderr, "dimotray-screenshots: no %s window\n", qPrintable(name));
            m_ok = false;
            return false;
        }
        settle(200);
        const QString path = m_dir.filePath(name + u".png"_s);
        if (!w->grab().save(path)) {
            std::fprintf(stderr, "dimotray-screenshots: cannot write %s\n", qPrintable(path));
            m_ok = false;
            return false;
        }
        std::printf("%s\n", qPrintable(path));
        return true;
    }

    bool ok() const { return m_ok; }

    QString path(const QString &name) const { return m_dir.filePath(name + u".png"_s); }

private:
    QDir m_dir;
    bool m_ok = true;
};

// An MCP client on the tray's socket, for real entries in the activity window.
class Client
{
public:
    bool connect(const QString &socket)
    {
        m_socket.connectToServer(socket);
        if (!m_socket.waitForConnected(5000)) {
            return false;
        }
        send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s},
                         {u"id"_s, 0},
                         {u"method"_s, u"initialize"_s},
                         {u"params"_s,
                          QJsonObject{{u"protocolVersion"_s, u"2025-11-25"_s},
                                      {u"capabilities"_s, QJsonObject()},
                                      {u"clientInfo"_s,
                                       QJsonObject{{u"name"_s, u"Claude Desktop"_s}, {u"version"_s, u"1.2.0"_s}}}}}});
        send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/initialized"_s}});
        return waitFor(
            [this] {
                return (m_buffer += m_socket.readAll()).contains("\"id\":0");
            },
            5000);
    }

    void call(int id, const QString &tool, const QJsonObject &arguments)
    {
        send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s},
                         {u"id"_s, id},
                         {u"method"_s, u"tools/call"_s},
                         {u"params"_s, QJsonObject{{u"name"_s, tool}, {u"arguments"_s, arguments}}}});
        const QByteArray marker = "\"id\":" + QByteArray::number(id) + ',';
        waitFor(
            [this, marker] {
                return (m_buffer += m_socket.readAll()).contains(marker);
            },
            30000);
    }

private:
    void send(const QJsonObject &message)
    {
        m_socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    }

    QLocalSocket m_socket;
    QByteArray m_buffer;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    qputenv("DIMOTRAY_KEYCHAIN", "off");
    qputenv("DIMOTRAY_LOGIN_HELPER", DIMOTRAY_LOGIN_HELPER_PATH);
    QApplication qtApp(argc, argv);
    qtApp.setQuitOnLastWindowClosed(false);
    if (argc != 2) {
        std::fprintf(stderr, "usage: dimotray-screenshots DIR\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!QDir().mkpath(dir.path())) {
        return 1;
    }
    Shooter shots(dir);
    DimoSim sim;
    QString error;
    if (!sim.start(&error)) {
        std::fprintf(stderr, "dimotray-screenshots: cannot start the DIMO simulator: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir runtime;
    app::Options options;
    options.demo = true;
    options.environmentFile = sim.environmentFile();
    options.socketName = runtime.filePath(u"mcp.sock"_s);
    app::McpHost host(options);
    app::DimoService dimo(options);
    dimo.backend()->setCommandWatchMs(3000);
    dimo.attach(host.server());
    host.start();
    if (!waitFor(
            [&host] {
                return !host.socketPath().isEmpty() && QFile::exists(host.socketPath());
            },
            5000)) {
        std::fprintf(stderr, "dimotray-screenshots: the MCP socket did not open\n");
        return 1;
    }
    app::Desktop desktop(options, host, dimo);
    desktop.show();
    waitFor(
        [&desktop] {
            return desktop.status().state().vehicles > 0;
        },
        15000);
    dimo.backend()->approvals().setPolicy(app::tools::ApprovalPolicy::NeverAsk); // the activity's command

    // The tray menu (as it drops down from the icon) and the window used without a system tray.
    QMenu *menu = desktop.tray().menu().menu();
    menu->ensurePolished();
    menu->adjustSize();
    shots.save(menu, u"tray-menu"_s);
    shots.save(desktop.tray().fallbackWindow(), u"fallback"_s);

    ui::WelcomeDialog welcome;
    welcome.show();
    shots.save(&welcome, u"welcome"_s);
    welcome.hide();

    ui::SettingsDialog *settings = desktop.license().openSettings();
    ui::SettingsValues values;
    const dimo::Credentials license = app::DimoService::simulatorLicense();
    values.environment = ui::SettingsValues::Environment::Custom;
    values.environmentFile = sim.environmentFile();
    values.clientId = license.clientId;
    values.redirectUri = license.redirectUri;
    values.apiKey = license.apiKey; // the simulator's published test key, shown masked
    values.httpEnabled = true;
    settings->setValues(values);
    shots.save(settings, u"settings"_s);
    settings->close();

    // The login window is its own process (QtWebEngine stays out of the tray).
    const auto client = dimo.backend()->client();
    const auto loginUrl = client.value()->loginUrl({});
    QProcess login;
    login.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    login.start(QString::fromUtf8(DIMOTRAY_LOGIN_HELPER_PATH),
                {u"--login"_s,
                 loginUrl.value().toString(),
                 u"--redirect"_s,
                 license.redirectUri,
                 u"--screenshot"_s,
                 shots.path(u"login"_s)});
    if (!login.waitForFinished(60000) || login.exitCode() != 0) {
        std::fprintf(stderr, "dimotray-screenshots: the login window could not be rendered\n");
        return 1;
    }
    std::printf("%s\n", qPrintable(shots.path(u"login"_s)));

    desktop.openVehicles();
    auto *vehicles = topLevel<ui::VehiclesWindow>();
    if (vehicles) {
        vehicles->resize(1100, 560);
        waitFor(
            [vehicles] {
                return vehicles->model()->signalsLoaded(24567);
            },
            15000);
        vehicles->selectToken(24567);
        waitFor(
            [vehicles] {
                const auto *m = vehicles->model();
                for (int row = 0; row < m->rowCount(); ++row) {
                    if (!m->signalsLoaded(m->vehicleAt(row).tokenId)) {
                        return false;
                    }
                }
                return true;
            },
            15000);
    }
    shots.save(vehicles, u"vehicles"_s);

    ui::ApprovalDialog approval({u"Claude Desktop"_s,
                                 u"unlock_doors"_s,
                                 u"Unlock the doors"_s,
                                 24567,
                                 u"2023 Tesla Model 3 (Amber Falcon Harbor)"_s});
    approval.show();
    shots.save(&approval, u"approval"_s);
    approval.dismiss();

    Client mcp;
    if (mcp.connect(host.socketPath())) {
        mcp.call(1, u"check_vehicle_access_status"_s, {});
        mcp.call(2,
                 u"telemetry_get_latest_signals"_s,
                 {{u"tokenId"_s, 24567}, {u"signalNames"_s, QJsonArray{u"speed"_s, u"powertrainRange"_s}}});
        mcp.call(3, u"vin_decode"_s, {{u"vin"_s, u"1HGCM82633A004352"_s}});
        mcp.call(4, u"lock_doors"_s, {{u"tokenId"_s, 24567}});
        mcp.call(
            5, u"telemetry_get_latest_signals"_s, {{u"tokenId"_s, 24566}, {u"signalNames"_s, QJsonArray{u"speed"_s}}});
    }
    desktop.tray().menu().actions().at(5)->trigger(); // Connect an AI client…
    auto *connectDialog = topLevel<ui::ConnectDialog>();
    shots.save(connectDialog, u"connect"_s);

    desktop.openActivity();
    auto *activity = topLevel<ui::ActivityWindow>();
    if (activity) {
        activity->resize(1100, 420);
    }
    shots.save(activity, u"activity"_s);
    return shots.ok() ? 0 : 1;
}
