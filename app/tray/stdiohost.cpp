// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/stdiohost.h"

#include "mcp/server.h"
#include "mcp/session.h"
#include "mcp/wire/lineframer.h"
#include "mcp/wire/stdinreader.h"
#include "mcp/wire/stdio.h"

namespace app {

StdioHost::StdioHost(mcp::Server &server, QObject *parent)
    : QObject(parent)
    , m_session(server.createSession(this))
    , m_stdin(new mcp::wire::StdinReader(this))
{
    connect(m_stdin, &mcp::wire::StdinReader::lineRead, m_session, &mcp::Session::receive);
    connect(m_stdin, &mcp::wire::StdinReader::oversizeLine, this, [](const QByteArray &head) {
        mcp::wire::writeStdoutLine(mcp::wire::oversizeErrorLine(head));
    });
    connect(m_stdin, &mcp::wire::StdinReader::endOfInput, this, [this] {
        m_session->close();
        Q_EMIT finished(0);
    });
    connect(m_session, &mcp::Session::send, this, [](const QByteArray &line) {
        mcp::wire::writeStdoutLine(line);
    });
}

void StdioHost::start()
{
    m_stdin->start();
}

} // namespace app
