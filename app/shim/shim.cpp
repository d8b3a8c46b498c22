// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "shim.h"

#include "mcp/transport/endpoint.h"
#include "mcp/transport/stdinreader.h"

#include <QDateTime>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

#include "fallback.h"
#include "messageinfo.h"
#include "traylauncher.h"

Q_LOGGING_CATEGORY(lcShim, "dimotray.shim", QtInfoMsg)

namespace shim {

namespace {

constexpr int StartupWaitMs = 10000; // how long a launched or restarting tray may take
constexpr int FastRetryMs = 50;
constexpr int SlowRetryMs = 1000; // while answering locally
constexpr int EofGraceMs = 2000; // answers still due after stdin EOF

void writeStdout(const char *data, qsizetype size)
{
    std::fwrite(data, 1, size_t(size), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void writeStdout(const QByteArray &line)
{
    writeStdout(line.constData(), line.size());
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

Shim::Shim(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_socket(new QLocalSocket(this))
    , m_stdin(new mcp::transport::StdinReader(this))
    , m_retry(new QTimer(this))
{
    connect(m_socket, &QLocalSocket::connected, this, &Shim::handleConnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, &Shim::handleSocketError);
    connect(m_socket, &QLocalSocket::disconnected, this, &Shim::handleDisconnected);
    connect(m_socket, &QLocalSocket::readyRead, this, &Shim::handleTrayData);
    connect(m_retry, &QTimer::timeout, this, &Shim::handleRetry);
    connect(m_stdin, &mcp::transport::StdinReader::lineRead, this, &Shim::handleClientLine);
    connect(m_stdin, &mcp::transport::StdinReader::oversizeLine, this, [] {
        writeStdout(fallback::oversize());
    });
    connect(m_stdin, &mcp::transport::StdinReader::endOfInput, this, &Shim::handleEndOfInput);
}

void Shim::start()
{
    m_stdin->start();
    connectToTray();
}

void Shim::connectToTray()
{
    if (m_socket->state() != QLocalSocket::UnconnectedState)
        m_socket->abort();
    m_socket->connectToServer(m_options.socketName);
}

void Shim::handleConnected()
{
    qCDebug(lcShim) << "connected to" << m_socket->fullServerName();
    m_state = State::Connected;
    m_retry->stop();
    if (m_initializeDone)
        replayHandshake();
    const QList<QByteArray> queued = std::exchange(m_queue, {});
    for (const QByteArray &line : queued)
        forwardToTray(line);
    if (m_answeredOffline) {
        m_answeredOffline = false;
        writeStdout(QByteArrayLiteral(R"({"jsonrpc":"2.0","method":"notifications/tools/list_changed"})"));
    }
    finishIfDone();
}

void Shim::handleSocketError()
{
    if (m_state == State::Connected)
        return; // handleDisconnected() takes over
    if (m_state == State::Connecting) {
        if (m_options.autoStart && !m_launched) {
            m_launched = true;
            if (launchTray(m_options.socketOverride)) {
                m_state = State::Waiting;
                m_waitDeadline = now() + StartupWaitMs;
                m_retry->start(FastRetryMs);
                return;
            }
        }
        goOffline();
    }
}

void Shim::handleRetry()
{
    if (m_state == State::Waiting && now() > m_waitDeadline) {
        goOffline();
        return;
    }
    if (m_socket->state() == QLocalSocket::UnconnectedState)
        connectToTray();
}

void Shim::goOffline()
{
    if (m_state != State::Offline)
        qCWarning(lcShim) << "DIMO Tray is not reachable at" << m_options.socketName << "- answering locally";
    m_state = State::Offline;
    m_retry->start(SlowRetryMs);
    const QList<QByteArray> queued = std::exchange(m_queue, {});
    for (const QByteArray &line : queued)
        answerOffline(line);
    finishIfDone();
}

void Shim::handleDisconnected()
{
    if (m_state != State::Connected)
        return;
    qCWarning(lcShim) << "lost the connection to DIMO Tray; reconnecting";
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
        writeStdout(fallback::interrupted(it.key(), it.value()));
    m_inFlight.clear();
    m_replayId.clear();
    m_trayBuffer.clear();
    m_discarding = false;
    m_state = State::Waiting;
    m_waitDeadline = now() + StartupWaitMs;
    m_retry->start(FastRetryMs);
    finishIfDone();
}

void Shim::handleClientLine(const QByteArray &line)
{
    switch (m_state) {
    case State::Connected:
        forwardToTray(line);
        break;
    case State::Offline:
        answerOffline(line);
        break;
    default:
        m_queue.append(line);
        break;
    }
}

void Shim::trackClientLine(const QByteArray &line, bool offline)
{
    const MessageInfo info = scanMessage(line);
    if (info.isRequest()) {
        if (info.method == "initialize") {
            m_initializeLine = line;
            m_initializeDone = true;
            m_answeredOffline = offline;
        }
        if (!offline)
            m_inFlight.insert(info.id.toByteArray(), info.method == "tools/call");
    } else if (info.isNotification()) {
        if (info.method == "notifications/initialized")
            m_initializedLine = line;
        else if (info.method == "notifications/cancelled")
            m_inFlight.remove(fallback::cancelledId(line));
    }
}

void Shim::forwardToTray(const QByteArray &line)
{
    trackClientLine(line, false);
    QByteArray framed;
    framed.reserve(line.size() + 1);
    framed.append(line).append('\n');
    m_socket->write(framed);
}

void Shim::answerOffline(const QByteArray &line)
{
    trackClientLine(line, true);
    const QByteArray reply = fallback::answer(line);
    if (!reply.isEmpty())
        writeStdout(reply);
}

void Shim::replayHandshake()
{
    const QByteArray id = "mcp-dimo-replay-" + QByteArray::number(++m_replayCount);
    const QByteArray replay = fallback::withId(m_initializeLine, id);
    if (replay.isEmpty())
        return;
    qCInfo(lcShim) << "replaying the client's initialize to the restarted tray";
    m_replayId = '"' + id + '"';
    m_socket->write(replay + '\n');
    if (!m_initializedLine.isEmpty())
        m_socket->write(m_initializedLine + '\n');
}

void Shim::handleTrayData()
{
    m_trayBuffer.append(m_socket->readAll());
    qsizetype from = 0;
    for (qsizetype nl; (nl = m_trayBuffer.indexOf('\n', from)) >= 0; from = nl + 1) {
        if (m_discarding)
            m_discarding = false;
        else
            handleTrayLine(m_trayBuffer.constData() + from, nl - from);
    }
    m_trayBuffer.remove(0, from);
    if (m_trayBuffer.size() > mcp::transport::MaxLineBytes) {
        dropOversizeTrayLine(m_trayBuffer);
        m_trayBuffer.clear();
        m_discarding = true;
    }
    finishIfDone();
}

void Shim::handleTrayLine(const char *data, qsizetype size)
{
    if (size > 0 && data[size - 1] == '\r')
        --size;
    if (size == 0)
        return;
    if (size > mcp::transport::MaxLineBytes) {
        dropOversizeTrayLine(QByteArrayView(data, size));
        return;
    }
    const QByteArrayView view(data, size);
    const MessageInfo info = scanMessage(view);
    if (!info.isObject && data[0] != '[') {
        qCWarning(lcShim) << "dropping a non-JSON line from DIMO Tray";
        return;
    }
    if (info.isResponse && !info.id.isEmpty()) {
        if (!m_replayId.isEmpty() && info.id == m_replayId) {
            m_replayId.clear(); // the answer to our replayed initialize: the client has its own
            return;
        }
        m_inFlight.remove(QByteArray::fromRawData(info.id.data(), info.id.size()));
    }
    writeStdout(data, size);
}

void Shim::dropOversizeTrayLine(QByteArrayView start)
{
    // The id comes early in the tray's messages, so even a cut line usually names its request.
    qCWarning(lcShim) << "dropping an oversize line from DIMO Tray";
    const MessageInfo info = scanMessage(start);
    const auto it = m_inFlight.constFind(info.id.toByteArray());
    if (info.id.isEmpty() || !info.method.isEmpty() || it == m_inFlight.cend())
        return;
    writeStdout(fallback::tooLarge(info.id));
    m_inFlight.erase(it);
}

void Shim::handleEndOfInput()
{
    m_closing = true;
    QTimer::singleShot(EofGraceMs, this, [this] {
        // Never leave a request unanswered: what is still due gets an answer of its own.
        const QList<QByteArray> queued = std::exchange(m_queue, {});
        for (const QByteArray &line : queued)
            answerOffline(line);
        for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
            writeStdout(fallback::interrupted(it.key(), it.value()));
        m_inFlight.clear();
        if (!m_finished) {
            m_finished = true;
            Q_EMIT finished(0);
        }
    });
    finishIfDone();
}

void Shim::finishIfDone()
{
    if (m_closing && m_queue.isEmpty() && m_inFlight.isEmpty() && !m_finished) {
        m_finished = true;
        Q_EMIT finished(0);
    }
}

} // namespace shim
