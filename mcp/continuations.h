// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/responder.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>

#include <map>
#include <optional>

namespace mcp {

/// Pending multi-round-trip continuations of 2026-07-28 tool calls (internal). A tool that asks
/// the client (elicitation, sampling) under the stateless era answers `input_required` with an
/// opaque `requestState`; the client's retry carries it back and resumes the stored callback.
/// Tokens are 128-bit random, single use, bound to the tool name, and expire.
class ContinuationStore
{
public:
    static constexpr std::size_t MaxEntries = 256;

    struct Entry
    {
        QString toolName;
        ReplyCallback callback;
        QDeadlineTimer deadline;
    };

    /// Stores \a callback and returns its requestState token.
    QByteArray add(const QString &toolName, ReplyCallback callback, int timeoutMs);
    /// Removes and returns the live continuation for \a token and \a toolName.
    std::optional<Entry> take(const QByteArray &token, const QString &toolName);

    std::size_t size() const { return m_entries.size(); }

private:
    void purge();

    std::map<QByteArray, Entry> m_entries;
};

} // namespace mcp
