// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/vehicles/vehiclejwtjob.h"

#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/apicalljob.h"
#include "dimo/vehicles/privileges.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace dimo {

VehicleJwtJob::VehicleJwtJob(QNetworkAccessManager *nam,
                             const TransportOptions &options,
                             const Environment &env,
                             const QString &clientId,
                             qint64 tokenId,
                             const QList<int> &privileges,
                             TokenSource developerToken,
                             QObject *parent)
    : Job(parent)
    , m_nam(nam)
    , m_options(options)
    , m_env(env)
    , m_clientId(clientId)
    , m_tokenId(tokenId)
    , m_privileges(Privilege::normalized(privileges))
    , m_developerToken(std::move(developerToken))
{}

VehicleJwtJob::~VehicleJwtJob()
{
    doAbort();
}

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
    const QList<int> miss = Privilege::missing(granted, needed);
    QStringList names;
    for (int id : miss)
        names << Privilege::describe(id);
    Error e = Error::make(
        Error::Kind::MissingPrivilege,
        u"vehicle %1 is shared with this app without %2"_s.arg(tokenId).arg(names.join(u", "_s)),
        u"Ask the vehicle owner to share %1 with this app via Login with DIMO."_s.arg(names.join(u" and "_s)));
    e.privilege = miss.value(0);
    return e;
}

void VehicleJwtJob::doStart()
{
    if (m_privileges.isEmpty() || m_tokenId <= 0) {
        finish(Error::make(Error::Kind::InvalidInput, u"a vehicle token needs a token id and privileges"_s));
        return;
    }
    GraphQlRequest q;
    q.url = Environment::endpoint(m_env.identity, u"/query"_s);
    q.service = u"identity"_s;
    q.document = GraphQlDocuments::load(u"identity/VehicleSacd.graphql"_s);
    q.operationName = u"VehicleSacd"_s;
    q.variables = QJsonObject{{u"tokenId"_s, m_tokenId}, {u"grantee"_s, m_clientId}};
    m_sacdJob = new GraphQlJob(m_nam, m_options, std::move(q), std::nullopt, this);
    connect(m_sacdJob, &GraphQlJob::finished, this, &VehicleJwtJob::handleSacd);
    m_sacdJob->start();
}

void VehicleJwtJob::handleSacd(const Result<QJsonObject> &data)
{
    m_sacdJob = nullptr;
    if (!data) {
        finish(data.error());
        return;
    }
    const QJsonObject vehicle = data.value().value(u"vehicle"_s).toObject();
    const QJsonObject sacd = vehicle.value(u"sacd"_s).toObject();
    const QDateTime expires = QDateTime::fromString(sacd.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
    const bool active = !sacd.isEmpty() && (!expires.isValid() || expires > QDateTime::currentDateTimeUtc());
    const QList<int> granted = active ? Privilege::decodeMask(sacd.value(u"permissions"_s).toString()) : QList<int>();
    if (!active || !Privilege::covers(granted, m_privileges)) {
        finish(grantError(m_tokenId, m_clientId, granted, m_privileges, active && !granted.isEmpty()));
        return;
    }
    QJsonArray privs;
    for (int p : std::as_const(m_privileges))
        privs.append(p);
    HttpRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = Environment::endpoint(m_env.tokenExchange, u"/v1/tokens/exchange"_s);
    r.contentType = QByteArrayLiteral("application/json");
    r.service = u"tokenExchange"_s;
    r.idempotent = true; // minting a token has no side effect
    r.body = QJsonDocument(QJsonObject{{u"nftContractAddress"_s, m_env.vehicleNftAddress},
                                       {u"privileges"_s, privs},
                                       {u"tokenId"_s, m_tokenId}})
                 .toJson(QJsonDocument::Compact);
    m_exchangeJob = new ApiCallJob(m_nam, m_options, std::move(r), m_developerToken, this);
    connect(m_exchangeJob, &ApiCallJob::finished, this, &VehicleJwtJob::handleExchange);
    m_exchangeJob->start();
}

void VehicleJwtJob::handleExchange(const Result<QJsonObject> &body)
{
    m_exchangeJob = nullptr;
    if (!body) {
        finish(body.error());
        return;
    }
    const QString token = body.value().value(u"token"_s).toString();
    if (token.isEmpty()) {
        finish(Error::make(Error::Kind::Parse, u"the DIMO token exchange answered without a token"_s));
        return;
    }
    finish(token);
}

void VehicleJwtJob::doAbort()
{
    if (m_sacdJob) {
        m_sacdJob->disconnect(this);
        m_sacdJob->cancel();
    }
    if (m_exchangeJob) {
        m_exchangeJob->disconnect(this);
        m_exchangeJob->cancel();
    }
}

void VehicleJwtJob::finish(const Result<QString> &result)
{
    if (!claimFinish())
        return;
    Q_EMIT finished(result);
}

} // namespace dimo
