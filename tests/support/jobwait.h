// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"
#include "tests/support/timeout.h"

#include <QTest>

#include <memory>
#include <optional>

// Starts `job` if needed and waits (processing events) until it emits finished; counts emissions so
// tests can assert "exactly once". The result type is the job's (J::ResultType). Returns nullopt
// on timeout (scaled by DIMOTRAY_TEST_TIMEOUT_FACTOR).
template <class J>
std::optional<dimo::Result<typename J::ResultType>> waitForJob(J *job, int timeoutMs = 20000, int *emissions = nullptr)
{
    using R = dimo::Result<typename J::ResultType>;
    auto out = std::make_shared<std::optional<R>>();
    auto count = std::make_shared<int>(0);
    QObject::connect(job, &J::finished, job, [out, count](const R &r) {
        ++*count;
        *out = r;
    });
    job->start(); // idempotent: jobs from dimo::Client have already been scheduled
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            return out->has_value();
        },
        testsupport::scaled(timeoutMs));
    QTest::qWait(0);
    if (emissions) {
        *emissions = *count;
    }
    return *out;
}
