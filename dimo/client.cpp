// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/client.h"

#include "dimo/auth/developerjwtcache.h"
#include "dimo/auth/loginredirect.h"
#include "dimo/auth/securezero.h"
#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/job.h"
#include "dimo/net/apicalljob.h"
#include "dimo/vehicles/privileges.h"
#include "dimo/vehicles/vehiclejob.h"
#include "dimo/vehicles/vehiclejwtcache.h"
#include "dimo/vehicles/vehiclelistjob.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace dimo {

Client::Client(QNetworkAccessManager *nam,
               const Environment &env,
               const Credentials &credentials,
               const ClientOptions &options,
               QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_env(env.withOverrides())
    , m_credentials(credentials)
    , m_options(options)
    , m_developerJwt(new DeveloperJwtCache(nam, options.transport, m_env, credentials, options.clock, this))
    , m_vehicleJwt(new VehicleJwtCache(
          nam, options.transport, m_env, credentials.clientId, m_developerJwt->source(), options.clock, this))
    , m_verifier(new UserJwtVerifier(nam, options.transport, m_env, credentials.clientId, options.clock, this))
{}

Client::~Client()
{
    // Unfinished jobs still finish exactly once (Cancelled) instead of vanishing silently.
    const auto jobs = findChildren<Job *>(Qt::FindDirectChildrenOnly);
    for (Job *job : jobs)
        job->cancel();
    secureZero(m_credentials.apiKey);
}

template <class J> J *Client::launch(J *job)
{
    job->startLater();
    return job;
}

ApiCallJob *Client::invalidCall(const Error &error)
{
    auto *job = new ApiCallJob(m_nam, m_options.transport, HttpRequest{}, std::nullopt, this);
    job->failOnStart(error);
    return launch(job);
}

Result<QUrl> Client::loginUrl(const LoginRequest &request) const
{
    return buildLoginUrl(m_env, m_credentials, request);
}

UserJwtVerifyJob *Client::completeLogin(const QUrl &redirect)
{
    const auto parsed = LoginRedirect::parse(redirect, m_credentials.redirectUri);
    auto *job = m_verifier->verify(parsed ? parsed.value().token : QString(),
                                   parsed ? parsed.value().walletAddress : QString(),
                                   parsed ? parsed.value().email : QString());
    if (!parsed)
        job->failOnStart(parsed.error());
    connect(job, &UserJwtVerifyJob::finished, this, [this](const Result<UserSession> &s) {
        if (s)
            m_session = s.value();
    });
    return launch(job);
}

TokenJob *Client::developerJwt()
{
    return launch(m_developerJwt->token());
}

TokenJob *Client::vehicleJwt(qint64 tokenId, const QList<int> &privileges)
{
    return launch(m_vehicleJwt->token(tokenId, privileges));
}

VehicleListJob *Client::sharedVehicles(const QString &owner)
{
    return launch(new VehicleListJob(m_nam, m_options.transport, m_env, m_credentials.clientId, owner, this));
}

VehicleListJob *Client::myVehicles()
{
    auto *job = new VehicleListJob(m_nam,
                                   m_options.transport,
                                   m_env,
                                   m_credentials.clientId,
                                   m_session ? m_session->walletAddress : QString(),
                                   this);
    if (!m_session)
        job->failOnStart(Error::make(Error::Kind::NotSignedIn,
                                     u"nobody is signed in"_s,
                                     u"Sign in with Login with DIMO to see your own vehicles."_s));
    return launch(job);
}

VehicleJob *Client::vehicle(qint64 tokenId)
{
    return launch(new VehicleJob(m_nam, m_options.transport, m_env, m_credentials.clientId, tokenId, {}, false, this));
}

VehicleJob *Client::checkAccess(qint64 tokenId)
{
    // Fleet mode skips the ownership check, never the grant check.
    const QString owner = m_options.fleetMode || !m_session ? QString() : m_session->walletAddress;
    auto *job = new VehicleJob(m_nam, m_options.transport, m_env, m_credentials.clientId, tokenId, owner, true, this);
    if (!m_options.fleetMode && !m_session)
        job->failOnStart(Error::make(Error::Kind::NotSignedIn,
                                     u"nobody is signed in, so vehicle ownership cannot be checked"_s,
                                     u"Sign in with Login with DIMO (or enable fleet mode for a fleet license)."_s));
    return launch(job);
}

GraphQlJob *Client::identityQuery(const QString &document, const QJsonObject &variables, const QString &operationName)
{
    GraphQlRequest q{
        Environment::endpoint(m_env.identity, u"/query"_s), u"identity"_s, document, variables, operationName};
    return launch(new GraphQlJob(m_nam, m_options.transport, std::move(q), std::nullopt, this));
}

GraphQlJob *Client::telemetryQuery(qint64 tokenId,
                                   const QString &document,
                                   QJsonObject variables,
                                   const QList<int> &privileges,
                                   const QString &operationName)
{
    if (!variables.contains(u"tokenId"_s))
        variables.insert(u"tokenId"_s, tokenId);
    GraphQlRequest q{
        Environment::endpoint(m_env.telemetry, u"/query"_s), u"telemetry"_s, document, variables, operationName};
    auto *job =
        new GraphQlJob(m_nam, m_options.transport, std::move(q), m_vehicleJwt->source(tokenId, privileges, true), this);
    if (tokenId <= 0)
        job->failOnStart(Error::make(Error::Kind::InvalidInput, u"the vehicle token id must be a positive integer"_s));
    return launch(job);
}

GraphQlJob *Client::latestSignals(qint64 tokenId)
{
    return telemetryQuery(tokenId,
                          GraphQlDocuments::load(u"telemetry/SignalsLatest.graphql"_s),
                          {},
                          {Privilege::NonLocationHistory},
                          u"SignalsLatest"_s);
}

GraphQlJob *Client::latestLocation(qint64 tokenId)
{
    return telemetryQuery(tokenId,
                          GraphQlDocuments::load(u"telemetry/LatestLocation.graphql"_s),
                          {},
                          {Privilege::AllTimeLocation},
                          u"LatestLocation"_s);
}

GraphQlJob *Client::vinCredential(qint64 tokenId)
{
    return telemetryQuery(tokenId,
                          GraphQlDocuments::load(u"telemetry/VinCredential.graphql"_s),
                          {},
                          {Privilege::VinCredential},
                          u"VinCredential"_s);
}

GraphQlJob *Client::availableSignals(qint64 tokenId)
{
    return telemetryQuery(tokenId,
                          GraphQlDocuments::load(u"telemetry/AvailableSignals.graphql"_s),
                          {},
                          {Privilege::NonLocationHistory},
                          u"AvailableSignals"_s);
}

GraphQlJob *Client::signalHistory(qint64 tokenId, const QString &from, const QString &to, const QString &interval)
{
    static const QRegularExpression duration(QStringLiteral("^[1-9][0-9]*(ms|s|m|h)$"));
    const auto start = parseRfc3339(from, u"from"_s);
    const auto end = parseRfc3339(to, u"to"_s);
    std::optional<Error> invalid;
    if (!start)
        invalid = start.error();
    else if (!end)
        invalid = end.error();
    else if (start.value() >= end.value())
        invalid = Error::make(Error::Kind::InvalidInput, u"from must be before to"_s);
    else if (start.value().secsTo(end.value()) > 31LL * 86400)
        invalid = Error::make(Error::Kind::InvalidInput, u"the history range cannot exceed 31 days"_s);
    else if (!duration.match(interval).hasMatch())
        invalid = Error::make(Error::Kind::InvalidInput,
                              u"the interval must be a duration such as 15m, 1h or 24h (units ms, s, m, h; no d); "
                              "you gave \"%1\""_s.arg(interval));
    const QJsonObject vars{{u"interval"_s, interval},
                           {u"from"_s, start ? start.value().toString(Qt::ISODate) : from},
                           {u"to"_s, end ? end.value().toString(Qt::ISODate) : to}};
    auto *job = telemetryQuery(tokenId,
                               GraphQlDocuments::load(u"telemetry/SignalsHistory.graphql"_s),
                               vars,
                               {Privilege::NonLocationHistory},
                               u"SignalsHistory"_s);
    if (invalid)
        job->failOnStart(*invalid);
    return job;
}

GraphQlJob *Client::introspect(const QString &service)
{
    const bool telemetry = service == QLatin1String("telemetry");
    GraphQlRequest q{Environment::endpoint(telemetry ? m_env.telemetry : m_env.identity, u"/query"_s),
                     telemetry ? u"telemetry"_s : u"identity"_s,
                     GraphQlDocuments::load(u"identity/IntrospectionQuery.graphql"_s),
                     {},
                     u"IntrospectionQuery"_s};
    return launch(new GraphQlJob(m_nam, m_options.transport, std::move(q), std::nullopt, this));
}

ApiCallJob *Client::sendCommand(qint64 tokenId, Command command)
{
    if (tokenId <= 0)
        return invalidCall(
            Error::make(Error::Kind::InvalidInput, u"the vehicle token id must be a positive integer"_s));
    HttpRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = Environment::endpoint(m_env.devices, Commands::path(command, tokenId));
    r.service = u"devices"_s;
    r.idempotent = false; // a command is sent exactly once
    // Commands are not re-sent even after a 401; the cached token is dropped for the next call.
    return launch(new ApiCallJob(m_nam,
                                 m_options.transport,
                                 std::move(r),
                                 m_vehicleJwt->source(tokenId, {Privilege::ExecuteCommands}, false),
                                 this));
}

ApiCallJob *Client::requestAttestation(const AttestationRequest &request)
{
    const auto body = request.body();
    if (!body)
        return invalidCall(body.error());
    HttpRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = Environment::endpoint(m_env.attestation, request.path());
    r.body = body.value();
    if (!r.body.isEmpty())
        r.contentType = QByteArrayLiteral("application/json");
    r.service = u"attestation"_s;
    r.idempotent = false; // every call creates a new attestation
    return launch(new ApiCallJob(m_nam,
                                 m_options.transport,
                                 std::move(r),
                                 m_vehicleJwt->source(request.tokenId, request.privileges(), false),
                                 this));
}

ApiCallJob *Client::decodeVin(const QString &vin, const QString &countryCode)
{
    const auto body = DeviceDefinitions::decodeVinBody(vin, countryCode);
    if (!body)
        return invalidCall(body.error());
    HttpRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = Environment::endpoint(m_env.deviceDefinitions, u"/device-definitions/decode-vin"_s);
    r.body = body.value();
    r.contentType = QByteArrayLiteral("application/json");
    r.service = u"deviceDefinitions"_s;
    r.idempotent = true; // a lookup
    return launch(new ApiCallJob(m_nam, m_options.transport, std::move(r), m_developerJwt->source(), this));
}

ApiCallJob *Client::searchDeviceDefinitions(const DeviceDefinitions::Search &search)
{
    const auto query = DeviceDefinitions::searchQuery(search);
    if (!query)
        return invalidCall(query.error());
    HttpRequest r;
    r.url = Environment::endpoint(m_env.deviceDefinitions, u"/device-definitions/search"_s);
    r.url.setQuery(query.value());
    r.service = u"deviceDefinitions"_s;
    return launch(new ApiCallJob(m_nam, m_options.transport, std::move(r), std::nullopt, this));
}

} // namespace dimo
