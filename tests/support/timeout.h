// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

// The one parser of DIMOTRAY_TEST_TIMEOUT_FACTOR (a positive number, e.g. 2 or 1.5; default 1),
// which slow machines and CI set to stretch every test timeout. Header-only so any test can use it.
namespace testsupport {

inline double timeoutFactor()
{
    bool ok = false;
    const double f = qEnvironmentVariable("DIMOTRAY_TEST_TIMEOUT_FACTOR").toDouble(&ok);
    return ok && f > 0 ? f : 1.0;
}

inline int scaled(int ms)
{
    return static_cast<int>(ms * timeoutFactor());
}

} // namespace testsupport
