// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/vehiclesfeed.h"

#include "app/tools/backend.h"
#include "ui/vehicles/vehiclelistmodel.h"
#include "ui/vehicles/vehicleswindow.h"

using namespace Qt::StringLiterals;

namespace app {

namespace {

constexpr int MaxParallelFetches = 4;

} // namespace

VehiclesFeed::VehiclesFeed(tools::Backend &backend, ui::VehiclesWindow &window, bool demo, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_window(&window)
    , m_demo(demo)
{
    window.setDemoMode(demo);
    connect(&backend.vehicles(), &tools::VehicleState::changed, this, &VehiclesFeed::updateList);
    connect(window.model(), &ui::VehicleListModel::signalsWanted, this, &VehiclesFeed::want);
    connect(&window, &ui::VehiclesWindow::refreshRequested, this, [this] {
        if (m_window) {
            m_window->model()->clearSignals();
        }
        m_queue.clear();
        m_backend.vehicles().refresh();
    });
    updateList();
}

QString VehiclesFeed::walletOf() const
{
    const auto client = m_backend.client();
    if (!client || !client.value()->session()) {
        return {};
    }
    return client.value()->session()->walletAddress;
}

void VehiclesFeed::updateList()
{
    if (!m_window) {
        return;
    }
    const auto client = m_backend.client();
    QString status;
    if (!client) {
        status = tr("No developer license yet: add one in Settings (or try demo mode).");
    } else if (!client.value()->fleetMode() && !client.value()->session()) {
        status = tr("Signed out: log in with DIMO to see your vehicles.");
    } else if (m_demo) {
        status = tr("Demo mode: these are the DIMO simulator's vehicles, not real cars.");
    } else if (client.value()->fleetMode()) {
        status = tr("Fleet mode: every vehicle shared with this developer license.");
    }
    m_window->setStatusText(status);
    m_window->setFleetMode(client && client.value()->fleetMode());
    m_window->setVehicles(m_backend.vehicles().list(), walletOf());
}

void VehiclesFeed::want(const QList<qint64> &tokenIds)
{
    for (const qint64 id : tokenIds) {
        if (!m_queue.contains(id)) {
            m_queue.append(id);
        }
    }
    pump();
}

QStringList VehiclesFeed::signalNamesFor(qint64 tokenId) const
{
    QStringList names{u"powertrainTractionBatteryStateOfChargeCurrent"_s,
                      u"powertrainFuelSystemRelativeLevel"_s,
                      u"powertrainRange"_s,
                      u"powertrainTransmissionTravelledDistance"_s,
                      u"bodyLockIsLocked"_s};
    // Location only as far as the owner shared it (privilege 4 exact, 8 approximate).
    if (const dimo::Vehicle *v = m_backend.vehicles().find(tokenId)) {
        if (v->privileges.contains(4)) {
            names << u"currentLocationCoordinates"_s;
        } else if (v->privileges.contains(8)) {
            names << u"currentLocationApproximateCoordinates"_s;
        }
        if (!v->privileges.contains(1)) {
            names.clear(); // without "all non-location data" nothing can be read
        }
    }
    return names;
}

void VehiclesFeed::pump()
{
    while (m_running < MaxParallelFetches && !m_queue.isEmpty()) {
        const qint64 tokenId = m_queue.takeFirst();
        const QStringList names = signalNamesFor(tokenId);
        if (names.isEmpty()) {
            if (m_window) {
                m_window->model()->setSignals(tokenId, {}); // shown as "—"
            }
            continue;
        }
        ++m_running;
        m_backend.vehicles().fetchLatestSignals(
            tokenId, names, this, [this, tokenId](const dimo::Result<QJsonObject> &r) {
                --m_running;
                if (m_window) {
                    m_window->model()->setSignals(tokenId, r ? r.value() : QJsonObject());
                }
                pump();
            });
    }
}

} // namespace app
