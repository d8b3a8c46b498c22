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
    if (!device->parent())
        device->setParent(this);
    connect(device, &QIODevice::readyRead, this, &LineChannel::handleReadyRead);
    connect(device, &QIODevice::aboutToClose, this, &LineChannel::handleDeviceGone);
    connect(device, &QIODevice::readChannelFinished, this, &LineChannel::handleDeviceGone);
    if (auto *socket = qobject_cast<QLocalSocket *>(device))
        connect(socket, &QLocalSocket::disconnected, this, &LineChannel::handleDeviceGone);
    if (device->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &LineChannel::handleReadyRead, Qt::QueuedConnection);
}

LineChannel::~LineChannel()
{
    if (m_device)
        m_device->disconnect(this);
}

void LineChannel::sendLine(const QByteArray &line)
{
    if (m_closed || !m_device)
        return;
    QByteArray framed;
    framed.reserve(line.size() + 1);
    framed.append(line);
    framed.append('\n');
    m_device->write(framed);
}

void LineChannel::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_buffer.clear();
    if (m_device) {
        m_device->disconnect(this);
        if (m_device->isOpen())
            m_device->close();
    }
    Q_EMIT closed();
}

void LineChannel::handleReadyRead()
{
    if (!m_device || m_closed)
        return;
    const QPointer<LineChannel> guard(this);
    while (guard && m_device && m_device->bytesAvailable() > 0) {
        if (!consume(m_device->readAll()))
            return;
    }
}

bool LineChannel::consume(const QByteArray &data)
{
    const QPointer<LineChannel> guard(this);
    qsizetype from = 0;
    while (from < data.size()) {
        const qsizetype nl = data.indexOf('\n', from);
        if (nl < 0) {
            if (!m_discarding) {
                m_buffer.append(data.constData() + from, data.size() - from);
                if (m_buffer.size() > m_maxLineBytes) {
                    m_buffer.clear();
                    m_discarding = true;
                    Q_EMIT oversizeLine();
                    if (!guard)
                        return false;
                }
            }
            return true;
        }
        if (m_discarding) {
            m_discarding = false; // the oversize line ends here; it was reported already
        } else if (m_buffer.isEmpty()) {
            if (!deliver(data.mid(from, nl - from)))
                return false;
        } else {
            m_buffer.append(data.constData() + from, nl - from);
            QByteArray line;
            line.swap(m_buffer);
            if (!deliver(std::move(line)))
                return false;
        }
        from = nl + 1;
    }
    return true;
}

bool LineChannel::deliver(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return true;
    const QPointer<LineChannel> guard(this);
    if (line.size() > m_maxLineBytes)
        Q_EMIT oversizeLine();
    else
        Q_EMIT lineReceived(line);
    return !guard.isNull() && !m_closed;
}

void LineChannel::handleDeviceGone()
{
    if (m_closed)
        return;
    const QPointer<LineChannel> guard(this);
    // A final line without its newline still counts once the peer has finished writing.
    if (m_device && m_device->bytesAvailable() > 0 && !consume(m_device->readAll()))
        return;
    if (!guard || m_closed)
        return;
    if (!m_discarding && !m_buffer.isEmpty()) {
        QByteArray rest;
        rest.swap(m_buffer);
        if (!deliver(std::move(rest)))
            return;
    }
    if (!guard || m_closed)
        return;
    m_closed = true;
    Q_EMIT closed();
}

} // namespace mcp::transport
