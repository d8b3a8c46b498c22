// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/outgoing.h"
#include "mcp/protocolversion.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace mcp {

class Server;
class SessionCore;

/// One MCP session (one connection). Feed it framed messages with receive(); it answers
/// through send(). Independent of every other session; shares the Server's registry.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(Server *server, QObject *parent = nullptr);
    ~Session() override;

    /// One framed JSON-RPC message: an NDJSON line without '\n', or an HTTP body.
    void receive(const QByteArray &message);
    /// The transport is gone: cancels in-flight handlers; nothing is sent afterwards.
    void close();

    bool isInitialized() const;
    bool isClosed() const;
    Revision revision() const;

Q_SIGNALS:
    /// One message: compact UTF-8 JSON, no newline.
    void send(const QByteArray &json);
    /// The same message with routing facts (used by the Streamable HTTP transport).
    void routed(const mcp::Outgoing &message);

private:
    std::shared_ptr<SessionCore> m_core;
};

} // namespace mcp
