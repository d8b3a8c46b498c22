// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/approval.h"
#include "app/tools/credentialsource.h"
#include "app/tools/loginlistener.h"
#include "app/tools/schemacache.h"
#include "dimo/client.h"
#include "dimo/environment.h"
#include "dimo/vehicles/vehicle.h"

#include <QHash>
#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace app::tools {

// What the tray last learned about the accessible vehicles (for resources and the UI).
struct VehicleSnapshot
{
    QList<dimo::Vehicle> list;
    QHash<qint64, QJsonObject> latest; // token id → the latest signals read by a tool
    QDateTime updatedAt; // invalid: never fetched
};

// What the MCP tools run with: the DIMO client (built from the credential source on first use),
// the command approval gate, the schema cache and the clock. Without a valid license the tools
// still exist; `client()` then says what is missing and how to fix it.
class Backend : public QObject
{
    Q_OBJECT
public:
    Backend(QNetworkAccessManager *nam,
            dimo::Environment environment,
            std::unique_ptr<CredentialSource> source,
            QObject *parent = nullptr);
    ~Backend() override;

    dimo::Result<dimo::Client *> client();

    const dimo::Environment &environment() const { return m_environment; }

    const CredentialSource &credentialSource() const { return *m_source; }

    void setCredentialSource(std::unique_ptr<CredentialSource> source); // drops the client

    ApprovalGate &approvals() { return m_approvals; }

    // Headless approvals again (MCP elicitation), e.g. when the tray's dialog approver goes away.
    void useElicitationApprover() { m_approvals.setApprover(&m_elicitation); }

    LoginListener &loginListener();
    // The tray sets this to open its login window (init_oauth then uses it instead of a listener).
    std::function<bool(const QUrl &loginUrl)> openLoginWindow;

    SchemaCache &schemas() { return *m_schemas; }

    QDateTime now() const;
    QString redirectUri() const; // the license's, or empty

    void setClock(dimo::Clock clock) { m_clock = std::move(clock); }

    // Demo mode: signs in as the simulator's test user `testUser` through the normal, verified
    // login path (the simulator's login page redirects with a user JWT).
    void signInDemoUser(int testUser = 1);

    const VehicleSnapshot &vehicles() const { return m_vehicles; }

    void setVehicles(const QList<dimo::Vehicle> &list);
    void setLatestSignals(qint64 tokenId, const QJsonObject &signalValues);
    // Fetches the accessible vehicles (user mode: the signed-in user's; fleet: all shared).
    void refreshVehicles();

    // How long a command tool watches telemetry for confirmation (default 20 s).
    int commandWatchMs() const { return m_commandWatchMs; }

    void setCommandWatchMs(int ms) { m_commandWatchMs = ms; }

Q_SIGNALS:
    void demoSignInFinished(bool ok, const QString &message);
    void vehiclesChanged();
    // A command was approved (and then sent) or refused; for the activity log and notifications.
    void commandDecided(const QString &tool, qint64 tokenId, bool allowed, const QString &note);
    // After an accepted command: whether telemetry showed its effect in time (`line` says so).
    void commandWatched(const QString &tool, qint64 tokenId, bool confirmed, const QString &line);
    // The one request to DIMO failed (refused, or outcome unknown: dimo::commands::outcomeUnknown).
    void commandFailed(const QString &tool, qint64 tokenId, const dimo::Error &error);
    // The outcome of the last vehicle-list refresh (the tray's "connected / unreachable /
    // credentials rejected" state); `error` is empty on success.
    void refreshFinished(bool ok, dimo::Error::Kind kind, const QString &error);
    // setCredentialSource() replaced the license: client() is a new object (or an error).
    void clientReplaced();

private:
    QNetworkAccessManager *m_nam;
    dimo::Environment m_environment;
    std::unique_ptr<CredentialSource> m_source;
    dimo::Client *m_client = nullptr;
    ApprovalGate m_approvals;
    QString m_grantWallet; // the signed-in wallet the grants belong to
    ElicitationApprover m_elicitation;
    SchemaCache *m_schemas;
    LoginListener *m_loginListener = nullptr;
    dimo::Clock m_clock;
    int m_commandWatchMs = 20000;
    VehicleSnapshot m_vehicles;
    bool m_refreshing = false;
};

} // namespace app::tools
