// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

#include <array>

namespace mcp::wire {

/// The MCP revisions served through the `initialize` handshake, newest first. The engine
/// (mcp/protocolversion.h) maps them to its Revision enum; the shim answers with them while the
/// tray is not running.
inline constexpr std::array<QStringView, 4> ProtocolVersions{
    u"2025-11-25",
    u"2025-06-18",
    u"2025-03-26",
    u"2024-11-05",
};

/// The negotiation rule of `initialize`: echo \a requested when supported, else our latest.
inline QStringView negotiateProtocolVersion(QStringView requested)
{
    for (const QStringView version : ProtocolVersions) {
        if (version == requested) {
            return version;
        }
    }
    return ProtocolVersions.front();
}

} // namespace mcp::wire
