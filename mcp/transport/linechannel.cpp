// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/transport/linechannel.h"

#include "mcp/transport/logging.h"

#include <QIODevice>
#include <QLocalSocket>

#include <algorithm>

namespace mcp::transport {

LineChannel::LineChannel(QIODevice *device, QObject *parent)
    : QObject(parent)
    , m_device(device)
{
    if (!device->parent()) {
        device->setParent(this);
    }
    connect(device, &QIODevice::readyRead, this, &LineChannel::handleReadyRead);
    connect(device, &QIODevice::aboutToClose, this, &LineChannel::handleDeviceGone);
    connect(device, &QIODevice::readChannelFinished, this, &LineChannel::handleDeviceGone);
    connect(device, &QIODevice::bytesWritten, this, &LineChannel::handleBytesWritten);
    if (auto *socket = qobject_cast<QLocalSocket *>(device)) {
        connect(socket, &QLocalSocket::disconnected, this, &LineChannel::handleDeviceGone);
        // Bounded, so that a paused channel leaves the peer's further writes in the kernel.
        socket->setReadBufferSize(ReadBufferBytes);
    }
    if (device->bytesAvailable() > 0) {
        QMetaObject::invokeMethod(this, &LineChannel::handleReadyRead, Qt::QueuedConnection);
    }
}

LineChannel::~LineChannel()
{
    if (m_device) {
        m_device->disconnect(this);
    }
}

void LineChannel::setOutputLimits(qsizetype pauseBytes, qsizetype maxUnsentBytes)
{
    m_pauseBytes = pauseBytes;
    m_maxUnsentBytes = std::max(pauseBytes, maxUnsentBytes);
}

qsizetype LineChannel::bytesToWrite() const
{
    return m_device ? m_device->bytesToWrite() : 0;
}

void LineChannel::sendLine(const QByteArray &line)
{
    if (m_closed || !m_device) {
        return;
    }
    const qsizetype unsent = m_device->bytesToWrite();
    if (unsent > m_maxUnsentBytes) {
        qCWarning(lcTransport).nospace() << "dropping a client that does not read its answers: " << unsent
                                         << " bytes unsent (limit " << m_maxUnsentBytes << ")";
        shutDown(true);
        return;
    }
    QByteArray framed;
    framed.reserve(line.size() + 1);
    framed.append(line);
    framed.append('\n');
    m_device->write(framed);
    if (!m_paused && m_device->bytesToWrite() > m_pauseBytes) {
        qCDebug(lcTransport) << "pausing reading:" << m_device->bytesToWrite() << "bytes unsent";
        m_paused = true;
    }
}

void LineChannel::close()
{
    shutDown(false);
}

void LineChannel::shutDown(bool abort)
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    m_framer.clear();
    if (m_device) {
        m_device->disconnect(this);
        auto *socket = qobject_cast<QLocalSocket *>(m_device.data());
        if (abort && socket) {
            socket->abort(); // close() would wait for the unsent output to drain
        } else if (m_device->isOpen()) {
            m_device->close();
        }
    }
    if (abort) {
        // Dropped from inside sendLine(), i.e. while a receiver of closed() (the session) may be
        // emitting: it hears of it from the event loop instead.
        QMetaObject::invokeMethod(this, &LineChannel::closed, Qt::QueuedConnection);
        return;
    }
    Q_EMIT closed();
}

void LineChannel::handleBytesWritten()
{
    if (m_paused && !m_closed && m_device && m_device->bytesToWrite() <= m_pauseBytes / 2) {
        // Queued: bytesWritten may be emitted inside a write or flush of a receiver.
        QMetaObject::invokeMethod(this, &LineChannel::resumeReading, Qt::QueuedConnection);
    }
}

void LineChannel::resumeReading()
{
    if (!m_paused || m_closed || !m_device || m_device->bytesToWrite() > m_pauseBytes / 2) {
        return;
    }
    m_paused = false;
    qCDebug(lcTransport) << "resuming reading";
    if (deliverFramed()) {
        handleReadyRead();
    }
}

void LineChannel::handleReadyRead()
{
    if (!m_device || m_closed) {
        return;
    }
    const QPointer<LineChannel> guard(this);
    while (guard && !m_paused && m_device && m_device->bytesAvailable() > 0) {
        if (!consume(m_device->readAll())) {
            return;
        }
    }
}

bool LineChannel::consume(const QByteArray &data)
{
    m_framer.append(data);
    return deliverFramed();
}

bool LineChannel::deliverFramed()
{
    while (!m_paused) {
        const std::optional<wire::LineFramer::Frame> frame = m_framer.next();
        if (!frame) {
            break;
        }
        if (!deliver(*frame)) {
            return false;
        }
    }
    return true;
}

bool LineChannel::deliver(const wire::LineFramer::Frame &frame)
{
    const QPointer<LineChannel> guard(this);
    if (frame.kind == wire::LineFramer::Frame::Kind::Oversize) {
        Q_EMIT oversizeLine(frame.bytes.toByteArray());
    } else {
        Q_EMIT lineReceived(frame.bytes.toByteArray());
    }
    return !guard.isNull() && !m_closed;
}

void LineChannel::handleDeviceGone()
{
    if (m_closed) {
        return;
    }
    const QPointer<LineChannel> guard(this);
    // A final line without its newline still counts once the peer has finished writing; lines a
    // paused channel holds back are not delivered (the peer did not read its answers anyway).
    if (!m_paused && m_device && m_device->bytesAvailable() > 0 && !consume(m_device->readAll())) {
        return;
    }
    if (!m_paused) {
        if (const std::optional<wire::LineFramer::Frame> rest = m_framer.finish(); rest && !deliver(*rest)) {
            return;
        }
    }
    m_closed = true;
    m_framer.clear();
    Q_EMIT closed();
}

} // namespace mcp::transport
