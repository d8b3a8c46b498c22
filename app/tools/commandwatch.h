// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/jobadapter.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QTimer;

namespace dimo {
class Client;
class GraphQlJob;
} // namespace dimo

namespace app::tools {

// After DIMO accepted a command: polls the signal that shows its effect (every 2 s, at most
// 20 s, with progress notifications) and reports "confirmed at T" or "not confirmed yet (last
// value … at …)". Reads only; the command itself is never sent again.
class CommandWatch : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        qint64 tokenId = 0;
        QString signal; // "bodyLockIsLocked"
        double expected = 1; // the value that confirms the command
        QDateTime sentAt; // a sample must be at least this new
    };

    CommandWatch(dimo::Client *client, Target target, int timeoutMs, int intervalMs, QObject *parent = nullptr);

    // Watches, then calls done(text) once with the confirmation line (never on cancellation).
    void start(SharedResponder responder, std::function<void(const QString &line)> done);

private:
    void poll();
    void finish(const QString &line);

    QPointer<dimo::Client> m_client;
    Target m_target;
    int m_timeoutMs;
    int m_intervalMs;
    QDateTime m_deadline;
    QTimer *m_timer;
    SharedResponder m_responder;
    std::function<void(const QString &)> m_done;
    QPointer<dimo::GraphQlJob> m_job;
    QString m_last;
    int m_polls = 0;
};

} // namespace app::tools
