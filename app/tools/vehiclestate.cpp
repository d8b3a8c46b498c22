// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/vehiclestate.h"

#include "app/tools/telemetrycall.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/vehicles/vehiclelistjob.h"

#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace app::tools {

VehicleState::VehicleState(ClientSource client, Now now, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_now(std::move(now))
{}

const dimo::Vehicle *VehicleState::find(qint64 tokenId) const
{
    for (const dimo::Vehicle &v : m_snapshot.list) {
        if (v.tokenId == tokenId) {
            return &v;
        }
    }
    return nullptr;
}

void VehicleState::setVehicles(const QList<dimo::Vehicle> &list)
{
    m_snapshot.list = list;
    m_snapshot.updatedAt = m_now();
    Q_EMIT changed();
}

void VehicleState::setLatestSignals(qint64 tokenId, const QJsonObject &signalValues)
{
    m_snapshot.latest.insert(tokenId, signalValues);
}

void VehicleState::clear()
{
    m_snapshot = {};
    ++m_generation; // a credits read still running belongs to the previous user
    Q_EMIT changed();
}

void VehicleState::refresh()
{
    const auto c = m_client();
    if (!c || m_refreshing || (!c.value()->fleetMode() && !c.value()->session())) {
        return;
    }
    m_refreshing = true;
    auto *job = c.value()->fleetMode() ? c.value()->sharedVehicles() : c.value()->myVehicles();
    connect(job, &dimo::VehicleListJob::finished, this, [this](const dimo::Result<QList<dimo::Vehicle>> &r) {
        m_refreshing = false;
        if (r) {
            setVehicles(r.value());
            Q_EMIT refreshFinished(true, {}, {});
        } else {
            Q_EMIT refreshFinished(false, r.error().kind, r.error().toString());
        }
    });
}

void VehicleState::readCredits(const QList<dimo::Vehicle> &vehicles,
                               QObject *context,
                               const std::function<void(const QHash<qint64, CreditRead> &)> &done)
{
    const QDateTime now = m_now();
    QHash<qint64, CreditRead> known;
    QList<qint64> toRead;
    for (const dimo::Vehicle &v : vehicles.mid(0, MaxCreditReads)) {
        const auto it = m_snapshot.credits.constFind(v.tokenId);
        if (it != m_snapshot.credits.constEnd() && it->credits && it->readAt.secsTo(now) < CreditsFreshSecs) {
            known.insert(v.tokenId, *it);
        } else {
            toRead << v.tokenId;
        }
    }
    const auto client = m_client();
    if (toRead.isEmpty() || !client) {
        if (done) {
            done(known);
        }
        return;
    }
    const quint64 generation = m_generation;
    fetchCredits(
        client.value(),
        toRead,
        now,
        this,
        [this, generation, known, context = QPointer<QObject>(context), done](const QHash<qint64, CreditRead> &reads) {
            QHash<qint64, CreditRead> all = known;
            all.insert(reads);
            if (generation == m_generation) { // not kept once the user or license changed meanwhile
                m_snapshot.credits.insert(reads);
                Q_EMIT creditsChanged();
            }
            if (done && context) {
                done(all);
            }
        });
}

void VehicleState::refreshIfUnknown()
{
    if (!known()) {
        refresh();
    }
}

void VehicleState::fetchLatestSignals(qint64 tokenId,
                                      const QStringList &signalNames,
                                      QObject *context,
                                      const std::function<void(const dimo::Result<QJsonObject> &result)> &done)
{
    auto call = latestSignalsCall(QJsonObject{{u"signalNames"_s, QJsonArray::fromStringList(signalNames)}});
    if (!call) {
        done(call.error());
        return;
    }
    call.value().tokenId = tokenId;
    const auto client = m_client();
    if (!client) {
        done(client.error());
        return;
    }
    auto *job = client.value()->telemetryQuery(tokenId,
                                               call.value().document(),
                                               call.value().queryVariables(),
                                               call.value().privileges,
                                               call.value().query.operation);
    QObject::connect(
        job, &dimo::GraphQlJob::finished, context, [this, c = call.value(), done](const dimo::Result<QJsonObject> &r) {
            if (!r) {
                done(r.error());
                return;
            }
            const QJsonObject out = c.answer(r.value(), m_now());
            if (out.value(u"signals"_s).isObject()) {
                setLatestSignals(c.tokenId, out);
            }
            done(out);
        });
}

} // namespace app::tools
