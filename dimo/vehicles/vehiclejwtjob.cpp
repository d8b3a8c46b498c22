// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/vehicles/vehiclejwtjob.h"

#include "dimo/auth/developerjwtcache.h"
#include "dimo/auth/keccak.h"
#include "dimo/core/privileges.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/apicalljob.h"
#include "dimo/net/requests.h"
#include "dimo/vehicles/vehicle.h"

using namespace Qt::StringLiterals;

namespace dimo {

VehicleJwtJob::VehicleJwtJob(ContextPtr context, qint64 tokenId, const QList<int> &privileges, QObject *parent)
    : TypedJob(parent)
    , m_context(std::move(context))
    , m_tokenId(tokenId)
    , m_privileges(privilege::normalized(privileges))
{}

Error VehicleJwtJob::grantError(
    qint64 tokenId, const QString &clientId, const QList<int> &granted, const QList<int> &needed, bool shared)
{
    if (!shared) {
        Error e = Error::make(Error::Kind::NotShared,
                              u"vehicle %1 is not shared with this app (client ID %2)"_s.arg(tokenId).arg(clientId),
                              u"Ask the vehicle owner to share it with this app via Login with DIMO "
                              "(\"share vehicles\")."_s);
        e.privilege = needed.value(0);
        return e;
    }
    const QList<int> miss = privilege::missing(granted, needed);
    QStringList names;
    for (int id : miss) {
        names << privilege::describe(id);
    }
    Error e = Error::make(
        Error::Kind::MissingPrivilege,
        u"vehicle %1 is shared with this app without %2"_s.arg(tokenId).arg(names.join(u", "_s)),
        u"Ask the vehicle owner to share %1 with this app via Login with DIMO."_s.arg(names.join(u" and "_s)));
    e.privilege = miss.value(0);
    return e;
}

Status
VehicleJwtJob::checkAccess(const Context &context, qint64 tokenId, const QJsonObject &node, const QList<int> &needed)
{
    if (node.isEmpty()) { // a `null` vehicle reads exactly like identity-api's NOT_FOUND
        return GraphQlJob::notFound(u"vehicle"_s, u"token id %1"_s.arg(tokenId));
    }
    const Vehicle v = Vehicle::fromJson(node, context.now());
    if (!context.fleetMode && context.session && !eth::sameAddress(v.owner, context.session->walletAddress)) {
        return Error::make(Error::Kind::NotOwner,
                           u"vehicle %1 belongs to %2, not to the signed-in wallet %3"_s.arg(tokenId).arg(
                               v.owner, context.session->walletAddress),
                           u"Sign in with the owner's DIMO account, or use fleet mode for a fleet license."_s);
    }
    QList<int> bits = needed; // the cloud-event grant is not in Identity's mask: the exchange decides it
    bits.removeAll(privilege::AttestationEvents);
    if (!v.shared || !privilege::covers(v.privileges, bits)) {
        return grantError(tokenId, context.credentials.clientId, v.privileges, needed, v.shared);
    }
    return success();
}

void VehicleJwtJob::doStart()
{
    if (m_privileges.isEmpty() || m_tokenId <= 0) {
        finish(Error::make(Error::Kind::InvalidInput, u"a vehicle token needs a token id and privileges"_s));
        return;
    }
    if (!m_context->fleetMode && !m_context->session) {
        finish(Error::make(Error::Kind::NotSignedIn,
                           u"nobody is signed in, so vehicle ownership cannot be checked"_s,
                           u"Sign in with Login with DIMO (or enable fleet mode for a fleet license)."_s));
        return;
    }
    const QJsonObject vars{{u"tokenId"_s, m_tokenId}, {u"grantee"_s, m_context->credentials.clientId}};
    startChild(new GraphQlJob(m_context, graphql::identity(m_context->env, u"VehicleSacd"_s, vars)),
               [this](const Result<QJsonObject> &data) {
                   handleSacd(data);
               });
}

void VehicleJwtJob::handleSacd(const Result<QJsonObject> &data)
{
    if (!data) {
        const Error &e = data.error();
        finish(GraphQlJob::isNotFoundFor(e, u"vehicle"_s)
                   ? GraphQlJob::notFound(u"vehicle"_s, u"token id %1"_s.arg(m_tokenId), e.detail)
                   : e);
        return;
    }
    const Status access = checkAccess(*m_context, m_tokenId, data.value().value(u"vehicle"_s).toObject(), m_privileges);
    if (!access) {
        finish(access.error());
        return;
    }
    const auto request = requests::tokenExchange(m_context->env, m_tokenId, m_privileges);
    if (!request) {
        finish(request.error());
        return;
    }
    if (!m_context->developerJwt) {
        finish(Error::make(Error::Kind::Cancelled, u"the DIMO client was shut down"_s));
        return;
    }
    startChild(new ApiCallJob(m_context, request.value(), m_context->developerJwt->source()),
               [this](const Result<QJsonObject> &body) {
                   handleExchange(body);
               });
}

Error VehicleJwtJob::attestationRefusal(qint64 tokenId, const Error &exchange)
{
    // token-exchange-api access.go l.84-96: a request with cloud events is checked against the grant's SACD
    // document only: 403 "failed to evaluate cloudevents" (the document grants no dimo.attestation events),
    // 400 "failed to fetch source document from IPFS" (no document: a legacy grant), 403 "… lacks permissions".
    if ((exchange.httpStatus != 400 && exchange.httpStatus != 403)
        || (exchange.kind == Error::Kind::MissingPrivilege && exchange.privilege > 0)) {
        return exchange; // a missing privilege bit keeps its own words
    }
    Error e = Error::make(Error::Kind::MissingPrivilege,
                          u"vehicle %1 is shared with this app without access to its attestations (DIMO's token "
                          "exchange refused the dimo.attestation cloud-event grant)"_s.arg(tokenId),
                          u"Ask the vehicle owner to share the vehicle again via Login with DIMO with a permission "
                          "document that includes attestations (cloud events of type dimo.attestation); "
                          "older shares without a document cannot grant them."_s,
                          exchange.detail.isEmpty() ? exchange.message : exchange.detail);
    e.httpStatus = exchange.httpStatus;
    e.requestId = exchange.requestId;
    e.privilege = privilege::AttestationEvents;
    return e;
}

void VehicleJwtJob::handleExchange(const Result<QJsonObject> &body)
{
    if (!body) {
        finish(m_privileges.contains(privilege::AttestationEvents) ? attestationRefusal(m_tokenId, body.error())
                                                                   : body.error());
        return;
    }
    const QString token = body.value().value(u"token"_s).toString();
    if (token.isEmpty()) {
        finish(Error::make(Error::Kind::Parse, u"the DIMO token exchange answered without a token"_s));
        return;
    }
    finish(token);
}

} // namespace dimo
