// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "stdinreader.h"

#include "mcp/transport/endpoint.h"

#include <iostream>
#include <string>

namespace shim {

StdinReader::StdinReader(QObject *parent)
    : QObject(parent)
{}

StdinReader::~StdinReader()
{
    // After endOfInput() the thread has finished; otherwise it is blocked in a read that only
    // the process exit can end.
    if (m_thread.joinable())
        m_thread.detach();
}

void StdinReader::start()
{
    m_thread = std::thread([this] {
        run();
    });
}

void StdinReader::run()
{
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        if (line.size() > std::size_t(mcp::transport::MaxLineBytes)) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    Q_EMIT oversizeLine();
                },
                Qt::QueuedConnection);
            continue;
        }
        QByteArray bytes(line.data(), qsizetype(line.size()));
        QMetaObject::invokeMethod(
            this,
            [this, bytes = std::move(bytes)] {
                Q_EMIT lineRead(bytes);
            },
            Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_thread.joinable())
                m_thread.join();
            Q_EMIT endOfInput();
        },
        Qt::QueuedConnection);
}

} // namespace shim
