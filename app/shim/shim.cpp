// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/shim/shim.h"

#include "app/shim/fallback.h"
#include "app/shim/logging.h"
#include "app/shim/traylauncher.h"
#include "mcp/wire/jsonscan.h"
#include "mcp/wire/stdinreader.h"
#include "mcp/wire/stdio.h"

#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcShim, "dimotray.shim", QtInfoMsg)

namespace shim {

namespace {

constexpr int StartupWaitMs = 10000; // how long a launched or restarting tray may take
constexpr int FastRetryMs = 50;
constexpr int SlowRetryMs = 1000; // while answering locally
constexpr int EofGraceMs = 2000; // answers still due after stdin EOF

using mcp::wire::writeStdoutLine;
using Frame = mcp::wire::LineFramer::Frame;

} // namespace

Shim::Shim(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_socket(new QLocalSocket(this))
    , m_stdin(new mcp::wire::StdinReader(this))
    , m_retry(new QTimer(this))
{
    connect(m_socket, &QLocalSocket::connected, this, &Shim::handleConnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, &Shim::handleSocketError);
    connect(m_socket, &QLocalSocket::disconnected, this, &Shim::handleDisconnected);
    connect(m_socket, &QLocalSocket::readyRead, this, &Shim::handleTrayData);
    connect(m_retry, &QTimer::timeout, this, &Shim::handleRetry);
    connect(m_stdin, &mcp::wire::StdinReader::lineRead, this, &Shim::handleClientLine);
    connect(m_stdin, &mcp::wire::StdinReader::oversizeLine, this, [](const QByteArray &head) {
        writeStdoutLine(mcp::wire::oversizeErrorLine(head));
    });
    connect(m_stdin, &mcp::wire::StdinReader::endOfInput, this, &Shim::handleEndOfInput);
}

void Shim::start()
{
    m_stdin->start();
    connectToTray();
}

void Shim::connectToTray()
{
    if (m_socket->state() != QLocalSocket::UnconnectedState) {
        m_socket->abort();
    }
    m_socket->connectToServer(m_options.socketName);
}

void Shim::handleConnected()
{
    qCDebug(lcShim) << "connected to" << m_socket->fullServerName();
    m_state = State::Connected;
    m_retry->stop();
    for (const QByteArray &line : m_client.replay()) {
        m_socket->write(line + '\n');
    }
    for (const QByteArray &line : std::exchange(m_queue, {})) {
        forwardToTray(line);
    }
    if (m_client.takeAnsweredOffline()) {
        writeStdoutLine(R"({"jsonrpc":"2.0","method":"notifications/tools/list_changed"})");
    }
    finishIfDone();
}

void Shim::handleSocketError()
{
    if (m_state != State::Connecting) {
        return; // Connected: handleDisconnected() takes over; Waiting/Offline: the timer retries
    }
    if (m_options.autoStart && !std::exchange(m_launched, true) && launchTray(m_options.socketOverride)) {
        waitForTray();
        return;
    }
    goOffline();
}

void Shim::handleRetry()
{
    if (m_state == State::Waiting && m_waitDeadline.hasExpired()) {
        goOffline();
    } else if (m_socket->state() == QLocalSocket::UnconnectedState) {
        connectToTray();
    }
}

void Shim::goOffline()
{
    if (m_state != State::Offline) {
        qCWarning(lcShim) << "DIMO Tray is not reachable at" << m_options.socketName << "- answering locally";
    }
    m_state = State::Offline;
    m_retry->start(SlowRetryMs);
    for (const QByteArray &line : std::exchange(m_queue, {})) {
        answerOffline(line);
    }
    finishIfDone();
}

void Shim::handleDisconnected()
{
    if (m_state != State::Connected) {
        return;
    }
    qCWarning(lcShim) << "lost the connection to DIMO Tray; reconnecting";
    answerInFlight();
    m_client.disconnected();
    m_trayFramer.clear();
    waitForTray();
    finishIfDone();
}

void Shim::waitForTray()
{
    m_state = State::Waiting;
    m_waitDeadline.setRemainingTime(StartupWaitMs);
    m_retry->start(FastRetryMs);
}

void Shim::answerInFlight()
{
    for (const QByteArray &answer : m_client.interruptAll()) {
        writeStdoutLine(answer);
    }
}

void Shim::handleClientLine(const QByteArray &line)
{
    if (m_state == State::Connected) {
        forwardToTray(line);
    } else if (m_state == State::Offline) {
        answerOffline(line);
    } else {
        m_queue.append(line);
    }
}

void Shim::forwardToTray(const QByteArray &line)
{
    m_client.track(line, false);
    m_socket->write(line + '\n');
}

void Shim::answerOffline(const QByteArray &line)
{
    m_client.track(line, true);
    if (const QByteArray reply = fallback::answer(line); !reply.isEmpty()) {
        writeStdoutLine(reply);
    }
}

void Shim::handleTrayData()
{
    m_trayFramer.append(m_socket->readAll());
    while (const std::optional<Frame> frame = m_trayFramer.next()) {
        if (frame->kind == Frame::Kind::Line) {
            handleTrayLine(frame->bytes);
        } else if (const QByteArray answer = m_client.dropped(frame->bytes); !answer.isEmpty()) {
            qCWarning(lcShim) << "dropped an oversize answer from DIMO Tray";
            writeStdoutLine(answer);
        }
    }
    finishIfDone();
}

void Shim::handleTrayLine(QByteArrayView line)
{
    const qsizetype start = mcp::jsonscan::skipSpace(line, 0);
    if (start >= line.size() || (line.at(start) != '{' && line.at(start) != '[')) {
        qCWarning(lcShim) << "dropping a non-JSON line from DIMO Tray";
    } else if (m_client.settle(line)) {
        writeStdoutLine(line);
    }
}

void Shim::handleEndOfInput()
{
    m_closing = true;
    QTimer::singleShot(EofGraceMs, this, [this] {
        // Never leave a request unanswered: what is still due gets an answer of its own.
        for (const QByteArray &line : std::exchange(m_queue, {})) {
            answerOffline(line);
        }
        answerInFlight();
        finishIfDone();
    });
    finishIfDone();
}

void Shim::finishIfDone()
{
    if (m_closing && m_queue.isEmpty() && !m_client.hasInFlight() && !m_finished) {
        m_finished = true;
        Q_EMIT finished(0);
    }
}

} // namespace shim
