// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/stdiohost.h"

#include "mcp/server.h"
#include "mcp/session.h"
#include "mcp/transport/endpoint.h"
#include "mcp/transport/stdinreader.h"

#include <cstdio>

namespace app {

namespace {

void writeLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

StdioHost::StdioHost(mcp::Server &server, QObject *parent)
    : QObject(parent)
    , m_session(server.createSession(this))
    , m_stdin(new mcp::transport::StdinReader(this))
{
    connect(m_stdin, &mcp::transport::StdinReader::lineRead, m_session, &mcp::Session::receive);
    connect(m_stdin, &mcp::transport::StdinReader::oversizeLine, this, [] {
        writeLine(mcp::transport::oversizeErrorLine());
    });
    connect(m_stdin, &mcp::transport::StdinReader::endOfInput, this, [this] {
        m_session->close();
        Q_EMIT finished(0);
    });
    connect(m_session, &mcp::Session::send, this, &writeLine);
}

void StdioHost::start()
{
    m_stdin->start();
}

} // namespace app
