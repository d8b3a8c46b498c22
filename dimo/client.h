// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/attestation.h"
#include "dimo/auth/loginurl.h"
#include "dimo/auth/usersession.h"
#include "dimo/commands.h"
#include "dimo/context.h"
#include "dimo/core/result.h"
#include "dimo/devicedefinitions.h"
#include "dimo/graphql/requests.h"
#include "dimo/net/httptypes.h"
#include "dimo/net/tokenjob.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

class QNetworkAccessManager;

namespace dimo {

class ApiCallJob;
class CommandJob;
class DeveloperJwtCache;
class GraphQlJob;
class TokenStore;
class UserJwtVerifier;
class UserJwtVerifyJob;
class VehicleJob;
class VehicleJwtCache;
class VehicleListJob;

// The DIMO façade: owns the shared Context (network manager, environment, license credentials,
// clock, mode, user session, token caches) and hands out jobs built on it. Every method returns a
// job that starts by itself once control returns to the event loop (see dimo::Job). The
// environment's login URL honours DIMO_LOGIN_BASE_URL. Destroying the Client cancels its
// unfinished jobs (each finishes with Error::Kind::Cancelled).
//
// Vehicle operations (telemetry, commands, attestations, vehicleJwt) always run the access check
// first, inside the vehicle-token path: in user mode the signed-in wallet must own the vehicle
// (NotSignedIn / NotOwner otherwise); in fleet mode ownership is skipped; the license's grant
// must always cover the privileges (NotShared / MissingPrivilege). The outcome is cached with
// the vehicle JWT, so a warm telemetry query is one HTTP request.
class Client : public QObject
{
    Q_OBJECT
public:
    enum class SessionState {
        SignedOut, // no user session (fleet mode needs none)
        SigningIn, // a login redirect or a restored user JWT is being verified
        SignedIn, // session() holds the verified user, wallet() their wallet
        Rejected, // the last sign-in failed and nobody is signed in: sessionError() says why
    };
    Q_ENUM(SessionState)

    Client(QNetworkAccessManager *nam,
           const Environment &env,
           const Credentials &credentials,
           const ClientOptions &options = {},
           QObject *parent = nullptr);
    ~Client() override;

    const Environment &environment() const { return m_context->env; }

    QString clientId() const { return m_context->credentials.clientId; }

    bool fleetMode() const { return m_context->fleetMode; }

    void setFleetMode(bool on); // drops cached vehicle access (checked under the other mode)
    // A new license: drops the developer JWT, the vehicle JWTs and their access checks; signs out
    // if the client ID changes (a user JWT is issued for one license).
    void setCredentials(const Credentials &credentials);

    // Persistence across restarts (the app backs the store with the keychain). Not owned.
    void setTokenStore(TokenStore *store);
    // A stored developer JWT of this license, used until shortly before it expires.
    Status restoreDeveloperJwt(const QString &jwt);
    // A stored user JWT, verified again (signature, issuer, audience, expiry) like a login.
    UserJwtVerifyJob *restoreSession(const QString &userJwt);

    // Login with DIMO and the user session.
    Result<QUrl> loginUrl(const LoginRequest &request) const;
    // Parse + verify; success replaces the session. A failure keeps a session already there (the
    // state returns to SignedIn, sessionError() says why the attempt failed).
    UserJwtVerifyJob *completeLogin(const QUrl &redirect);
    void signOut(); // forgets the user, their vehicle access and the stored user JWT

    SessionState sessionState() const { return m_state; }

    const std::optional<UserSession> &session() const { return m_context->session; }

    QString wallet() const { return m_context->session ? m_context->session->walletAddress : QString(); }

    const std::optional<Error> &sessionError() const { return m_sessionError; } // why the last sign-in failed

    // Tokens (cached; usually implicit). vehicleJwt runs the access check.
    TokenJob *developerJwt();
    TokenJob *vehicleJwt(qint64 tokenId, const QList<int> &privileges);

    // Identity.
    VehicleListJob *sharedVehicles(const QString &owner = {});
    VehicleListJob *myVehicles(); // owner = signed-in wallet
    VehicleJob *vehicle(qint64 tokenId);
    VehicleJob *checkAccess(qint64 tokenId); // ownership (user mode) + any grant; fleet mode: grant only
    GraphQlJob *identityQuery(const QString &document, const QJsonObject &variables, const QString &operationName = {});

    // Telemetry: a vehicle JWT with exactly `privileges` is obtained (and cached) first. The
    // product's documents are dimo::graphql's (documents.h); a caller's own document passes as is.
    GraphQlJob *telemetryQuery(qint64 tokenId,
                               const QString &document,
                               const QJsonObject &variables,
                               const QList<int> &privileges,
                               const QString &operationName = {});
    GraphQlJob *lastSeen(qint64 tokenId, int privilege); // signalsLatest { lastSeen } with any granted privilege
    GraphQlJob *introspect(const QString &service); // "identity" or "telemetry" (telemetry unauthenticated)

    // Actions: sent exactly once, never retried automatically.
    CommandJob *sendCommand(qint64 tokenId, Command command); // privilege 2, tesla-oracle
    // tesla-oracle's GET /v1/{tokenId}/status (why a Tesla can or cannot take commands): needs the
    // signed-in user's JWT (NotSignedIn without one).
    ApiCallJob *teslaStatus(qint64 tokenId);
    ApiCallJob *requestAttestation(const AttestationRequest &request);
    // credit-tracker: the license's credits for one vehicle (balance now, use in the last
    // credits::PeriodDays days), with the developer JWT; parse with credits::parseVehicleCredits.
    ApiCallJob *vehicleCredits(qint64 tokenId);
    ApiCallJob *decodeVin(const QString &vin, const QString &countryCode); // developer JWT
    ApiCallJob *searchDeviceDefinitions(const devicedefinitions::Search &search); // public

Q_SIGNALS:
    void sessionStateChanged(dimo::Client::SessionState state, const QString &wallet);

private:
    template <class J> J *launch(J *job, const std::optional<Error> &invalid = std::nullopt);
    ApiCallJob *apiCall(const Result<HttpRequest> &request, const std::optional<TokenSource> &token);
    GraphQlJob *graphQl(const Result<GraphQlRequest> &request, const QList<int> &privileges, qint64 tokenId);
    UserJwtVerifyJob *beginSession(UserJwtVerifyJob *job);
    void setState(SessionState state);

    ContextPtr m_context;
    DeveloperJwtCache *m_developerJwt;
    VehicleJwtCache *m_vehicleJwt;
    UserJwtVerifier *m_verifier;
    SessionState m_state = SessionState::SignedOut;
    std::optional<Error> m_sessionError;
};

} // namespace dimo
