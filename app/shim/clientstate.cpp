// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/shim/clientstate.h"

#include "app/shim/fallback.h"
#include "mcp/wire/jsonscan.h"
#include "mcp/wire/messages.h"

namespace shim {

void ClientState::track(const QByteArray &line, bool answeredLocally)
{
    const mcp::jsonscan::Envelope message = mcp::jsonscan::envelope(line);
    if (message.isRequest() && message.method == "initialize") {
        m_replay = {mcp::wire::withMember(line, "id", ReplayId)};
        m_answeredLocally = answeredLocally;
    }
    if (message.isRequest() && !answeredLocally) {
        m_inFlight.insert(message.id.toByteArray(), message.method == "tools/call");
    } else if (message.isNotification() && message.method == "notifications/initialized" && m_replay.size() == 1) {
        m_replay.append(line);
    } else if (message.isNotification() && message.method == "notifications/cancelled") {
        m_inFlight.remove(mcp::jsonscan::path(line, {"params", "requestId"}).toByteArray());
    }
}

QList<QByteArray> ClientState::replay()
{
    m_hideReplayAnswer = !m_replay.isEmpty();
    return m_replay;
}

bool ClientState::settle(QByteArrayView trayLine)
{
    const mcp::jsonscan::Envelope message = mcp::jsonscan::envelope(trayLine);
    if (message.isResponse && m_hideReplayAnswer && message.id == ReplayId) {
        m_hideReplayAnswer = false; // the answer to our replayed initialize: the client has its own
        return false;
    }
    if (message.isResponse) {
        m_inFlight.remove(message.id.toByteArray());
    }
    return true;
}

QByteArray ClientState::dropped(QByteArrayView head)
{
    // The id comes early in the tray's messages, so even a cut line usually names its request.
    const mcp::jsonscan::Envelope message = mcp::jsonscan::envelope(head);
    if (!message.method.isEmpty() || m_inFlight.remove(message.id.toByteArray()) == 0) {
        return {};
    }
    return fallback::tooLarge(message.id);
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
