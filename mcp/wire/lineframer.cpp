// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/lineframer.h"

#include "mcp/wire/errorcodes.h"
#include "mcp/wire/jsonscan.h"
#include "mcp/wire/messages.h"

using namespace Qt::StringLiterals;

namespace mcp::wire {

LineFramer::LineFramer(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{}

void LineFramer::append(const QByteArray &data)
{
    if (m_pos >= m_buffer.size()) {
        m_buffer = data; // shares the caller's bytes: no copy for whole lines
        m_pos = 0;
        return;
    }
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(data);
}

std::optional<LineFramer::Frame> LineFramer::next()
{
    while (m_pos < m_buffer.size()) {
        const qsizetype nl = m_buffer.indexOf('\n', m_pos);
        if (nl < 0) {
            const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_pos);
            if (rest.size() <= m_maxLineBytes && !m_discarding) {
                return std::nullopt; // wait for the rest of the line
            }
            std::optional<Frame> report;
            if (!m_discarding) {
                m_discarding = true; // over the cap before its end: drop it as it streams
                report = dropped(rest);
            }
            m_buffer.clear();
            m_pos = 0;
            return report;
        }
        const qsizetype begin = m_pos;
        m_pos = nl + 1;
        if (m_discarding) {
            m_discarding = false; // the dropped line ends here; it was reported already
            continue;
        }
        if (std::optional<Frame> frame = frameFor(begin, nl)) {
            return frame;
        }
    }
    return std::nullopt;
}

std::optional<LineFramer::Frame> LineFramer::finish()
{
    std::optional<Frame> frame;
    if (!m_discarding && m_pos < m_buffer.size()) {
        const qsizetype begin = m_pos;
        m_pos = m_buffer.size();
        frame = frameFor(begin, m_buffer.size());
    }
    m_discarding = false;
    return frame;
}

void LineFramer::clear()
{
    m_buffer.clear();
    m_pos = 0;
    m_discarding = false;
}

std::optional<LineFramer::Frame> LineFramer::frameFor(qsizetype begin, qsizetype end)
{
    if (end > begin && m_buffer.at(end - 1) == '\r') {
        --end;
    }
    if (end == begin) {
        return std::nullopt;
    }
    const QByteArrayView line = QByteArrayView(m_buffer).sliced(begin, end - begin);
    if (line.size() > m_maxLineBytes) {
        return dropped(line);
    }
    return Frame{Frame::Kind::Line, line};
}

std::optional<LineFramer::Frame> LineFramer::dropped(QByteArrayView start)
{
    m_head = start.first(qMin(start.size(), OversizeHeadBytes)).toByteArray();
    return Frame{Frame::Kind::Oversize, m_head};
}

QByteArray oversizeErrorLine(QByteArrayView head)
{
    const jsonscan::Envelope envelope = jsonscan::envelope(head);
    const bool named = !envelope.id.isEmpty() && !envelope.isResponse;
    const QByteArrayView id = named ? envelope.id : QByteArrayView("null");
    return errorLine(id,
                     errc::InvalidRequest,
                     u"Message too large: %1 bytes per line at most; the message was dropped"_s.arg(MaxLineBytes));
}

} // namespace mcp::wire
