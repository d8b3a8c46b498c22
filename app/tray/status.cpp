// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/status.h"

#include "app/tools/backend.h"
#include "app/tray/clients/connectcontroller.h"
#include "mcp/server.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace app {

namespace {

constexpr int RefreshIntervalMs = 10 * 60 * 1000;

} // namespace

StatusTracker::StatusTracker(tools::Backend &backend, mcp::Server &server, bool demo, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_refreshTimer(new QTimer(this))
    , m_demo(demo)
{
    connect(&server, &mcp::Server::clientConnected, this, [this](quintptr key, const QJsonObject &info) {
        m_clients.insert(key, info);
        update();
        Q_EMIT clientsChanged();
    });
    connect(&server, &mcp::Server::clientDisconnected, this, [this](quintptr key) {
        if (m_clients.remove(key) > 0) {
            update();
            Q_EMIT clientsChanged();
        }
    });
    connect(&server, &mcp::Server::toolCallStarted, this, [this] {
        ++m_activeCalls;
        update();
    });
    connect(&server, &mcp::Server::toolCallFinished, this, [this] {
        m_activeCalls = qMax(0, m_activeCalls - 1);
        update();
    });
    connect(&backend.vehicles(), &tools::VehicleState::changed, this, &StatusTracker::update);
    connect(&backend.vehicles(),
            &tools::VehicleState::refreshFinished,
            this,
            [this](bool ok, dimo::Error::Kind kind, const QString &error) {
                handleRefresh(ok, int(kind), error);
            });
    connect(&backend.vehicles(), &tools::VehicleState::creditsChanged, this, &StatusTracker::update);
    connect(&backend, &tools::Backend::clientReplaced, this, &StatusTracker::attachClient);
    connect(&backend.approvals(), &tools::ApprovalGate::policyChanged, this, &StatusTracker::update);
    m_refreshTimer->setInterval(RefreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, &backend.vehicles(), &tools::VehicleState::refresh);
    attachClient();
}

QStringList StatusTracker::connectedClients() const
{
    QStringList names;
    for (const QJsonObject &info : m_clients) {
        names << clientLabel(info);
    }
    std::sort(names.begin(), names.end());
    return names;
}

void StatusTracker::setLoginOpen(bool open)
{
    m_loginOpen = open;
    update();
}

void StatusTracker::attachClient()
{
    if (m_client) {
        disconnect(m_client, nullptr, this, nullptr);
    }
    m_failure.reset();
    m_failureDetail.clear();
    const auto client = m_backend.client();
    m_client = client ? client.value() : nullptr;
    if (m_client) {
        connect(m_client, &dimo::Client::sessionStateChanged, this, &StatusTracker::handleSession);
        if (m_client->fleetMode()) {
            QTimer::singleShot(0, &m_backend.vehicles(), &tools::VehicleState::refresh);
        }
    }
    update();
}

void StatusTracker::handleSession(dimo::Client::SessionState session)
{
    if (session == dimo::Client::SessionState::SignedIn) {
        m_backend.vehicles().refresh();
    } else if (session == dimo::Client::SessionState::SignedOut && m_client && !m_client->fleetMode()) {
        m_backend.vehicles().setVehicles({}); // logged out: nothing of the user's stays on screen
    }
    update();
}

void StatusTracker::handleRefresh(bool ok, int kind, const QString &error)
{
    const auto k = dimo::Error::Kind(kind);
    if (ok) {
        m_failure.reset();
        m_failureDetail.clear();
        // The tooltip's credits, at each refresh (at most every CreditsFreshSecs per vehicle).
        m_backend.vehicles().readCredits(m_backend.vehicles().list(), this, {});
    } else if (k == dimo::Error::Kind::Network || k == dimo::Error::Kind::Timeout) {
        m_failure = ui::Connection::Unreachable;
        m_failureDetail = error;
    } else if (k == dimo::Error::Kind::Unauthorized) {
        m_failure = ui::Connection::CredentialsRejected;
        m_failureDetail = error;
    }
    update();
}

void StatusTracker::update()
{
    ui::TrayState s;
    s.demo = m_demo;
    s.clients = int(m_clients.size());
    s.activeCalls = m_activeCalls;
    s.vehicles = int(m_backend.vehicles().list().size());
    s.fleet = m_client && m_client->fleetMode();
    s.approval = m_backend.approvals().effectivePolicy().describe();
    s.credits = tools::creditsSummary(m_backend.vehicles().list(), m_backend.vehicles().credits());
    if (!m_client) {
        s.connection = ui::Connection::NotConfigured;
    } else if (m_failure) {
        s.connection = *m_failure;
        s.detail = m_failureDetail;
    } else if (m_loginOpen || m_client->sessionState() == dimo::Client::SessionState::SigningIn) {
        s.connection = ui::Connection::SigningIn;
    } else if (s.fleet || m_client->sessionState() == dimo::Client::SessionState::SignedIn) {
        s.connection = ui::Connection::Connected;
    } else {
        s.connection = ui::Connection::SignedOut;
    }
    if (s.connection == ui::Connection::Connected) {
        if (!m_refreshTimer->isActive()) {
            m_refreshTimer->start();
        }
    } else {
        m_refreshTimer->stop();
    }
    if (s != m_state) {
        m_state = s;
        Q_EMIT changed(m_state);
    }
}

} // namespace app
