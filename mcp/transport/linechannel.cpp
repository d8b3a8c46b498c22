// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/transport/linechannel.h"

#include <QIODevice>
#include <QLocalSocket>

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
    if (auto *socket = qobject_cast<QLocalSocket *>(device)) {
        connect(socket, &QLocalSocket::disconnected, this, &LineChannel::handleDeviceGone);
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

void LineChannel::sendLine(const QByteArray &line)
{
    if (m_closed || !m_device) {
        return;
    }
    QByteArray framed;
    framed.reserve(line.size() + 1);
    framed.append(line);
    framed.append('\n');
    m_device->write(framed);
}

void LineChannel::close()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    m_framer.clear();
    if (m_device) {
        m_device->disconnect(this);
        if (m_device->isOpen()) {
            m_device->close();
        }
    }
    Q_EMIT closed();
}

void LineChannel::handleReadyRead()
{
    if (!m_device || m_closed) {
        return;
    }
    const QPointer<LineChannel> guard(this);
    while (guard && m_device && m_device->bytesAvailable() > 0) {
        if (!consume(m_device->readAll())) {
            return;
        }
    }
}

bool LineChannel::consume(const QByteArray &data)
{
    m_framer.append(data);
    while (const std::optional<wire::LineFramer::Frame> frame = m_framer.next()) {
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
    // A final line without its newline still counts once the peer has finished writing.
    if (m_device && m_device->bytesAvailable() > 0 && !consume(m_device->readAll())) {
        return;
    }
    if (const std::optional<wire::LineFramer::Frame> rest = m_framer.finish(); rest && !deliver(*rest)) {
        return;
    }
    m_closed = true;
    Q_EMIT closed();
}

} // namespace mcp::transport
