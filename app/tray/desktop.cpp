// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/desktop.h"

#include "app/tools/backend.h"
#include "app/tray/activityrecorder.h"
#include "app/tray/clients/connectcontroller.h"
#include "app/tray/countingnam.h"
#include "app/tray/dialogapprover.h"
#include "app/tray/dimoservice.h"
#include "app/tray/licenseflows.h"
#include "app/tray/login/loginprocess.h"
#include "app/tray/loginflows.h"
#include "app/tray/mcphost.h"
#include "app/tray/settings/settingscontroller.h"
#include "app/tray/status.h"
#include "app/tray/traycontroller.h"
#include "app/tray/vehiclesfeed.h"
#include "dimo/commands.h"
#include "ui/activity/activitymodel.h"
#include "ui/activity/activitywindow.h"
#include "ui/tray/traymenu.h"
#include "ui/vehicles/vehicleswindow.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace app {

Desktop::Desktop(const Options &options, McpHost &host, DimoService &dimo, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_host(host)
    , m_dimo(dimo)
    , m_status(new StatusTracker(*dimo.backend(), host.server(), options.demo, this))
    , m_tray(new TrayController(*m_status, this))
    , m_connect(new ConnectController(this))
    , m_login(new LoginFlows(*dimo.backend(), this))
    , m_license(new LicenseFlows(dimo, m_login->process(), this))
    , m_approver(new DialogApprover(60000, this))
    , m_activity(new ui::ActivityModel(this))
    , m_recorder(new ActivityRecorder(host.server(), *dimo.backend(), dimo.network(), *m_activity, this))
    , m_backend(dimo.backend())
{
    // With the tray present, commands are approved in a dialog on this desktop, never by the AI
    // client itself (elicitation), and init_oauth opens the login window: set here, cleared in
    // ~Desktop.
    dimo.backend()->setDesktopHooks(this);
    ui::TrayMenu &menu = m_tray->menu();
    connect(&menu, &ui::TrayMenu::connectRequested, m_connect, &ConnectController::show);
    connect(m_status, &StatusTracker::clientsChanged, m_connect, [this] {
        m_connect->setConnectedClients(m_status->connectedClients());
    });
    m_connect->setHttpEndpoint(host.httpUrl(), host.httpToken());
    connect(&host, &McpHost::httpStarted, m_connect, [this](const QUrl &url) {
        m_connect->setHttpEndpoint(url, m_host.httpToken());
    });
    connect(&menu, &ui::TrayMenu::quitRequested, this, &Desktop::quitRequested);
    connect(&menu, &ui::TrayMenu::vehiclesRequested, this, &Desktop::openVehicles);
    connect(m_tray, &TrayController::activated, this, &Desktop::openVehicles);
    connect(&menu, &ui::TrayMenu::activityRequested, this, &Desktop::openActivity);
    connect(&menu, &ui::TrayMenu::settingsRequested, m_license, &LicenseFlows::openSettings);
    connect(m_license, &LicenseFlows::notify, m_tray, &TrayController::notify);
    connect(&menu, &ui::TrayMenu::logInRequested, m_login, &LoginFlows::logIn);
    connect(&menu, &ui::TrayMenu::shareRequested, m_login, [this] {
        m_login->share();
    });
    connect(m_login, &LoginFlows::openChanged, m_status, &StatusTracker::setLoginOpen);
    connect(m_login, &LoginFlows::notify, m_tray, &TrayController::notify);
    connect(&menu, &ui::TrayMenu::logOutRequested, this, [this] {
        if (const auto client = m_dimo.backend()->client()) {
            client.value()->signOut();
        }
    });
    wireNotifications();
}

Desktop::~Desktop()
{
    if (m_backend) {
        m_backend->setDesktopHooks(nullptr); // headless again: the dialog approver dies with this object
    }
    delete m_vehiclesWindow;
    delete m_activityWindow;
}

tools::Approver &Desktop::approver()
{
    return *m_approver;
}

bool Desktop::openLoginWindow(const QUrl &loginUrl)
{
    return m_login->openWindow(loginUrl);
}

void Desktop::show()
{
    m_tray->show();
    // First run (no license anywhere, not demo mode): the welcome explains what is needed.
    auto welcomeIfNeeded = [this] {
        if (!m_options.demo && m_options.mode == Options::Mode::Tray && m_dimo.settings()->needsWelcome()) {
            m_license->showWelcome();
        }
    };
    if (m_dimo.settingsLoaded()) {
        welcomeIfNeeded();
    } else {
        connect(&m_dimo, &DimoService::settingsReady, this, welcomeIfNeeded, Qt::SingleShotConnection);
    }
}

void Desktop::raise()
{
    m_tray->raise();
}

namespace {

void present(QWidget *window)
{
    window->show();
    window->raise();
    window->activateWindow();
}

} // namespace

void Desktop::openVehicles()
{
    if (!m_vehiclesWindow) {
        m_vehiclesWindow = new ui::VehiclesWindow;
        m_vehiclesWindow->setAttribute(Qt::WA_DeleteOnClose);
        new VehiclesFeed(*m_dimo.backend(), *m_vehiclesWindow, m_options.demo, m_vehiclesWindow);
        connect(m_vehiclesWindow, &ui::VehiclesWindow::shareRequested, m_login, [this] {
            m_login->share();
        });
        connect(m_vehiclesWindow,
                &ui::VehiclesWindow::reshareRequested,
                m_login,
                [this](qint64 tokenId, const QList<int> &missing) {
                    // Re-sharing replaces the grant: ask for what it has plus what it lacks.
                    QSet<int> wanted(missing.begin(), missing.end());
                    if (const dimo::Vehicle *v = m_dimo.backend()->vehicles().find(tokenId)) {
                        wanted.unite(QSet<int>(v->privileges.begin(), v->privileges.end()));
                    }
                    QList<int> privileges = wanted.values();
                    std::sort(privileges.begin(), privileges.end());
                    m_login->share({tokenId}, privileges);
                });
        m_dimo.backend()->vehicles().refresh();
    }
    present(m_vehiclesWindow);
}

void Desktop::openActivity()
{
    if (!m_activityWindow) {
        m_activityWindow = new ui::ActivityWindow(m_activity);
        m_activityWindow->setAttribute(Qt::WA_DeleteOnClose);
    }
    present(m_activityWindow);
}

void Desktop::wireNotifications()
{
    tools::Backend *backend = m_dimo.backend();
    connect(backend,
            &tools::Backend::commandWatched,
            this,
            [this](const QString &tool, qint64 tokenId, bool confirmed, const QString &line) {
                m_tray->notify(confirmed ? tr("Vehicle %1: %2 confirmed").arg(tokenId).arg(tool)
                                         : tr("Vehicle %1: %2 not confirmed yet").arg(tokenId).arg(tool),
                               line,
                               !confirmed);
            });
    connect(backend,
            &tools::Backend::commandDecided,
            this,
            [this](const QString &tool, qint64 tokenId, bool allowed, const QString &note) {
                if (!allowed) {
                    m_tray->notify(tr("Vehicle %1: %2 refused").arg(tokenId).arg(tool), note);
                }
            });
    // DIMO's command service refusing DIMO's own vehicle credentials is the same for every command
    // until DIMO fixes it: one notification per process. The AI client gets every answer.
    connect(backend, &tools::Backend::commandFailed, this, [this](const QString &, qint64, const dimo::Error &error) {
        const QString refusal = error.message.section(u": "_s, 1); // without command and vehicle
        if (!dimo::commands::refusedOnDimoSide(error) || m_dimoSideRefusals.contains(refusal)) {
            return;
        }
        m_dimoSideRefusals.insert(refusal);
        m_tray->notify(tr("DIMO's command service refuses commands"), refusal + u"\n"_s + error.hint, true);
    });
    // Vehicles low on credits (read for the tooltip or check_vehicle_access_status): each one once per process.
    tools::VehicleState *vehicles = &backend->vehicles();
    connect(vehicles, &tools::VehicleState::creditsChanged, this, [this, vehicles] {
        QStringList fresh;
        for (const QString &v : tools::lowOnCredits(vehicles->list(), vehicles->credits())) {
            const QString tokenId = v.section(u' ', 0, 0);
            if (!m_lowCredits.contains(tokenId)) {
                m_lowCredits.insert(tokenId);
                fresh << v;
            }
        }
        if (!fresh.isEmpty()) {
            m_tray->notify(tr("Low on DIMO credits"),
                           tr("Vehicle %1. Buy credits for this license in the DIMO developer console "
                              "(console.dimo.org).")
                               .arg(fresh.join(u", "_s)),
                           true);
        }
    });
    connect(backend, &tools::Backend::demoSignInFinished, this, [this](bool ok, const QString &message) {
        m_tray->notify(ok ? tr("Demo mode") : tr("Demo sign-in failed"),
                       ok ? tr("Connected to the DIMO simulator, %1.").arg(message) : message,
                       !ok);
    });
}

} // namespace app
