// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/loglevel.h"
#include "mcp/protocolversion.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace mcp {

class Era;
class RequestHost;

/// Responses of one 2025-03-26 JSON-RPC batch, sent together once every element is done.
struct BatchState
{
    QList<QByteArray> responses; ///< one slot per element that expects an answer; empty = none
    QList<QByteArray> keys; ///< idKey of every request of the batch
    int pending = 0;
};

/// Internal state of one in-flight client request, shared by the session and its Responder.
struct RequestContext
{
    std::weak_ptr<RequestHost> core; ///< the owning session (SessionCore)
    QByteArray rawId;
    QByteArray key;
    QByteArray progressToken; ///< raw JSON token, empty when the request carried none
    double lastProgress = 0;
    bool sentProgress = false;
    bool cancelled = false;
    bool finished = false;
    std::function<void()> onCancel;
    QString toolName; ///< set for tools/call: the result gets post-processed
    quint64 toolCallId = 0; ///< set for tools/call: Server::toolCallStarted/Finished
    QElapsedTimer started;
    QString method;
    Revision revision = protocol::latest(); ///< what fields the answer may carry
    const Era *era = nullptr; ///< what differs by protocol era: set by Era::select before any use
    QJsonObject clientCapabilities; ///< modern era: from the envelope
    std::optional<LogLevel> logLevel; ///< modern era: the envelope's opt-in (none = no log messages)
    std::shared_ptr<BatchState> batch;
    int batchSlot = -1;
    QList<QByteArray> outgoing; ///< keys of server→client requests this request started
};

} // namespace mcp
