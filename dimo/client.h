// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/attestation.h"
#include "dimo/auth/loginurl.h"
#include "dimo/auth/tokenexpiry.h"
#include "dimo/auth/userjwtverifier.h"
#include "dimo/commands.h"
#include "dimo/credentials.h"
#include "dimo/devicedefinitions.h"
#include "dimo/environment.h"
#include "dimo/net/httptypes.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

class QNetworkAccessManager;

namespace dimo {

class ApiCallJob;
class DeveloperJwtCache;
class GraphQlJob;
class TokenJob;
class VehicleJob;
class VehicleJwtCache;
class VehicleListJob;

struct ClientOptions
{
    TransportOptions transport;
    Clock clock = systemClock();
    bool fleetMode = false; // a fleet license: skip ownership checks (grants are still checked)
};

// The DIMO façade: one injected QNetworkAccessManager, the environment, the license
// credentials, the developer/vehicle JWT caches and the user session. Every method returns a
// job that starts by itself once control returns to the event loop (see dimo::Job).
// The environment's login URL honours DIMO_LOGIN_BASE_URL. Destroying the Client cancels its
// unfinished jobs (each finishes with Error::Kind::Cancelled).
class Client : public QObject
{
    Q_OBJECT
public:
    Client(QNetworkAccessManager *nam,
           const Environment &env,
           const Credentials &credentials,
           const ClientOptions &options = {},
           QObject *parent = nullptr);
    ~Client() override;

    const Environment &environment() const { return m_env; }

    QString clientId() const { return m_credentials.clientId; }

    bool fleetMode() const { return m_options.fleetMode; }

    void setFleetMode(bool on) { m_options.fleetMode = on; }

    // Login with DIMO and the user session.
    Result<QUrl> loginUrl(const LoginRequest &request) const;
    UserJwtVerifyJob *completeLogin(const QUrl &redirect); // parse + verify; success stores the session

    const std::optional<UserSession> &session() const { return m_session; }

    void signOut() { m_session.reset(); }

    // Tokens (cached; usually implicit).
    TokenJob *developerJwt();
    TokenJob *vehicleJwt(qint64 tokenId, const QList<int> &privileges);

    // Identity.
    VehicleListJob *sharedVehicles(const QString &owner = {});
    VehicleListJob *myVehicles(); // owner = signed-in wallet
    VehicleJob *vehicle(qint64 tokenId);
    VehicleJob *checkAccess(qint64 tokenId); // ownership (user mode) + grant; fleet mode: grant only
    GraphQlJob *identityQuery(const QString &document, const QJsonObject &variables, const QString &operationName = {});

    // Telemetry: a vehicle JWT with exactly `privileges` is obtained (and cached) first.
    GraphQlJob *telemetryQuery(qint64 tokenId,
                               const QString &document,
                               QJsonObject variables,
                               const QList<int> &privileges,
                               const QString &operationName = {});
    GraphQlJob *latestSignals(qint64 tokenId); // privilege 1
    GraphQlJob *latestLocation(qint64 tokenId); // privilege 4
    GraphQlJob *vinCredential(qint64 tokenId); // privilege 5
    GraphQlJob *availableSignals(qint64 tokenId); // privilege 1
    // Aggregated history (privilege 1): interval a Go duration ("1h", "15m"), RFC 3339 times, from < to ≤ from + 31
    // days.
    GraphQlJob *signalHistory(qint64 tokenId, const QString &from, const QString &to, const QString &interval);
    GraphQlJob *introspect(const QString &service); // "identity" or "telemetry" (telemetry unauthenticated)

    // Actions: sent exactly once, never retried automatically.
    ApiCallJob *sendCommand(qint64 tokenId, Command command); // privilege 2
    ApiCallJob *requestAttestation(const AttestationRequest &request);
    ApiCallJob *decodeVin(const QString &vin, const QString &countryCode); // developer JWT
    ApiCallJob *searchDeviceDefinitions(const DeviceDefinitions::Search &search); // public

private:
    ApiCallJob *invalidCall(const Error &error);
    template <class J> J *launch(J *job);

    QNetworkAccessManager *m_nam;
    Environment m_env;
    Credentials m_credentials;
    ClientOptions m_options;
    DeveloperJwtCache *m_developerJwt;
    VehicleJwtCache *m_vehicleJwt;
    UserJwtVerifier *m_verifier;
    std::optional<UserSession> m_session;
};

} // namespace dimo
