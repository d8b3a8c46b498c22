// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

namespace mcp {
class Server;
class Session;

namespace wire {
class StdinReader;
}
} // namespace mcp

namespace app {

// `dimo-tray --stdio`: one MCP session on stdin/stdout in-process. Stdin is read by a blocking
// reader thread; stdout gets MCP lines only, written from the main thread and flushed per line.
// finished(0) on stdin EOF.
class StdioHost : public QObject
{
    Q_OBJECT
public:
    explicit StdioHost(mcp::Server &server, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    mcp::Session *m_session = nullptr;
    mcp::wire::StdinReader *m_stdin = nullptr;
};

} // namespace app
