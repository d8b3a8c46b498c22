// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/commandwatch.h"

#include "dimo/client.h"
#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace app::tools {

CommandWatch::CommandWatch(dimo::Client *client, Target target, int timeoutMs, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_target(std::move(target))
    , m_timeoutMs(timeoutMs)
    , m_intervalMs(intervalMs)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &CommandWatch::poll);
}

void CommandWatch::start(SharedResponder responder, std::function<void(const QString &line)> done)
{
    m_responder = std::move(responder);
    m_done = std::move(done);
    m_deadline = QDateTime::currentDateTimeUtc().addMSecs(m_timeoutMs);
    m_responder->onCancelled([self = QPointer<CommandWatch>(this)] {
        if (self) {
            if (self->m_job) {
                self->m_job->cancel();
            }
            self->deleteLater();
        }
    });
    m_timer->start(m_intervalMs);
}

void CommandWatch::poll()
{
    if (!m_client || !m_responder->isPending()) {
        deleteLater();
        return;
    }
    ++m_polls;
    const int total = std::max(1, m_timeoutMs / std::max(1, m_intervalMs));
    m_responder->progress(m_polls, total, u"waiting for %1 to confirm the command"_s.arg(m_target.signal));
    const dimo::graphql::Document effect = dimo::graphql::commandEffect(m_target.signal);
    m_job = m_client->telemetryQuery(m_target.tokenId, effect.text, {}, {1}, effect.operation);
    connect(m_job, &dimo::GraphQlJob::finished, this, [this](const dimo::Result<QJsonObject> &r) {
        if (r) {
            const QJsonObject sample = r.value().value(u"signalsLatest"_s).toObject().value(m_target.signal).toObject();
            const QDateTime at = QDateTime::fromString(sample.value(u"timestamp"_s).toString(), Qt::ISODateWithMs);
            if (!sample.isEmpty()) {
                m_last = u"%1 = %2 at %3"_s.arg(m_target.signal)
                             .arg(sample.value(u"value"_s).toDouble())
                             .arg(at.toUTC().toString(Qt::ISODate));
            }
            if (!sample.isEmpty() && at >= m_target.sentAt.addSecs(-1)
                && qFuzzyCompare(sample.value(u"value"_s).toDouble() + 1, m_target.expected + 1)) {
                finish(u"Confirmed by telemetry at %1 (%2)."_s.arg(at.toUTC().toString(Qt::ISODate), m_last));
                return;
            }
        } else {
            m_last = u"telemetry could not be read: %1"_s.arg(r.error().message);
        }
        if (QDateTime::currentDateTimeUtc().addMSecs(m_intervalMs) > m_deadline) {
            finish(u"Not confirmed yet after %1 s (last value: %2). The car may be asleep or out of coverage; check "
                   "again later with telemetry_get_latest_signals before telling the user it happened."_s
                       .arg(m_timeoutMs / 1000)
                       .arg(m_last.isEmpty() ? u"none"_s : m_last));
            return;
        }
        m_timer->start(m_intervalMs);
    });
}

void CommandWatch::finish(const QString &line)
{
    m_timer->stop();
    if (m_done) {
        m_done(line);
    }
    deleteLater();
}

} // namespace app::tools
