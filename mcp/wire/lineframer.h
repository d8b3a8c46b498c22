// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace mcp::wire {

/// Largest accepted NDJSON line (without the newline). Longer lines are dropped.
inline constexpr qsizetype MaxLineBytes = qsizetype{4} * 1024 * 1024;
/// How much of a dropped line is kept to find its id.
inline constexpr qsizetype OversizeHeadBytes = qsizetype{64} * 1024;

/// The one NDJSON line framer (LineChannel, the stdin reader, the shim's tray socket): one message
/// per line, CRLF tolerated, empty lines skipped. A line longer than maxLineBytes() is dropped as
/// it streams (memory stays bounded by the cap plus one chunk) and reported once, with its first
/// bytes so that its id can still be answered. No Qt objects, no signals: feed it with append()
/// and take frames with next() until it returns nothing.
class LineFramer
{
public:
    struct Frame
    {
        enum class Kind { Line, Oversize };
        Kind kind = Kind::Line;
        /// The line without its newline, or the first bytes of a dropped line (at most
        /// OversizeHeadBytes). Valid until the next call of a non-const member.
        QByteArrayView bytes;
    };

    explicit LineFramer(qsizetype maxLineBytes = MaxLineBytes);

    qsizetype maxLineBytes() const { return m_maxLineBytes; }

    void setMaxLineBytes(qsizetype bytes) { m_maxLineBytes = bytes; }

    void append(const QByteArray &data);
    /// The next complete line, or the report of a dropped one; nothing when more data is needed.
    std::optional<Frame> next();
    /// At the end of the stream: the last line if it had no newline. Leaves the framer empty.
    std::optional<Frame> finish();
    void clear();

private:
    std::optional<Frame> frameFor(qsizetype begin, qsizetype end);
    std::optional<Frame> dropped(QByteArrayView start);

    QByteArray m_buffer;
    qsizetype m_pos = 0; // where the unframed bytes begin in m_buffer
    QByteArray m_head; // the start of the last dropped line
    qsizetype m_maxLineBytes;
    bool m_discarding = false; // inside a dropped line, until its newline
};

/// The JSON-RPC error line (compact, no newline) for a dropped oversize line: -32600, with the
/// id found in \a head (the line's first bytes) unless they show a response, else `id: null`.
QByteArray oversizeErrorLine(QByteArrayView head = {});

} // namespace mcp::wire
