// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/logging.h"

namespace dimo {
Q_LOGGING_CATEGORY(lcDimoApi, "dimotray.dimo.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDimoAuth, "dimotray.dimo.auth", QtInfoMsg)
} // namespace dimo
