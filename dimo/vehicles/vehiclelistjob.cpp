// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/vehicles/vehiclelistjob.h"

#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace dimo {

VehicleListJob::VehicleListJob(QNetworkAccessManager *nam,
                               const TransportOptions &options,
                               const Environment &env,
                               const QString &clientId,
                               const QString &owner,
                               QObject *parent)
    : Job(parent)
    , m_nam(nam)
    , m_options(options)
    , m_env(env)
    , m_clientId(clientId)
    , m_owner(owner)
{}

VehicleListJob::~VehicleListJob()
{
    doAbort();
}

void VehicleListJob::doStart()
{
    if (m_clientId.isEmpty()) {
        finish(Error::make(Error::Kind::NotSignedIn,
                           u"no developer license is configured"_s,
                           u"Enter the license's client ID first."_s));
        return;
    }
    fetchPage({});
}

void VehicleListJob::fetchPage(const QString &after)
{
    QJsonObject filter{{u"privileged"_s, m_clientId}};
    if (!m_owner.isEmpty())
        filter.insert(u"owner"_s, m_owner);
    GraphQlRequest q;
    q.url = Environment::endpoint(m_env.identity, u"/query"_s);
    q.service = u"identity"_s;
    q.document = GraphQlDocuments::load(u"identity/SharedVehicles.graphql"_s);
    q.operationName = u"SharedVehicles"_s;
    q.variables = QJsonObject{{u"first"_s, PageSize},
                              {u"after"_s, after.isEmpty() ? QJsonValue() : QJsonValue(after)},
                              {u"filterBy"_s, filter},
                              {u"grantee"_s, m_clientId}};
    m_page = new GraphQlJob(m_nam, m_options, std::move(q), std::nullopt, this);
    connect(m_page, &GraphQlJob::finished, this, [this, after](const Result<QJsonObject> &data) {
        m_page = nullptr;
        if (!data) {
            finish(data.error());
            return;
        }
        ++m_pages;
        const QJsonObject conn = data.value().value(u"vehicles"_s).toObject();
        const QJsonArray nodes = conn.value(u"nodes"_s).toArray();
        for (const QJsonValue &n : nodes)
            m_vehicles << Vehicle::fromJson(n.toObject());
        const QJsonObject pageInfo = conn.value(u"pageInfo"_s).toObject();
        const QString next = pageInfo.value(u"endCursor"_s).toString();
        if (pageInfo.value(u"hasNextPage"_s).toBool() && !next.isEmpty() && next != after && m_pages < MaxPages
            && !nodes.isEmpty()) {
            fetchPage(next);
            return;
        }
        finish(m_vehicles);
    });
    m_page->start();
}

void VehicleListJob::doAbort()
{
    if (m_page) {
        m_page->disconnect(this);
        m_page->cancel();
    }
}

void VehicleListJob::finish(const Result<QList<Vehicle>> &result)
{
    if (!claimFinish())
        return;
    Q_EMIT finished(result);
}

} // namespace dimo
