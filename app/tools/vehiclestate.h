// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/creditsread.h"
#include "dimo/client.h"
#include "dimo/core/result.h"
#include "dimo/vehicles/vehicle.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>

namespace app::tools {

// What the app last learned about the accessible vehicles (for resources and the UI).
struct VehicleSnapshot
{
    QList<dimo::Vehicle> list;
    QHash<qint64, QJsonObject> latest; // token id → the latest signals read (a tool or the window)
    QHash<qint64, CreditRead> credits; // token id → the last credits read (credit-tracker)
    QDateTime updatedAt; // invalid: never fetched
};

// The one vehicle model of the app: the accessible vehicles, their latest signals and the refresh
// policy (one list request at a time; readers that find nothing known ask for one). The tools write
// it (check_vehicle_access_status, telemetry answers), the tray observes it (`changed`,
// `refreshFinished`) and feeds its vehicles window from it, never through an MCP tool.
class VehicleState : public QObject
{
    Q_OBJECT
public:
    using ClientSource = std::function<dimo::Result<dimo::Client *>()>;
    using Now = std::function<QDateTime()>;

    VehicleState(ClientSource client, Now now, QObject *parent = nullptr);

    const VehicleSnapshot &snapshot() const { return m_snapshot; }

    const QList<dimo::Vehicle> &list() const { return m_snapshot.list; }

    bool known() const { return m_snapshot.updatedAt.isValid(); } // fetched at least once

    const dimo::Vehicle *find(qint64 tokenId) const; // nullptr: not among the accessible vehicles

    void setVehicles(const QList<dimo::Vehicle> &list);
    void setLatestSignals(qint64 tokenId, const QJsonObject &signalValues);

    const QHash<qint64, CreditRead> &credits() const { return m_snapshot.credits; }

    void clear(); // sign-out or another license: nothing of the previous user's stays

    // Fetches the accessible vehicles (user mode: the signed-in user's; fleet: all shared); a no-op
    // while one request runs, without a client, or signed out in user mode.
    void refresh();
    void refreshIfUnknown(); // the refresh policy of readers (resources, windows)

    // The latest values of `signalNames` for one vehicle, outside any MCP call (the tray's vehicles
    // window): the same structured answer as telemetry_get_latest_signals ({signals, noData?,
    // tokenId, freshness}), also kept as the vehicle's latest signals. `done` is not called once
    // `context` is gone.
    void fetchLatestSignals(qint64 tokenId,
                            const QStringList &signalNames,
                            QObject *context,
                            const std::function<void(const dimo::Result<QJsonObject> &result)> &done);

    // The credits of the first MaxCreditReads of `vehicles` (check_vehicle_access_status, the tray's
    // tooltip): a balance read less than CreditsFreshSecs ago is reused, the others are read from
    // credit-tracker at once. Emits creditsChanged() after a read; `done` (may be empty) gets every
    // vehicle's entry unless `context` is gone.
    void readCredits(const QList<dimo::Vehicle> &vehicles,
                     QObject *context,
                     const std::function<void(const QHash<qint64, CreditRead> &)> &done);

Q_SIGNALS:
    void changed();
    void creditsChanged();
    // The outcome of the last list refresh (the tray's "connected / unreachable / credentials
    // rejected" state); `error` is empty on success.
    void refreshFinished(bool ok, dimo::Error::Kind kind, const QString &error);

private:
    ClientSource m_client;
    Now m_now;
    VehicleSnapshot m_snapshot;
    bool m_refreshing = false;
    quint64 m_generation = 0; // how often clear() ran: a credits read started before belongs to the previous user
};

} // namespace app::tools
