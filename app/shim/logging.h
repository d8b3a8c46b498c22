// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// The shim's logging category ("dimotray.shim"); it logs to stderr only.
Q_DECLARE_LOGGING_CATEGORY(lcShim)
