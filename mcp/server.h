// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/continuations.h"
#include "mcp/extension.h"
#include "mcp/registry.h"

#include <QJsonObject>
#include <QList>
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

/// How a tools/call ended, for Server::toolCallFinished.
enum class ToolCallOutcome {
    Ok,
    Error, ///< an isError result, or a JSON-RPC error (e.g. the handler dropped its Responder)
    Cancelled, ///< by the client, or the connection closed first
};

/// The shared side of the MCP server: one per process, one Registry, many Sessions.
/// Must outlive its sessions. Every tools/call for a registered tool is reported once by
/// toolCallStarted and once by toolCallFinished (an activity log, counters); nothing secret is in
/// them beyond what the client sent.
class Server : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype DefaultMaxResultBytes = 100 * 1024;
    static constexpr qsizetype DefaultMaxArgumentLength = 64 * 1024;
    static constexpr int DefaultMaxRequestsInFlight = 32;

    explicit Server(ServerInfo info, QObject *parent = nullptr);

    Registry &registry() { return m_registry; }

    const Registry &registry() const { return m_registry; }

    const ServerInfo &info() const { return m_info; }

    /// A new, independent session (one per connection).
    Session *createSession(QObject *parent = nullptr);

    /// Tool results above this many bytes of text are cut with a note (default 100 KB).
    void setMaxResultBytes(qsizetype bytes) { m_maxResultBytes = bytes; }

    qsizetype maxResultBytes() const { return m_maxResultBytes; }

    /// tools/call refuses arguments with a string (or property name) longer than this many
    /// characters, whatever the tool's schema declares (default 64 Ki): an isError result naming
    /// the field, before the handler sees it.
    void setMaxArgumentLength(qsizetype characters) { m_maxArgumentLength = characters; }

    qsizetype maxArgumentLength() const { return m_maxArgumentLength; }

    /// Requests one session may have in flight (default 32); the next gets a JSON-RPC error until
    /// one is answered or cancelled.
    void setMaxRequestsInFlight(int requests) { m_maxRequestsInFlight = requests; }

    int maxRequestsInFlight() const { return m_maxRequestsInFlight; }

    /// Dual-era: also serve stateless MCP 2026-07-28 requests (their own `_meta` envelope) and
    /// answer `server/discover` with a DiscoverResult. Off by default: `server/discover` then
    /// gets an immediate -32601 and dual-era clients use the initialize handshake.
    void setModernEraEnabled(bool enabled) { m_modernEra = enabled; }

    bool modernEraEnabled() const { return m_modernEra; }

    /// Offers a protocol extension (mcp/extension.h); false for an empty or duplicate id. Tools and
    /// resources tied to it (Tool::extension, Tool::extensionMeta, Resource::extension) are served
    /// only to clients that declare it.
    bool addExtension(Extension extension);

    const QList<Extension> &extensions() const { return m_extensions; }

    /// True when extension \a id is offered and \a clientCapabilities declare it (Extension::declaredBy).
    bool clientDeclares(const QJsonObject &clientCapabilities, const QString &id) const;

    /// Multi-round-trip continuations of 2026-07-28 tool calls (internal).
    ContinuationStore &continuations() { return m_continuations; }

    /// A new call id for toolCallStarted (internal: the engine calls it).
    quint64 nextToolCallId() { return ++m_lastToolCallId; }

Q_SIGNALS:
    /// A session finished `initialize`. \a key is its Responder::sessionId(): never reused.
    void clientConnected(quintptr key, const QJsonObject &clientInfo);
    void clientDisconnected(quintptr key);
    /// A tools/call for a registered tool arrived (before its arguments are validated).
    void
    toolCallStarted(quint64 callId, const QString &tool, const QJsonObject &arguments, const QJsonObject &clientInfo);
    /// It was answered; \a detail is the error text for Error (the first text content), else empty.
    void toolCallFinished(quint64 callId, mcp::ToolCallOutcome outcome, const QString &detail, qint64 elapsedMs);

private:
    ServerInfo m_info;
    Registry m_registry;
    qsizetype m_maxResultBytes = DefaultMaxResultBytes;
    qsizetype m_maxArgumentLength = DefaultMaxArgumentLength;
    int m_maxRequestsInFlight = DefaultMaxRequestsInFlight;
    bool m_modernEra = false;
    ContinuationStore m_continuations;
    QList<Extension> m_extensions;
    quint64 m_lastToolCallId = 0;
};

} // namespace mcp
