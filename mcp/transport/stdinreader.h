// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QObject>

#include <thread>

namespace mcp::transport {

// Reads stdin on a dedicated thread with blocking std::getline (no polling) and posts every
// complete line to this object's thread. Lines over MaxLineBytes are dropped (oversizeLine()).
class StdinReader : public QObject
{
    Q_OBJECT
public:
    explicit StdinReader(QObject *parent = nullptr);
    ~StdinReader() override;

    void start();

Q_SIGNALS:
    void lineRead(const QByteArray &line);
    void oversizeLine();
    void endOfInput();

private:
    void run();

    std::thread m_thread;
};

} // namespace mcp::transport
