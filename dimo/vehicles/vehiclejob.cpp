// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/vehicles/vehiclejob.h"

#include "dimo/auth/keccak.h"
#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"

using namespace Qt::StringLiterals;

namespace dimo {

VehicleJob::VehicleJob(QNetworkAccessManager *nam,
                       const TransportOptions &options,
                       const Environment &env,
                       const QString &clientId,
                       qint64 tokenId,
                       const QString &requiredOwner,
                       bool requireGrant,
                       QObject *parent)
    : Job(parent)
    , m_nam(nam)
    , m_options(options)
    , m_env(env)
    , m_clientId(clientId)
    , m_tokenId(tokenId)
    , m_requiredOwner(requiredOwner)
    , m_requireGrant(requireGrant)
{}

VehicleJob::~VehicleJob()
{
    doAbort();
}

void VehicleJob::doStart()
{
    if (m_tokenId <= 0) {
        finish(Error::make(Error::Kind::InvalidInput, u"the vehicle token id must be a positive integer"_s));
        return;
    }
    GraphQlRequest q;
    q.url = Environment::endpoint(m_env.identity, u"/query"_s);
    q.service = u"identity"_s;
    q.document = GraphQlDocuments::load(u"identity/VehicleDetails.graphql"_s);
    q.operationName = u"VehicleDetails"_s;
    q.variables = QJsonObject{{u"tokenId"_s, m_tokenId}, {u"grantee"_s, m_clientId}};
    m_query = new GraphQlJob(m_nam, m_options, std::move(q), std::nullopt, this);
    connect(m_query, &GraphQlJob::finished, this, [this](const Result<QJsonObject> &data) {
        m_query = nullptr;
        if (!data) {
            finish(data.error());
            return;
        }
        const QJsonObject node = data.value().value(u"vehicle"_s).toObject();
        if (node.isEmpty()) {
            finish(Error::make(Error::Kind::InvalidInput,
                               u"DIMO has no vehicle with token id %1"_s.arg(m_tokenId),
                               u"Check the token id (list the shared vehicles to see valid ones)."_s));
            return;
        }
        const Vehicle v = Vehicle::fromJson(node);
        if (!m_requiredOwner.isEmpty() && !eth::sameAddress(v.owner, m_requiredOwner)) {
            finish(Error::make(Error::Kind::NotOwner,
                               u"vehicle %1 belongs to %2, not to the signed-in wallet %3"_s.arg(m_tokenId).arg(
                                   v.owner, m_requiredOwner),
                               u"Sign in with the owner's DIMO account, or use fleet mode for a fleet license."_s));
            return;
        }
        if (m_requireGrant && !v.shared) {
            finish(
                Error::make(Error::Kind::NotShared,
                            u"vehicle %1 is not shared with this app (client ID %2)"_s.arg(m_tokenId).arg(m_clientId),
                            u"Ask the vehicle owner to share it with this app via Login with DIMO."_s));
            return;
        }
        finish(v);
    });
    m_query->start();
}

void VehicleJob::doAbort()
{
    if (m_query) {
        m_query->disconnect(this);
        m_query->cancel();
    }
}

void VehicleJob::finish(const Result<Vehicle> &result)
{
    if (!claimFinish())
        return;
    Q_EMIT finished(result);
}

} // namespace dimo
