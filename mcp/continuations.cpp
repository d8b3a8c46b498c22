// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/continuations.h"

#include <QRandomGenerator>

namespace mcp {

QByteArray ContinuationStore::add(const QString &toolName, ReplyCallback callback, int timeoutMs)
{
    purge();
    while (m_entries.size() >= MaxEntries) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->second.deadline.deadline() < oldest->second.deadline.deadline()) {
                oldest = it;
            }
        }
        m_entries.erase(oldest);
    }
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
    m_entries.emplace(token, Entry{toolName, std::move(callback), QDeadlineTimer(qMax(timeoutMs, 0))});
    return token;
}

std::optional<ContinuationStore::Entry> ContinuationStore::take(const QByteArray &token, const QString &toolName)
{
    purge();
    const auto it = m_entries.find(token);
    if (it == m_entries.end() || it->second.toolName != toolName) {
        return std::nullopt;
    }
    Entry entry = std::move(it->second);
    m_entries.erase(it);
    return entry;
}

void ContinuationStore::purge()
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        it = it->second.deadline.hasExpired() ? m_entries.erase(it) : std::next(it);
    }
}

} // namespace mcp
