// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"
#include "tests/support/dimosim.h"

#include <QTest>

#include <optional>

// Starts `job` if needed and waits (processing events) until `job` emits finished; counts emissions so tests can assert
// "exactly once". Returns nullopt on timeout (scaled by DIMOTRAY_TEST_TIMEOUT_FACTOR).
template <class T, class J>
std::optional<dimo::Result<T>> waitForJob(J *job, int timeoutMs = 20000, int *emissions = nullptr)
{
    auto out = std::make_shared<std::optional<dimo::Result<T>>>();
    auto count = std::make_shared<int>(0);
    QObject::connect(job, &J::finished, job, [out, count](const dimo::Result<T> &r) {
        ++*count;
        *out = r;
    });
    job->start(); // idempotent: jobs from dimo::Client have already been scheduled
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            return out->has_value();
        },
        DimoSim::scaled(timeoutMs));
    QTest::qWait(0);
    if (emissions)
        *emissions = *count;
    return *out;
}
