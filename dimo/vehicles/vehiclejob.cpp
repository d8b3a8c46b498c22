// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/vehicles/vehiclejob.h"

#include "dimo/auth/keccak.h"
#include "dimo/graphql/graphqljob.h"

using namespace Qt::StringLiterals;

namespace dimo {

VehicleJob::VehicleJob(
    ContextPtr context, qint64 tokenId, const QString &requiredOwner, bool requireGrant, QObject *parent)
    : TypedJob(parent)
    , m_context(std::move(context))
    , m_tokenId(tokenId)
    , m_requiredOwner(requiredOwner)
    , m_requireGrant(requireGrant)
{}

void VehicleJob::doStart()
{
    if (m_tokenId <= 0) {
        finish(Error::make(Error::Kind::InvalidInput, u"the vehicle token id must be a positive integer"_s));
        return;
    }
    const QString clientId = m_context->credentials.clientId;
    const QJsonObject vars{{u"tokenId"_s, m_tokenId}, {u"grantee"_s, clientId}};
    auto *query = new GraphQlJob(m_context, graphql::identity(m_context->env, u"VehicleDetails"_s, vars));
    startChild(query, [this, clientId](const Result<QJsonObject> &data) {
        const QString tokenText = u"token id %1"_s.arg(m_tokenId);
        if (!data) {
            const Error &e = data.error();
            finish(GraphQlJob::isNotFoundFor(e, u"vehicle"_s) ? GraphQlJob::notFound(u"vehicle"_s, tokenText, e.detail)
                                                              : e);
            return;
        }
        const QJsonObject node = data.value().value(u"vehicle"_s).toObject();
        if (node.isEmpty()) { // a `null` vehicle reads exactly like identity-api's NOT_FOUND
            finish(GraphQlJob::notFound(u"vehicle"_s, tokenText));
            return;
        }
        const Vehicle v = Vehicle::fromJson(node, m_context->now());
        if (!m_requiredOwner.isEmpty() && !eth::sameAddress(v.owner, m_requiredOwner)) {
            finish(Error::make(Error::Kind::NotOwner,
                               u"vehicle %1 belongs to %2, not to the signed-in wallet %3"_s.arg(m_tokenId).arg(
                                   v.owner, m_requiredOwner),
                               u"Sign in with the owner's DIMO account, or use fleet mode for a fleet license."_s));
            return;
        }
        if (m_requireGrant && !v.shared) {
            finish(Error::make(Error::Kind::NotShared,
                               u"vehicle %1 is not shared with this app (client ID %2)"_s.arg(m_tokenId).arg(clientId),
                               u"Ask the vehicle owner to share it with this app via Login with DIMO."_s));
            return;
        }
        finish(v);
    });
}

} // namespace dimo
