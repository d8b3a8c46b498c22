// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/client.h"

#include "dimo/auth/developerjwtcache.h"
#include "dimo/auth/jwt.h"
#include "dimo/auth/keccak.h"
#include "dimo/auth/loginredirect.h"
#include "dimo/auth/securezero.h"
#include "dimo/auth/tokenstore.h"
#include "dimo/auth/userjwtverifier.h"
#include "dimo/commandjob.h"
#include "dimo/credits.h"
#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/apicalljob.h"
#include "dimo/net/requests.h"
#include "dimo/vehicles/vehiclejob.h"
#include "dimo/vehicles/vehiclejwtcache.h"
#include "dimo/vehicles/vehiclelistjob.h"

using namespace Qt::StringLiterals;

namespace dimo {

Client::Client(QNetworkAccessManager *nam,
               const Environment &env,
               const Credentials &credentials,
               const ClientOptions &options,
               QObject *parent)
    : QObject(parent)
    , m_context(Context::create(nam, env.withOverrides(), credentials, options))
    , m_developerJwt(new DeveloperJwtCache(m_context, this))
    , m_vehicleJwt(new VehicleJwtCache(m_context, this))
    , m_verifier(new UserJwtVerifier(m_context, this))
{
    m_context->developerJwt = m_developerJwt;
    m_context->vehicleJwt = m_vehicleJwt;
}

Client::~Client()
{
    // Unfinished jobs still finish exactly once (Cancelled) instead of vanishing silently.
    const auto jobs = findChildren<Job *>(Qt::FindDirectChildrenOnly);
    for (Job *job : jobs) {
        job->disconnect(this); // no session bookkeeping during destruction; callers still hear Cancelled
        job->cancel();
    }
    secureZero(m_context->credentials.apiKey);
}

template <class J> J *Client::launch(J *job, const std::optional<Error> &invalid)
{
    if (invalid) {
        job->failOnStart(*invalid);
    }
    job->startLater();
    return job;
}

ApiCallJob *Client::apiCall(const Result<HttpRequest> &request, const std::optional<TokenSource> &token)
{
    auto *job = new ApiCallJob(m_context, request ? request.value() : HttpRequest{}, token, this);
    return launch(job, request ? std::nullopt : std::optional<Error>(request.error()));
}

GraphQlJob *Client::graphQl(const Result<GraphQlRequest> &request, const QList<int> &privileges, qint64 tokenId)
{
    std::optional<TokenSource> token;
    if (!privileges.isEmpty()) {
        token = m_vehicleJwt->source(tokenId, privileges, true);
    }
    auto *job = new GraphQlJob(m_context, request ? request.value() : GraphQlRequest{}, token, this);
    return launch(job, request ? std::nullopt : std::optional<Error>(request.error()));
}

// Session and license.

void Client::setState(SessionState state)
{
    m_state = state;
    Q_EMIT sessionStateChanged(state, wallet());
}

void Client::setFleetMode(bool on)
{
    if (m_context->fleetMode != on) {
        m_context->fleetMode = on;
        m_vehicleJwt->clear();
    }
}

void Client::setCredentials(const Credentials &credentials)
{
    const bool otherLicense = !eth::sameAddress(credentials.clientId, m_context->credentials.clientId);
    secureZero(m_context->credentials.apiKey);
    m_context->credentials = credentials;
    m_developerJwt->clear();
    m_vehicleJwt->clear();
    if (otherLicense && m_context->session) {
        signOut();
    }
}

void Client::setTokenStore(TokenStore *store)
{
    m_context->tokenStore = store;
}

Status Client::restoreDeveloperJwt(const QString &jwt)
{
    return m_developerJwt->restore(jwt);
}

UserJwtVerifyJob *Client::restoreSession(const QString &userJwt)
{
    const auto jwt = Jwt::decode(userJwt);
    const QString wallet = jwt ? jwt.value().stringClaim(u"ethereum_address"_s) : QString();
    auto *job = m_verifier->verify(userJwt, wallet, jwt ? jwt.value().stringClaim(u"email"_s) : QString());
    if (!jwt) {
        job->failOnStart(jwt.error());
    }
    return beginSession(job);
}

Result<QUrl> Client::loginUrl(const LoginRequest &request) const
{
    return buildLoginUrl(m_context->env, m_context->credentials, request, m_context->now());
}

UserJwtVerifyJob *Client::completeLogin(const QUrl &redirect)
{
    const auto parsed = LoginRedirect::parse(redirect, m_context->credentials.redirectUri);
    auto *job = m_verifier->verify(parsed ? parsed.value().token : QString(),
                                   parsed ? parsed.value().walletAddress : QString(),
                                   parsed ? parsed.value().email : QString());
    if (!parsed) {
        job->failOnStart(parsed.error());
    }
    return beginSession(job);
}

UserJwtVerifyJob *Client::beginSession(UserJwtVerifyJob *job)
{
    job->setParent(this);
    setState(SessionState::SigningIn);
    connect(job, &UserJwtVerifyJob::finished, this, [this](const Result<UserSession> &s) {
        if (s) {
            m_vehicleJwt->clear(); // access was checked for the previous user
            m_context->session = s.value();
            m_sessionError.reset();
            if (m_context->tokenStore) {
                m_context->tokenStore->save(TokenStore::Token::UserJwt, s.value().token);
            }
            setState(SessionState::SignedIn);
            return;
        }
        m_sessionError = s.error();
        if (m_context->session) {
            // A redirect that does not verify (garbage, forged, another license's) never signs the
            // user out: whoever can reach the login callback must not be able to end a session.
            setState(SessionState::SignedIn);
            return;
        }
        setState(s.error().kind == Error::Kind::Cancelled ? SessionState::SignedOut : SessionState::Rejected);
    });
    return launch(job);
}

void Client::signOut()
{
    m_context->session.reset();
    m_sessionError.reset();
    m_vehicleJwt->clear();
    if (m_context->tokenStore) {
        m_context->tokenStore->save(TokenStore::Token::UserJwt, {});
    }
    setState(SessionState::SignedOut);
}

// Tokens and Identity.

TokenJob *Client::developerJwt()
{
    auto *job = m_developerJwt->token();
    job->setParent(this);
    return launch(job);
}

TokenJob *Client::vehicleJwt(qint64 tokenId, const QList<int> &privileges)
{
    auto *job = m_vehicleJwt->token(tokenId, privileges);
    job->setParent(this);
    return launch(job);
}

VehicleListJob *Client::sharedVehicles(const QString &owner)
{
    return launch(new VehicleListJob(m_context, owner, this));
}

VehicleListJob *Client::myVehicles()
{
    std::optional<Error> invalid;
    if (!m_context->session) {
        invalid = Error::make(Error::Kind::NotSignedIn,
                              u"nobody is signed in"_s,
                              u"Sign in with Login with DIMO to see your own vehicles."_s);
    }
    return launch(new VehicleListJob(m_context, wallet(), this), invalid);
}

VehicleJob *Client::vehicle(qint64 tokenId)
{
    return launch(new VehicleJob(m_context, tokenId, {}, false, this));
}

VehicleJob *Client::checkAccess(qint64 tokenId)
{
    // Fleet mode skips the ownership check, never the grant check.
    std::optional<Error> invalid;
    if (!m_context->fleetMode && !m_context->session) {
        invalid = Error::make(Error::Kind::NotSignedIn,
                              u"nobody is signed in, so vehicle ownership cannot be checked"_s,
                              u"Sign in with Login with DIMO (or enable fleet mode for a fleet license)."_s);
    }
    const QString owner = m_context->fleetMode ? QString() : wallet();
    return launch(new VehicleJob(m_context, tokenId, owner, true, this), invalid);
}

GraphQlJob *Client::identityQuery(const QString &document, const QJsonObject &variables, const QString &operationName)
{
    return graphQl(graphql::identityDocument(m_context->env, document, variables, operationName), {}, 0);
}

// Telemetry.

GraphQlJob *Client::telemetryQuery(qint64 tokenId,
                                   const QString &document,
                                   const QJsonObject &variables,
                                   const QList<int> &privileges,
                                   const QString &operationName)
{
    return graphQl(
        graphql::telemetry(m_context->env, tokenId, document, variables, operationName), privileges, tokenId);
}

GraphQlJob *Client::lastSeen(qint64 tokenId, int privilege)
{
    const graphql::Document doc = graphql::shipped(u"telemetry"_s, u"LastSeen"_s);
    return telemetryQuery(tokenId, doc.text, {}, {privilege}, doc.operation);
}

ApiCallJob *Client::teslaStatus(qint64 tokenId)
{
    if (!m_context->session) {
        return apiCall(Error::make(Error::Kind::NotSignedIn,
                                   u"nobody is signed in, so tesla-oracle's status cannot be read"_s,
                                   u"Log in with DIMO (init_oauth)."_s),
                       std::nullopt);
    }
    const QString token = m_context->session->token;
    const TokenSource user{[token] {
                               return new TokenJob([token](TokenJob *job) {
                                   job->complete(token);
                               });
                           },
                           [](const QString &) {},
                           false};
    return apiCall(requests::teslaStatus(m_context->env, tokenId), user);
}

GraphQlJob *Client::introspect(const QString &service)
{
    return graphQl(graphql::introspection(m_context->env, service), {}, 0);
}

// Actions.

CommandJob *Client::sendCommand(qint64 tokenId, Command command)
{
    return launch(new CommandJob(m_context, tokenId, command, this));
}

ApiCallJob *Client::requestAttestation(const AttestationRequest &request)
{
    return apiCall(requests::attestation(m_context->env, request),
                   m_vehicleJwt->source(request.tokenId, request.privileges(), false));
}

ApiCallJob *Client::vehicleCredits(qint64 tokenId)
{
    const qint64 from = m_context->now() - qint64(credits::PeriodDays) * 86400;
    return apiCall(requests::vehicleCredits(m_context->env, m_context->credentials.clientId, tokenId, from),
                   m_developerJwt->source());
}

ApiCallJob *Client::decodeVin(const QString &vin, const QString &countryCode)
{
    return apiCall(requests::decodeVin(m_context->env, vin, countryCode), m_developerJwt->source());
}

ApiCallJob *Client::searchDeviceDefinitions(const devicedefinitions::Search &search)
{
    return apiCall(requests::searchDeviceDefinitions(m_context->env, search), std::nullopt);
}

} // namespace dimo
