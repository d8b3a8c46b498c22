// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/server.h"

#include <QHash>
#include <QObject>

namespace ui {
class ActivityModel;
}

namespace app {

class CountingNetworkAccessManager;

namespace tools {
class Backend;
}

// Feeds the activity window: every tools/call (client, tool, vehicle, outcome, duration, DIMO
// requests made while it ran), and for commands the approval and the telemetry confirmation.
// Kept in memory by ui::ActivityModel (bounded); only what a tool call's arguments and results
// say in plain words is recorded — never a token or key.
class ActivityRecorder : public QObject
{
    Q_OBJECT
public:
    ActivityRecorder(mcp::Server &server,
                     tools::Backend &backend,
                     CountingNetworkAccessManager &nam,
                     ui::ActivityModel &model,
                     QObject *parent = nullptr);

private:
    struct Running
    {
        quint64 entry = 0;
        QString tool;
        qint64 tokenId = 0;
        quint64 requestsAtStart = 0;
    };

    void started(quint64 callId, const QString &tool, const QJsonObject &arguments, const QJsonObject &clientInfo);
    void finished(quint64 callId, mcp::ToolCallOutcome outcome, const QString &detail, qint64 elapsedMs);
    // The newest entry (running or recent) of `tool` on `tokenId`, or 0.
    quint64 entryFor(const QString &tool, qint64 tokenId) const;

    CountingNetworkAccessManager &m_nam;
    ui::ActivityModel &m_model;
    QHash<quint64, Running> m_running; // engine call id → entry
    QHash<QString, quint64> m_lastOnVehicle; // "tool/tokenId" → newest entry (a confirmation comes after the answer)
};

} // namespace app
