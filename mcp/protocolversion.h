// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace mcp {

/// The legacy-era (initialize handshake) revisions this engine negotiates, oldest first.
enum class Revision {
    V2024_11_05,
    V2025_03_26,
    V2025_06_18,
    V2025_11_25,
};

namespace protocol {

/// Supported version strings, newest first.
QStringList supportedVersions();
Revision latest();
std::optional<Revision> parse(QStringView version);
QString toString(Revision revision);
/// Echo \a requested when supported, else answer our latest.
Revision negotiate(const QString &requested);

/// The newest revision, answered to server/discover probes as not spoken here.
inline constexpr char16_t ModernVersion[] = u"2026-07-28";
inline constexpr char ModernVersionLatin1[] = "2026-07-28";

/// JSON-RPC batches: only 2025-03-26 (MUST receive there; removed in 2025-06-18).
inline bool allowsBatches(Revision r)
{
    return r == Revision::V2025_03_26;
}

/// Tool annotations, audio content, `completions` capability, progress `message`.
inline bool has2025_03_26(Revision r)
{
    return r >= Revision::V2025_03_26;
}

/// `title` fields, outputSchema/structuredContent, elicitation, resource links.
inline bool has2025_06_18(Revision r)
{
    return r >= Revision::V2025_06_18;
}

/// Icons, enum schema variants, URL elicitation.
inline bool has2025_11_25(Revision r)
{
    return r >= Revision::V2025_11_25;
}

} // namespace protocol
} // namespace mcp
