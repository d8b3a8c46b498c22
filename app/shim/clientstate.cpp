// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/shim/clientstate.h"

#include "app/shim/fallback.h"
#include "mcp/wire/jsonscan.h"
#include "mcp/wire/messages.h"

namespace shim {

void ClientState::track(const QByteArray &line, bool offline)
{
    const mcp::jsonscan::Envelope message = mcp::jsonscan::envelope(line);
    if (message.isRequest() && message.method == "initialize") {
        m_initializeLine = line;
        m_answeredOffline = offline;
    }
    if (message.isRequest() && !offline) {
        m_inFlight.insert(message.id.toByteArray(), message.method == "tools/call");
    } else if (message.isNotification() && message.method == "notifications/initialized") {
        m_initializedLine = line;
    } else if (message.isNotification() && message.method == "notifications/cancelled") {
        m_inFlight.remove(mcp::jsonscan::path(line, {"params", "requestId"}).toByteArray());
    }
}

QList<QByteArray> ClientState::replay()
{
    const QByteArray id = "\"mcp-dimo-replay-" + QByteArray::number(m_replayCount + 1) + '"';
    const QByteArray initialize = mcp::wire::withMember(m_initializeLine, "id", id);
    if (initialize.isEmpty()) {
        return {};
    }
    ++m_replayCount;
    m_replayId = id;
    QList<QByteArray> lines{initialize};
    if (!m_initializedLine.isEmpty()) {
        lines.append(m_initializedLine);
    }
    return lines;
}

bool ClientState::settle(QByteArrayView trayLine)
{
    const mcp::jsonscan::Envelope message = mcp::jsonscan::envelope(trayLine);
    if (!message.isResponse || message.id.isEmpty()) {
        return true;
    }
    if (!m_replayId.isEmpty() && message.id == m_replayId) {
        m_replayId.clear(); // the answer to our replayed initialize: the client has its own
        return false;
    }
    m_inFlight.remove(QByteArray::fromRawData(message.id.data(), message.id.size()));
    return true;
}

QByteArray ClientState::dropped(QByteArrayView head)
{
    // The id comes early in the tray's messages, so even a cut line usually names its request.
    const mcp::jsonscan::Envelope message = mcp::jsonscan::envelope(head);
    const QByteArray id = message.id.toByteArray();
    if (!message.method.isEmpty() || m_inFlight.remove(id) == 0) {
        return {};
    }
    return fallback::tooLarge(id);
}

QList<QByteArray> ClientState::interruptAll()
{
    QList<QByteArray> answers;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        answers.append(fallback::interrupted(it.key(), it.value()));
    }
    m_inFlight.clear();
    return answers;
}

} // namespace shim
