// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/activityrecorder.h"

#include "app/tools/backend.h"
#include "app/tools/toolkit.h"
#include "app/tray/countingnam.h"
#include "ui/activity/activitymodel.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace app {

namespace {

QString key(const QString &tool, qint64 tokenId)
{
    return tool + u'/' + QString::number(tokenId);
}

// A vehicle the call is about: `tokenId`, or the first of `tokenIds`; 0 when none is valid (the
// arguments are not validated yet when a call starts).
qint64 vehicleOf(const QJsonObject &arguments)
{
    QString error;
    if (arguments.contains(u"tokenId"_s)) {
        return tools::args::tokenId(arguments, &error);
    }
    const QJsonArray ids = arguments.value(u"tokenIds"_s).toArray();
    return ids.isEmpty() ? 0 : tools::args::tokenId(QJsonObject{{u"tokenId"_s, ids.first()}}, &error);
}

ui::ActivityEntry::Outcome toOutcome(mcp::ToolCallOutcome outcome)
{
    switch (outcome) {
    case mcp::ToolCallOutcome::Ok:
        return ui::ActivityEntry::Ok;
    case mcp::ToolCallOutcome::Error:
        return ui::ActivityEntry::Error;
    case mcp::ToolCallOutcome::Cancelled:
        return ui::ActivityEntry::Cancelled;
    }
    return ui::ActivityEntry::Error;
}

} // namespace

ActivityRecorder::ActivityRecorder(mcp::Server &server,
                                   tools::Backend &backend,
                                   CountingNetworkAccessManager &nam,
                                   ui::ActivityModel &model,
                                   QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_model(model)
{
    connect(&server, &mcp::Server::toolCallStarted, this, &ActivityRecorder::started);
    connect(&server, &mcp::Server::toolCallFinished, this, &ActivityRecorder::finished);
    connect(&backend,
            &tools::Backend::commandDecided,
            this,
            [this](const QString &tool, qint64 tokenId, bool allowed, const QString &note) {
                if (const quint64 entry = entryFor(tool, tokenId)) {
                    m_model.setApproval(entry, (allowed ? u"allowed: "_s : u"refused: "_s) + note);
                }
            });
    connect(&backend,
            &tools::Backend::commandWatched,
            this,
            [this](const QString &tool, qint64 tokenId, bool confirmed, const QString &line) {
                if (const quint64 entry = entryFor(tool, tokenId)) {
                    m_model.setConfirmation(entry, confirmed ? tr("confirmed by telemetry") : line);
                }
            });
}

void ActivityRecorder::started(quint64 callId,
                               const QString &tool,
                               const QJsonObject &arguments,
                               const QJsonObject &clientInfo)
{
    ui::ActivityEntry entry;
    entry.arrived = QDateTime::currentDateTime();
    entry.client = clientInfo.value(u"title"_s).toString(clientInfo.value(u"name"_s).toString(tr("unknown client")));
    entry.tool = tool;
    entry.tokenId = vehicleOf(arguments);
    const quint64 id = m_model.begin(entry);
    m_running.insert(callId, Running{id, tool, entry.tokenId, m_nam.requestCount()});
    if (entry.tokenId > 0) {
        m_lastOnVehicle.insert(key(tool, entry.tokenId), id);
    }
}

void ActivityRecorder::finished(quint64 callId, mcp::ToolCallOutcome outcome, const QString &detail, qint64 elapsedMs)
{
    if (!m_running.contains(callId)) {
        return;
    }
    const Running run = m_running.take(callId);
    // Requests made while the call ran (concurrent calls share the count: an upper bound).
    const int requests = int(m_nam.requestCount() - run.requestsAtStart);
    m_model.finish(run.entry, toOutcome(outcome), elapsedMs, requests, detail.section(u'\n', 0, 0).left(300));
}

quint64 ActivityRecorder::entryFor(const QString &tool, qint64 tokenId) const
{
    return m_lastOnVehicle.value(key(tool, tokenId));
}

} // namespace app
