// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/loglevel.h"

#include <array>

namespace mcp {

namespace {

constexpr std::array<QStringView, 8> Names{
    u"debug", u"info", u"notice", u"warning", u"error", u"critical", u"alert", u"emergency"};

} // namespace

std::optional<LogLevel> parseLogLevel(QStringView name)
{
    for (size_t i = 0; i < Names.size(); ++i) {
        if (Names.at(i) == name) {
            return static_cast<LogLevel>(i);
        }
    }
    return std::nullopt;
}

QString toString(LogLevel level)
{
    return Names.at(static_cast<size_t>(level)).toString();
}

} // namespace mcp
