// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

namespace dimo {
Q_DECLARE_LOGGING_CATEGORY(lcDimoApi) // "dimotray.dimo.api": one line per request, secrets redacted
Q_DECLARE_LOGGING_CATEGORY(lcDimoAuth) // "dimotray.dimo.auth"
} // namespace dimo
