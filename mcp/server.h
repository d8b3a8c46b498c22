// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/continuations.h"
#include "mcp/registry.h"

#include <QObject>
#include <QString>

namespace mcp {

class Session;

/// What the server tells clients about itself in `initialize`.
struct ServerInfo
{
    QString name;
    QString title;
    QString version;
    QString instructions; ///< short; clients may put it in the system prompt
};

/// The shared side of the MCP server: one per process, one Registry, many Sessions.
/// Must outlive its sessions.
class Server : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype DefaultMaxResultBytes = 100 * 1024;

    explicit Server(ServerInfo info, QObject *parent = nullptr);

    Registry &registry() { return m_registry; }

    const Registry &registry() const { return m_registry; }

    const ServerInfo &info() const { return m_info; }

    /// A new, independent session (one per connection).
    Session *createSession(QObject *parent = nullptr);

    /// Tool results above this many bytes of text are cut with a note (default 100 KB).
    void setMaxResultBytes(qsizetype bytes) { m_maxResultBytes = bytes; }

    qsizetype maxResultBytes() const { return m_maxResultBytes; }

    /// Dual-era: also serve stateless MCP 2026-07-28 requests (their own `_meta` envelope) and
    /// answer `server/discover` with a DiscoverResult. Off by default: `server/discover` then
    /// gets an immediate -32601 and dual-era clients use the initialize handshake.
    void setModernEraEnabled(bool enabled) { m_modernEra = enabled; }

    bool modernEraEnabled() const { return m_modernEra; }

    /// Multi-round-trip continuations of 2026-07-28 tool calls (internal).
    ContinuationStore &continuations() { return m_continuations; }

private:
    ServerInfo m_info;
    Registry m_registry;
    qsizetype m_maxResultBytes = DefaultMaxResultBytes;
    bool m_modernEra = false;
    ContinuationStore m_continuations;
};

} // namespace mcp
