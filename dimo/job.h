// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>
#include <utility>

namespace dimo {

// Base of every asynchronous DIMO operation. Rules (house style §2.4):
// * A job finishes exactly once through its typed `finished(const Result<T> &)` signal, then
//   deletes itself (deleteLater). Jobs returned by dimo::Client start on their own when control
//   returns to the event loop (startLater), so connect right after the call; start() may also
//   be called directly and is idempotent.
// * cancel() aborts network work and finishes the job synchronously with Error::Kind::Cancelled.
//   Cancelling a finished job does nothing.
// * Sub-jobs are started with startChild(): the parent disconnects and cancels them by itself
//   when it is cancelled or destroyed.
// * No nested event loops: all work is driven by signals on the caller's thread.
// Derive from TypedJob<Derived, T> below, never from Job directly.
class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    void start();
    void startLater();
    void cancel();

    bool isStarted() const { return m_started; }

    bool isFinished() const { return m_finished; }

    // Makes start() finish with `error` instead of doing any work (input rejected up front).
    void failOnStart(const Error &error) { m_presetError = error; }

protected:
    virtual void doStart() = 0;

    // Stop replies and timers without emitting anything (child jobs are handled by the base).
    virtual void doAbort() {}

    // Emit `finished` with this error (TypedJob implements it).
    virtual void fail(const Error &error) = 0;
    // True exactly once; schedules deleteLater. TypedJob emits `finished` only if it returns true.
    bool claimFinish();

    // Starts `child` (owned by this job) and calls `handler` with its result. If this job is
    // cancelled or destroyed first, the child is disconnected and cancelled; the handler never runs.
    template <class J, class F> J *startChild(J *child, F &&handler)
    {
        child->setParent(this);
        m_children.append(child);
        connect(child,
                &J::finished,
                this,
                [this, child, h = std::forward<F>(handler)](const Result<typename J::ResultType> &r) {
                    m_children.removeAll(child);
                    h(r);
                });
        child->start();
        return child;
    }

private:
    void abortChildren();

    bool m_started = false;
    bool m_finished = false;
    std::optional<Error> m_presetError;
    QList<QPointer<Job>> m_children;
};

// The typed half of a job: `Derived` declares the one signal
//   Q_SIGNALS: void finished(const dimo::Result<T> &result);
// (moc cannot put signals in a template) and calls finish() to emit it exactly once.
template <class Derived, class T> class TypedJob : public Job
{
public:
    using ResultType = T;
    using Job::Job;

protected:
    void finish(const Result<T> &result)
    {
        if (!claimFinish()) {
            return;
        }
        Q_EMIT static_cast<Derived *>(this)->finished(result);
    }

    void fail(const Error &error) override { finish(error); }
};

} // namespace dimo
