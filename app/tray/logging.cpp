// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/logging.h"

Q_LOGGING_CATEGORY(lcApp, "dimotray.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHost, "dimotray.app.host", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTools, "dimotray.app.tools", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "dimotray.app.keychain", QtInfoMsg)
