// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/vehicles/vehiclelistjob.h"

#include "dimo/graphql/graphqljob.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace dimo {

VehicleListJob::VehicleListJob(ContextPtr context, const QString &owner, QObject *parent)
    : TypedJob(parent)
    , m_context(std::move(context))
    , m_owner(owner)
{}

void VehicleListJob::doStart()
{
    if (m_context->credentials.clientId.isEmpty()) {
        finish(Error::make(Error::Kind::NotSignedIn,
                           u"no developer license is configured"_s,
                           u"Enter the license's client ID first."_s));
        return;
    }
    fetchPage({});
}

void VehicleListJob::fetchPage(const QString &after)
{
    const QString clientId = m_context->credentials.clientId;
    QJsonObject filter{{u"privileged"_s, clientId}};
    if (!m_owner.isEmpty()) {
        filter.insert(u"owner"_s, m_owner);
    }
    const QJsonObject vars{{u"first"_s, PageSize},
                           {u"after"_s, after.isEmpty() ? QJsonValue() : QJsonValue(after)},
                           {u"filterBy"_s, filter},
                           {u"grantee"_s, clientId}};
    auto *page = new GraphQlJob(m_context, graphql::identity(m_context->env, u"SharedVehicles"_s, vars));
    startChild(page, [this, after](const Result<QJsonObject> &data) {
        if (!data) {
            finish(data.error());
            return;
        }
        ++m_pages;
        const QJsonObject conn = data.value().value(u"vehicles"_s).toObject();
        const QJsonArray nodes = conn.value(u"nodes"_s).toArray();
        for (const QJsonValue &n : nodes) {
            m_vehicles << Vehicle::fromJson(n.toObject(), m_context->now());
        }
        const QJsonObject pageInfo = conn.value(u"pageInfo"_s).toObject();
        const QString next = pageInfo.value(u"endCursor"_s).toString();
        if (pageInfo.value(u"hasNextPage"_s).toBool() && !next.isEmpty() && next != after && m_pages < MaxPages
            && !nodes.isEmpty()) {
            fetchPage(next);
            return;
        }
        finish(m_vehicles);
    });
}

} // namespace dimo
