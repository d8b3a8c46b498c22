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
//
// Output is bounded for a peer that does not read: while more than pauseBytes() of sent lines
// wait in the device's write buffer, no further lines are read or delivered (a QLocalSocket's own
// read buffer is capped too, so the peer's writes back up in the kernel); reading resumes once the
// peer has taken half of it. If the unsent output still exceeds maxUnsentBytes() when a line is
// to be sent (answers of requests already running, notifications), the peer is dropped: the
// device is aborted and closed() follows.
class LineChannel : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype DefaultPauseBytes = qsizetype{1} * 1024 * 1024;
    static constexpr qsizetype DefaultMaxUnsentBytes = qsizetype{16} * 1024 * 1024;
    // A QLocalSocket's read buffer: what Qt takes from the peer while reading is paused.
    static constexpr qsizetype ReadBufferBytes = qsizetype{1} * 1024 * 1024;

    // Takes ownership of the device if it has no parent. A QLocalSocket's disconnect, or the
    // device's aboutToClose/readChannelFinished, ends the channel (closed() is emitted once).
    explicit LineChannel(QIODevice *device, QObject *parent = nullptr);
    ~LineChannel() override;

    QIODevice *device() const { return m_device; }

    bool isOpen() const { return !m_closed; }

    qsizetype maxLineBytes() const { return m_framer.maxLineBytes(); }

    void setMaxLineBytes(qsizetype bytes) { m_framer.setMaxLineBytes(bytes); }

    qsizetype pauseBytes() const { return m_pauseBytes; }

    qsizetype maxUnsentBytes() const { return m_maxUnsentBytes; }

    // Both in bytes of unsent output; pause ≤ max.
    void setOutputLimits(qsizetype pauseBytes, qsizetype maxUnsentBytes);

    // Output written but not yet taken by the peer.
    qsizetype bytesToWrite() const;

    // True while reading is paused because the peer is not reading.
    bool isReadingPaused() const { return m_paused; }

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
    void handleBytesWritten();
    void resumeReading();
    void shutDown(bool abort);
    // Returns false if the channel was closed or destroyed by a receiver.
    bool consume(const QByteArray &data);
    // Delivers the framed lines until none is left or reading pauses; false as consume().
    bool deliverFramed();
    bool deliver(const wire::LineFramer::Frame &frame);

    QPointer<QIODevice> m_device;
    wire::LineFramer m_framer;
    qsizetype m_pauseBytes = DefaultPauseBytes;
    qsizetype m_maxUnsentBytes = DefaultMaxUnsentBytes;
    bool m_closed = false;
    bool m_paused = false;
};

} // namespace mcp::transport
