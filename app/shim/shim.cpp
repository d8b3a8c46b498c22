// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/shim/shim.h"

#include "app/shim/fallback.h"
#include "app/shim/logging.h"
#include "app/shim/traylauncher.h"
#include "mcp/wire/jsonscan.h"
#include "mcp/wire/peercred.h"
#include "mcp/wire/socketdir.h"
#include "mcp/wire/stdinreader.h"
#include "mcp/wire/stdio.h"

#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcShim, "dimotray.shim", QtInfoMsg)

namespace shim {

namespace {

constexpr int HoldMs = 10000; // how long client lines wait for a launched or restarting tray
constexpr int HoldRetryMs = 50;
constexpr int LocalRetryMs = 1000;
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
    connect(m_retry, &QTimer::timeout, this, &Shim::connectToTray);
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
    if (m_mode == Mode::Hold && m_holdUntil.hasExpired()) {
        handleUnreachable(); // even if the last attempt is still pending
        return;
    }
    if (m_socket->state() != QLocalSocket::UnconnectedState) {
        return;
    }
    const mcp::wire::DirCheck dir = mcp::wire::checkSocketDir(m_options.socketName);
    if (dir.kind == mcp::wire::DirCheck::Kind::Refused) {
        refuse(dir.error);
    } else if (dir.kind == mcp::wire::DirCheck::Kind::Missing) {
        m_refusal.clear();
        handleUnreachable(); // no directory, no tray
    } else {
        m_socket->connectToServer(m_options.socketName);
    }
}

void Shim::handleConnected()
{
    QString why;
    if (!mcp::wire::peerIsSameUser(m_socket->socketDescriptor(), mcp::wire::PeerEnd::Server, &why)) {
        refuse(u"%1 is not served by DIMO Tray of this user: %2. Stop that process or remove the socket, "
               "then start DIMO Tray again"_s.arg(m_options.socketName, why));
        return;
    }
    m_refusal.clear();
    qCDebug(lcShim) << "connected to" << m_socket->fullServerName();
    m_mode = Mode::Relay;
    m_retry->stop();
    for (const QByteArray &line : m_client.replay()) {
        m_socket->write(line + '\n');
    }
    for (const QByteArray &line : std::exchange(m_held, {})) {
        handleClientLine(line);
    }
    if (m_client.takeAnsweredLocally()) {
        writeStdoutLine(R"({"jsonrpc":"2.0","method":"notifications/tools/list_changed"})");
    }
    finishIfDone();
}

void Shim::handleUnreachable()
{
    if (m_mode != Mode::Hold) {
        return; // Relay: handleDisconnected() follows; Local: the retry timer goes on
    }
    if (m_holdUntil.isForever()) { // the first attempt failed: launch the tray (once), or do not wait
        hold(m_options.autoStart && launchTray(m_options.socketOverride) ? HoldMs : 0);
    }
    if (!m_holdUntil.hasExpired()) {
        return;
    }
    qCWarning(lcShim) << "DIMO Tray is not reachable at" << m_options.socketName << "- answering locally";
    m_mode = Mode::Local;
    m_retry->start(LocalRetryMs);
    answerEverythingDue();
    finishIfDone();
}

void Shim::handleSocketError()
{
    const auto error = m_socket->error();
    if (error == QLocalSocket::ServerNotFoundError || error == QLocalSocket::ConnectionRefusedError) {
        m_refusal.clear(); // the directory passed and nobody serves: simply not running
    }
    handleUnreachable();
}

// Nothing more goes to that socket; the client learns why from every answer until a check passes.
void Shim::refuse(const QString &reason)
{
    if (reason != m_refusal) {
        qCCritical(lcShim).noquote() << "refusing to connect to DIMO Tray:" << reason;
    }
    m_refusal = reason;
    const Mode was = std::exchange(m_mode, Mode::Local); // before abort(): no disconnect handling
    m_socket->abort();
    m_retry->start(LocalRetryMs);
    if (was != Mode::Local) {
        answerEverythingDue();
    }
    finishIfDone();
}

void Shim::handleDisconnected()
{
    if (m_mode != Mode::Relay) {
        return;
    }
    qCWarning(lcShim) << "lost the connection to DIMO Tray; reconnecting";
    answerEverythingDue();
    m_trayFramer.clear();
    hold(HoldMs);
    finishIfDone();
}

void Shim::hold(int forMs)
{
    m_mode = Mode::Hold;
    m_holdUntil.setRemainingTime(forMs);
    m_retry->start(HoldRetryMs);
}

void Shim::handleClientLine(const QByteArray &line)
{
    if (m_mode == Mode::Relay) {
        m_client.track(line, false);
        m_socket->write(line + '\n');
    } else if (m_mode == Mode::Hold) {
        m_held.append(line);
    } else {
        answerLocally(line);
    }
}

void Shim::answerLocally(const QByteArray &line)
{
    m_client.track(line, true);
    writeStdoutLine(fallback::answer(line, m_refusal)); // nothing for notifications and responses
}

void Shim::handleTrayData()
{
    m_trayFramer.append(m_socket->readAll());
    while (const std::optional<Frame> frame = m_trayFramer.next()) {
        const qsizetype start = mcp::jsonscan::skipSpace(frame->bytes, 0);
        if (frame->kind == Frame::Kind::Oversize) {
            qCWarning(lcShim) << "dropped an oversize answer from DIMO Tray";
            writeStdoutLine(m_client.dropped(frame->bytes));
        } else if (start >= frame->bytes.size() || (frame->bytes[start] != '{' && frame->bytes[start] != '[')) {
            qCWarning(lcShim) << "dropping a non-JSON line from DIMO Tray";
        } else if (m_client.settle(frame->bytes)) {
            writeStdoutLine(frame->bytes);
        }
    }
    finishIfDone();
}

void Shim::handleEndOfInput()
{
    m_closing = true;
    QTimer::singleShot(EofGraceMs, this, [this] {
        answerEverythingDue();
        finishIfDone();
    });
    finishIfDone();
}

// Never leaves a request unanswered: held lines are answered locally (Hold → Local), requests in
// flight get an error of their own (Relay → Hold). Both kinds after stdin's grace period.
void Shim::answerEverythingDue()
{
    for (const QByteArray &line : std::exchange(m_held, {})) {
        answerLocally(line);
    }
    for (const QByteArray &answer : m_client.interruptAll()) {
        writeStdoutLine(answer);
    }
}

void Shim::finishIfDone()
{
    if (m_closing && m_held.isEmpty() && !m_client.hasInFlight() && !std::exchange(m_finished, true)) {
        Q_EMIT finished(0);
    }
}

} // namespace shim
