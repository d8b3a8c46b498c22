// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/wire/lineframer.h"

#include <QByteArray>
#include <QIODevice>
#include <QObject>
#include <QPointer>

namespace mcp::transport {

// Newline-delimited framing (wire::LineFramer) over a QIODevice: one message per line, UTF-8,
// CRLF tolerated, empty lines ignored. Lines longer than maxLineBytes() are dropped
// (oversizeLine(head) once per dropped line, head being its first bytes) and reading goes on with
// the next line. Everything runs on the device's thread.
class LineChannel : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of the device if it has no parent. A QLocalSocket's disconnect, or the
    // device's aboutToClose/readChannelFinished, ends the channel (closed() is emitted once).
    explicit LineChannel(QIODevice *device, QObject *parent = nullptr);
    ~LineChannel() override;

    QIODevice *device() const { return m_device; }

    bool isOpen() const { return !m_closed; }

    qsizetype maxLineBytes() const { return m_framer.maxLineBytes(); }

    void setMaxLineBytes(qsizetype bytes) { m_framer.setMaxLineBytes(bytes); }

    // Writes the line followed by '\n'. The line must not contain a newline.
    void sendLine(const QByteArray &line);

    // Closes the device; closed() follows.
    void close();

Q_SIGNALS:
    void lineReceived(const QByteArray &line);
    void oversizeLine(const QByteArray &head);
    void closed();

private:
    void handleReadyRead();
    void handleDeviceGone();
    // Returns false if the channel was closed or destroyed by a receiver.
    bool consume(const QByteArray &data);
    bool deliver(const wire::LineFramer::Frame &frame);

    QPointer<QIODevice> m_device;
    wire::LineFramer m_framer;
    bool m_closed = false;
};

} // namespace mcp::transport
