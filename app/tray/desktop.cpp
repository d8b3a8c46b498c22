// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/desktop.h"

#include "app/tools/backend.h"
#include "app/tray/clients/connectcontroller.h"
#include "app/tray/dimoservice.h"
#include "app/tray/loginflows.h"
#include "app/tray/mcphost.h"
#include "app/tray/status.h"
#include "app/tray/traycontroller.h"
#include "ui/tray/traymenu.h"

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
{
    ui::TrayMenu &menu = m_tray->menu();
    connect(&menu, &ui::TrayMenu::connectRequested, m_connect, &ConnectController::show);
    connect(m_status, &StatusTracker::clientsChanged, m_connect, [this] {
        m_connect->setConnectedClients(m_status->connectedClients());
    });
    m_connect->setHttpEndpoint(host.httpUrl(), options.httpToken);
    connect(&menu, &ui::TrayMenu::quitRequested, this, &Desktop::quitRequested);
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

Desktop::~Desktop() = default;

void Desktop::show()
{
    m_tray->show();
}

void Desktop::raise()
{
    m_tray->raise();
}

void Desktop::wireNotifications()
{
    tools::Backend *backend = m_dimo.backend();
    connect(backend,
            &tools::Backend::commandWatched,
            this,
            [this](const QString &tool, qint64 tokenId, bool confirmed, const QString &line) {
                m_tray->notify(confirmed ? u"Vehicle %1: %2 confirmed"_s.arg(tokenId).arg(tool)
                                         : u"Vehicle %1: %2 not confirmed yet"_s.arg(tokenId).arg(tool),
                               line,
                               !confirmed);
            });
    connect(backend,
            &tools::Backend::commandDecided,
            this,
            [this](const QString &tool, qint64 tokenId, bool allowed, const QString &note) {
                if (!allowed) {
                    m_tray->notify(u"Vehicle %1: %2 refused"_s.arg(tokenId).arg(tool), note);
                }
            });
    connect(backend, &tools::Backend::demoSignInFinished, this, [this](bool ok, const QString &message) {
        m_tray->notify(ok ? u"Demo mode"_s : u"Demo sign-in failed"_s,
                       ok ? u"Connected to the DIMO simulator, %1."_s.arg(message) : message,
                       !ok);
    });
}

} // namespace app
