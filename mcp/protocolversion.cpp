// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/protocolversion.h"

#include "mcp/wire/protocolversions.h"

#include <array>

using namespace Qt::StringLiterals;

namespace mcp::protocol {

namespace {

/// The revision of each entry of wire::ProtocolVersions, in the same order (newest first).
constexpr std::array<Revision, 4> Revisions{
    Revision::V2025_11_25,
    Revision::V2025_06_18,
    Revision::V2025_03_26,
    Revision::V2024_11_05,
};
static_assert(Revisions.size() == wire::ProtocolVersions.size());

} // namespace

QStringList supportedVersions()
{
    QStringList out;
    for (const QStringView name : wire::ProtocolVersions) {
        out.append(name.toString());
    }
    return out;
}

Revision latest()
{
    return Revisions.front();
}

std::optional<Revision> parse(QStringView version)
{
    for (std::size_t i = 0; i < Revisions.size(); ++i) {
        if (wire::ProtocolVersions[i] == version) {
            return Revisions[i];
        }
    }
    return std::nullopt;
}

QString toString(Revision revision)
{
    for (std::size_t i = 0; i < Revisions.size(); ++i) {
        if (Revisions[i] == revision) {
            return wire::ProtocolVersions[i].toString();
        }
    }
    return {};
}

Revision negotiate(const QString &requested)
{
    return parse(requested).value_or(latest());
}

} // namespace mcp::protocol
