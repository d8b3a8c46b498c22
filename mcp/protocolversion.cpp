// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/protocolversion.h"

#include <array>

using namespace Qt::StringLiterals;

namespace mcp::protocol {

namespace {

struct Entry
{
    Revision revision;
    QStringView name;
};

constexpr std::array<Entry, 4> Entries{{
    {Revision::V2025_11_25, u"2025-11-25"},
    {Revision::V2025_06_18, u"2025-06-18"},
    {Revision::V2025_03_26, u"2025-03-26"},
    {Revision::V2024_11_05, u"2024-11-05"},
}};

} // namespace

QStringList supportedVersions()
{
    QStringList out;
    for (const Entry &e : Entries) {
        out.append(e.name.toString());
    }
    return out;
}

Revision latest()
{
    return Entries.front().revision;
}

std::optional<Revision> parse(QStringView version)
{
    for (const Entry &e : Entries) {
        if (e.name == version) {
            return e.revision;
        }
    }
    return std::nullopt;
}

QString toString(Revision revision)
{
    for (const Entry &e : Entries) {
        if (e.revision == revision) {
            return e.name.toString();
        }
    }
    return {};
}

Revision negotiate(const QString &requested)
{
    return parse(requested).value_or(latest());
}

} // namespace mcp::protocol
