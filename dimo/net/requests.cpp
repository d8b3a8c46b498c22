// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/net/requests.h"

#include "dimo/core/privileges.h"
#include "dimo/credits.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace dimo::requests {
namespace {

Error badTokenId()
{
    return Error::make(Error::Kind::InvalidInput, u"the vehicle token id must be a positive integer"_s);
}

HttpRequest authForm(const Environment &env, const QString &path, const Form &form, bool idempotent)
{
    QUrlQuery q;
    for (const auto &kv : form) {
        q.addQueryItem(kv.first, QString::fromLatin1(QUrl::toPercentEncoding(kv.second)));
    }
    HttpRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = Environment::endpoint(env.auth, path);
    r.body = q.toString(QUrl::FullyEncoded).toLatin1();
    r.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    r.service = u"auth"_s;
    r.idempotent = idempotent;
    return r;
}

HttpRequest postJson(const QUrl &url, const QString &service, const QByteArray &body, bool idempotent)
{
    HttpRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = url;
    r.body = body;
    if (!body.isEmpty()) {
        r.contentType = QByteArrayLiteral("application/json");
    }
    r.service = service;
    r.idempotent = idempotent;
    return r;
}

} // namespace

HttpRequest generateChallenge(const Environment &env, const Form &form)
{
    return authForm(env, u"/auth/web3/generate_challenge"_s, form, true); // no side effect worth protecting
}

HttpRequest submitChallenge(const Environment &env, const Form &form)
{
    return authForm(env, u"/auth/web3/submit_challenge"_s, form, false); // the state is single-use
}

HttpRequest jwks(const Environment &env)
{
    HttpRequest r;
    r.url = Environment::endpoint(env.auth, u"/keys"_s);
    r.service = u"auth"_s;
    return r;
}

Result<HttpRequest> tokenExchange(const Environment &env, qint64 tokenId, const QList<int> &privileges)
{
    if (tokenId <= 0 || privileges.isEmpty()) {
        return Error::make(Error::Kind::InvalidInput, u"a vehicle token needs a token id and privileges"_s);
    }
    const QList<int> norm = privilege::normalized(privileges);
    QJsonObject body;
    if (norm.contains(privilege::AttestationEvents)) {
        // The current body (token-exchange-api token_exchange.go TokenRequest): `asset` DID, permission names and
        // the cloud-event grant telemetry-api's `attestations` needs; source/ids/tags default to "*" (l.164-181).
        QJsonArray names;
        for (int p : norm) {
            if (privilege::isPrivilegeBit(p)) {
                names.append(privilege::permissionName(p));
            }
        }
        body.insert(u"asset"_s, u"did:erc721:%1:%2:%3"_s.arg(env.chainId).arg(env.vehicleNftAddress).arg(tokenId));
        if (!names.isEmpty()) {
            body.insert(u"permissions"_s, names);
        }
        body.insert(u"cloudEvents"_s,
                    QJsonObject{{u"events"_s, QJsonArray{QJsonObject{{u"eventType"_s, u"dimo.attestation"_s}}}}});
    } else {
        QJsonArray privs;
        for (int p : norm) {
            privs.append(p);
        }
        body = QJsonObject{
            {u"nftContractAddress"_s, env.vehicleNftAddress}, {u"privileges"_s, privs}, {u"tokenId"_s, tokenId}};
    }
    return postJson(Environment::endpoint(env.tokenExchange, u"/v1/tokens/exchange"_s),
                    u"tokenExchange"_s,
                    QJsonDocument(body).toJson(QJsonDocument::Compact),
                    true); // minting a token has no side effect
}

Result<HttpRequest> command(const Environment &env, qint64 tokenId, Command c)
{
    if (tokenId <= 0) {
        return badTokenId();
    }
    if (!env.teslaOracle.isEmpty()) {
        const QJsonObject body{{u"command"_s, commands::name(c)}};
        return postJson(Environment::endpoint(env.teslaOracle, u"/v1/commands/%1"_s.arg(tokenId)),
                        u"teslaOracle"_s,
                        QJsonDocument(body).toJson(QJsonDocument::Compact),
                        false);
    }
    if (!env.devices.isEmpty()) {
        return postJson(Environment::endpoint(env.devices, commands::legacyPath(c, tokenId)), u"devices"_s, {}, false);
    }
    return Error::make(Error::Kind::InvalidInput,
                       u"the environment names no command service"_s,
                       u"Add \"teslaOracle\" (e.g. https://tesla-oracle.dimo.zone) to the environment file."_s);
}

Result<HttpRequest> teslaStatus(const Environment &env, qint64 tokenId)
{
    if (tokenId <= 0) {
        return badTokenId();
    }
    if (env.teslaOracle.isEmpty()) {
        return Error::make(Error::Kind::InvalidInput, u"the environment names no tesla-oracle"_s);
    }
    HttpRequest r;
    r.url = Environment::endpoint(env.teslaOracle, u"/v1/%1/status"_s.arg(tokenId));
    r.service = u"teslaOracle"_s;
    return r;
}

Result<HttpRequest> vehicleCredits(const Environment &env, const QString &licenseId, qint64 tokenId, qint64 fromSecs)
{
    if (tokenId <= 0) {
        return badTokenId();
    }
    if (env.creditTracker.isEmpty()) {
        return Error::make(Error::Kind::InvalidInput,
                           u"the DIMO environment names no credit-tracker"_s,
                           u"Add \"creditTracker\" (e.g. https://credit-tracker.dimo.zone) to the environment file."_s);
    }
    HttpRequest r;
    // credit-tracker compares the path's license with the JWT's ethereum_address as strings: send it as the
    // client ID is stored (checksummed, as DIMO's auth service writes it).
    r.url = Environment::endpoint(
        env.creditTracker, u"/v1/credits/%1/assets/%2/usage"_s.arg(licenseId, credits::vehicleDid(env, tokenId)));
    QUrlQuery query;
    query.addQueryItem(u"fromDate"_s, QDateTime::fromSecsSinceEpoch(fromSecs, Qt::UTC).toString(Qt::ISODate));
    r.url.setQuery(query);
    r.service = u"creditTracker"_s;
    return r;
}

Result<HttpRequest> attestation(const Environment &env, const AttestationRequest &request)
{
    const auto body = request.body();
    if (!body) {
        return body.error();
    }
    return postJson(Environment::endpoint(env.attestation, request.path()), u"attestation"_s, body.value(), false);
}

Result<HttpRequest> decodeVin(const Environment &env, const QString &vin, const QString &countryCode)
{
    const auto body = devicedefinitions::decodeVinBody(vin, countryCode);
    if (!body) {
        return body.error();
    }
    return postJson(Environment::endpoint(env.deviceDefinitions, u"/device-definitions/decode-vin"_s),
                    u"deviceDefinitions"_s,
                    body.value(),
                    true); // a lookup
}

Result<HttpRequest> searchDeviceDefinitions(const Environment &env, const devicedefinitions::Search &search)
{
    const auto query = devicedefinitions::searchQuery(search);
    if (!query) {
        return query.error();
    }
    HttpRequest r;
    r.url = Environment::endpoint(env.deviceDefinitions, u"/device-definitions/search"_s);
    r.url.setQuery(query.value());
    r.service = u"deviceDefinitions"_s;
    return r;
}

} // namespace dimo::requests
