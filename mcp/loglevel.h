// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace mcp {

/// RFC 5424 levels used by `logging/setLevel` and `notifications/message`, least severe first.
enum class LogLevel {
    Debug,
    Info,
    Notice,
    Warning,
    Error,
    Critical,
    Alert,
    Emergency,
};

std::optional<LogLevel> parseLogLevel(QStringView name);
QString toString(LogLevel level);

} // namespace mcp
