// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QObject>

#include <memory>

namespace mcp::wire {

// Reads stdin on a dedicated thread (blocking reads of bounded chunks, no polling), frames it
// with LineFramer and posts every line to this object's thread. A line over MaxLineBytes is
// dropped as it streams and reported once by oversizeLine(head), head being its first bytes.
//
// The thread may outlive the reader (a blocking read cannot be interrupted): it holds only shared
// state, posts nothing once the reader is destroyed, and stops at its next read.
class StdinReader : public QObject
{
    Q_OBJECT
public:
    explicit StdinReader(QObject *parent = nullptr);
    ~StdinReader() override;

    // Starts the reader thread; once.
    void start();

Q_SIGNALS:
    void lineRead(const QByteArray &line);
    void oversizeLine(const QByteArray &head);
    void endOfInput();

private:
    struct Link;
    static void run(const std::shared_ptr<Link> &link);

    std::shared_ptr<Link> m_link;
};

} // namespace mcp::wire
