// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/error.h"

#include <QObject>

#include <optional>

namespace dimo {

// Base of every asynchronous DIMO operation. Rules (house style §2.4):
// * A job finishes exactly once through its typed `finished(const Result<T> &)` signal, then
//   deletes itself (deleteLater). Jobs returned by dimo::Client start on their own when control
//   returns to the event loop (startLater), so connect right after the call; start() may also
//   be called directly and is idempotent.
// * cancel() aborts network work and finishes the job synchronously with Error::Kind::Cancelled.
//   Cancelling a finished job does nothing.
// * No nested event loops: all work is driven by signals on the caller's thread.
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

    // Stop replies, timers and sub-jobs without emitting anything (disconnect sub-jobs first).
    virtual void doAbort() {}

    // Emit `finished` with this error (derived classes forward to their typed finish).
    virtual void fail(const Error &error) = 0;
    // True exactly once; schedules deleteLater. Derived classes emit `finished` only if it returns true.
    bool claimFinish();

private:
    bool m_started = false;
    bool m_finished = false;
    std::optional<Error> m_presetError;
};

} // namespace dimo
