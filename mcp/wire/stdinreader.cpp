// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/stdinreader.h"

#include "mcp/wire/lineframer.h"
#include "mcp/wire/stdio.h"

#include <QMutex>

#include <thread>
#include <utility>

namespace mcp::wire {

namespace {

constexpr qint64 ChunkBytes = qint64{64} * 1024;

} // namespace

// What the thread shares with the reader: the reader's address, cleared under the mutex by its
// destructor. Posting under the same mutex means no event is ever posted to a destroyed reader,
// and ~QObject discards the events posted before.
struct StdinReader::Link
{
    QMutex mutex;
    StdinReader *reader = nullptr;
    bool started = false;

    // Posts \a emitter(reader) to the reader's thread; false once the reader is gone.
    template <typename Emitter> bool post(Emitter emitter)
    {
        const QMutexLocker lock(&mutex);
        if (!reader) {
            return false;
        }
        QMetaObject::invokeMethod(
            reader,
            [r = reader, emitter = std::move(emitter)] {
                emitter(r);
            },
            Qt::QueuedConnection);
        return true;
    }
};

StdinReader::StdinReader(QObject *parent)
    : QObject(parent)
    , m_link(std::make_shared<Link>())
{
    m_link->reader = this;
}

StdinReader::~StdinReader()
{
    const QMutexLocker lock(&m_link->mutex);
    m_link->reader = nullptr;
}

void StdinReader::start()
{
    if (std::exchange(m_link->started, true)) {
        return;
    }
    std::thread([link = m_link] {
        run(link);
    }).detach();
}

void StdinReader::run(const std::shared_ptr<Link> &link)
{
    const auto post = [&link](const LineFramer::Frame &frame) {
        QByteArray bytes = frame.bytes.toByteArray();
        if (frame.kind == LineFramer::Frame::Kind::Oversize) {
            return link->post([bytes = std::move(bytes)](StdinReader *r) {
                Q_EMIT r->oversizeLine(bytes);
            });
        }
        return link->post([bytes = std::move(bytes)](StdinReader *r) {
            Q_EMIT r->lineRead(bytes);
        });
    };
    LineFramer framer;
    for (;;) {
        QByteArray chunk(ChunkBytes, Qt::Uninitialized);
        const qint64 n = readStdin(chunk.data(), chunk.size());
        if (n <= 0) {
            break;
        }
        chunk.truncate(n);
        framer.append(chunk);
        while (const std::optional<LineFramer::Frame> frame = framer.next()) {
            if (!post(*frame)) {
                return; // the reader is gone: stop reading
            }
        }
    }
    if (const std::optional<LineFramer::Frame> last = framer.finish()) {
        post(*last);
    }
    link->post([](StdinReader *r) {
        Q_EMIT r->endOfInput();
    });
}

} // namespace mcp::wire
