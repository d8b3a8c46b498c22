// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>

/// The process's stdin and stdout as the stdio transports use them (mcp-dimo, dimo-tray --stdio).
namespace mcp::wire {

/// Writes \a line and a newline to stdout and flushes: stdout carries only complete lines. An
/// empty \a line writes nothing (it is no message).
void writeStdoutLine(QByteArrayView line);

/// Blocks until stdin has bytes and reads up to \a size of them (binary, no newline
/// translation). Returns the count, 0 at end of input, -1 on error. Platform files:
/// stdio_posix.cpp (read(2)), stdio_win.cpp (ReadFile).
qint64 readStdin(char *buffer, qint64 size);

} // namespace mcp::wire
