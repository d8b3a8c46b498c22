// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/application.h"

#include "app/tray/activation.h"
#include "app/tray/desktop.h"
#include "app/tray/dimoservice.h"
#include "app/tray/logging.h"
#include "app/tray/mcphost.h"
#include "app/tray/settings/settingscontroller.h"
#include "app/tray/stdiohost.h"
#include "app/tray/terminationwatcher.h"
#include "mcp/wire/stdio.h"

#include <QApplication>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSystemTrayIcon>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace app {

namespace {

// Whether a QApplication can start here: on X11/Wayland systems it aborts without a display.
bool hasDesktop()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

} // namespace

Application::Application(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_host(new McpHost(m_options, this))
    , m_termination(new TerminationWatcher(this))
{
    connect(m_host, &McpHost::ready, this, &Application::handleReady);
    connect(m_host, &McpHost::alreadyRunning, this, &Application::handleAlreadyRunning);
    connect(m_host, &McpHost::failed, this, &Application::handleFailed);
    connect(m_termination, &TerminationWatcher::terminationRequested, this, [this] {
        qCInfo(lcApp) << "terminating";
        quit(0);
    });
}

Application::~Application() = default;

void Application::start()
{
    m_dimo = new DimoService(m_options, this);
    m_dimo->attach(m_host->server());
    if (m_options.mode == Options::Mode::Stdio) {
        m_stdio = new StdioHost(m_host->server(), this);
        connect(m_stdio, &StdioHost::finished, this, &Application::quit);
        m_stdio->start();
        return;
    }
    m_host->start();
}

void Application::handleReady()
{
    startHttpFromSettings();
    if (m_options.wantsGui()) {
        showDesktop();
    }
    if (m_options.printEndpoints) {
        printEndpoints();
    }
}

void Application::showDesktop()
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        qCInfo(lcApp) << "note: no desktop session; running headless";
        return;
    }
    // --background (the shim starts the tray) opens no window: without a tray it stays headless.
    if (m_options.mode == Options::Mode::Background && !QSystemTrayIcon::isSystemTrayAvailable()) {
        qCInfo(lcApp) << "note: no system tray available; running headless in the background";
        return;
    }
    m_desktop = new Desktop(m_options, *m_host, *m_dimo, this);
    connect(m_desktop, &Desktop::quitRequested, this, [this] {
        quit(0);
    });
    m_desktop->show();
    m_activation = new ActivationServer(m_options.socketName, this);
    connect(m_activation, &ActivationServer::activationRequested, m_desktop, &Desktop::raise);
    m_activation->listen();
}

void Application::startHttpFromSettings()
{
    // --http-port wins; otherwise the settings may enable the endpoint. From the settings it
    // always requires the bearer token kept in the keychain: without a keychain it stays off.
    const Settings &values = m_dimo->startValues();
    if (m_options.httpPort || !values.httpEnabled || m_options.mode == Options::Mode::Stdio) {
        return;
    }
    const quint16 port = values.httpPort;
    m_dimo->settings()->httpToken([this, port](const QString &token, const QString &error) {
        if (token.isEmpty()) {
            qCWarning(lcApp).noquote() << "the HTTP endpoint stays off:" << error;
            return;
        }
        QString why;
        if (!m_host->startHttp(port, token.toUtf8(), &why)) {
            qCWarning(lcApp).noquote() << "the HTTP endpoint stays off:" << why;
        }
    });
}

void Application::printEndpoints()
{
    QJsonObject endpoints{{u"socket"_s, m_host->socketPath()}};
    if (m_host->httpUrl().isValid()) {
        endpoints.insert(u"http"_s, m_host->httpUrl().toString());
    }
    mcp::wire::writeStdoutLine(QJsonDocument(endpoints).toJson(QJsonDocument::Compact));
}

void Application::handleAlreadyRunning()
{
    // One instance per user: a second launch from the desktop raises the first; the shim's
    // --background launch (and headless runs) only confirm that it is there.
    if (m_options.mode == Options::Mode::Tray && ActivationServer::requestActivation(m_options.socketName)) {
        qCInfo(lcApp) << "DIMO Tray is already running; asked it to show itself";
    } else {
        qCInfo(lcApp).noquote() << "DIMO Tray is already running (socket" << m_options.socketName
                                << "answers); nothing to do";
    }
    Q_EMIT finished(0); // the socket belongs to the other instance: do not remove it
}

void Application::handleFailed(const QString &error)
{
    qCCritical(lcApp).noquote() << "cannot start the MCP server:" << error;
    quit(1);
}

void Application::quit(int exitCode)
{
    m_host->stop(); // removes the socket
    Q_EMIT finished(exitCode);
}

int run(int &argc, char **argv, const Options &options)
{
    std::unique_ptr<QCoreApplication> qtApp;
    if (options.wantsGui() && hasDesktop()) {
        auto *gui = new QApplication(argc, argv);
        gui->setQuitOnLastWindowClosed(false);
        qtApp.reset(gui);
    } else {
        qtApp = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(u"dimo-tray"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DIMOTRAY_VERSION));
    QGuiApplication::setDesktopFileName(u"io.github.dimotray.DimoTray"_s);

    int exitCode = 0;
    {
        Application application(options);
        QObject::connect(&application, &Application::finished, qtApp.get(), [](int code) {
            QCoreApplication::exit(code);
        });
        // Started from the event loop, so that an immediate outcome can end it.
        QTimer::singleShot(0, &application, &Application::start);
        exitCode = qtApp->exec();
    }
    return exitCode;
}

} // namespace app
