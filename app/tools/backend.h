// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/approval.h"
#include "app/tools/credentialsource.h"
#include "app/tools/loginlistener.h"
#include "app/tools/schemacache.h"
#include "app/tools/vehiclestate.h"
#include "dimo/client.h"
#include "dimo/environment.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace app::tools {

class DesktopHooks;

// The tools' context: what the MCP tools run with. The DIMO client (built from the credential
// source on first use), the command approval gate, the schema cache, the clock and the settings the
// tools read (command watch time). It owns the one VehicleState (vehicles()) and holds the
// desktop's hooks while a desktop is present. Without a valid license the tools still exist;
// `client()` then says what is missing and how to fix it.
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

    // The desktop's hooks (approval dialog, login window), or nullptr: headless again (MCP
    // elicitation, the loopback listener). The desktop sets them once and clears them before it goes.
    void setDesktopHooks(DesktopHooks *hooks);

    DesktopHooks *desktopHooks() const { return m_hooks; }

    // init_oauth: true when the desktop opened its login window at `loginUrl`.
    bool openLoginWindow(const QUrl &loginUrl);

    LoginListener &loginListener();

    SchemaCache &schemas() { return *m_schemas; }

    QDateTime now() const;
    QString redirectUri() const; // the license's, or empty

    void setClock(dimo::Clock clock) { m_clock = std::move(clock); }

    // Demo mode: signs in as the simulator's test user `testUser` through the normal, verified
    // login path (the simulator's login page redirects with a user JWT).
    void signInDemoUser(int testUser = 1);

    VehicleState &vehicles() { return *m_vehicles; }

    const VehicleState &vehicles() const { return *m_vehicles; }

    // How long a command tool watches telemetry for confirmation (default 20 s).
    int commandWatchMs() const { return m_commandWatchMs; }

    void setCommandWatchMs(int ms) { m_commandWatchMs = ms; }

Q_SIGNALS:
    void demoSignInFinished(bool ok, const QString &message);
    // A command was approved (and then sent) or refused; for the activity log and notifications.
    void commandDecided(const QString &tool, qint64 tokenId, bool allowed, const QString &note);
    // After an accepted command: whether telemetry showed its effect in time (`line` says so).
    void commandWatched(const QString &tool, qint64 tokenId, bool confirmed, const QString &line);
    // The one request to DIMO failed (refused, or outcome unknown: dimo::commands::outcomeUnknown).
    void commandFailed(const QString &tool, qint64 tokenId, const dimo::Error &error);
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
    DesktopHooks *m_hooks = nullptr;
    SchemaCache *m_schemas;
    LoginListener *m_loginListener = nullptr;
    dimo::Clock m_clock;
    int m_commandWatchMs = 20000;
    VehicleState *m_vehicles;
};

} // namespace app::tools
