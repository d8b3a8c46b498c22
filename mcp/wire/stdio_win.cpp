// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/stdio.h"

#include <QtGlobal>

#if defined(Q_OS_WIN)
#include <windows.h>

namespace mcp::wire {

qint64 readStdin(char *buffer, qint64 size)
{
    // The raw handle: binary, whatever mode the C runtime put stdin in.
    DWORD read = 0;
    if (!ReadFile(GetStdHandle(STD_INPUT_HANDLE), buffer, DWORD(qMin<qint64>(size, 1 << 30)), &read, nullptr)) {
        return GetLastError() == ERROR_BROKEN_PIPE ? 0 : -1; // the writer closed its end
    }
    return qint64(read);
}

} // namespace mcp::wire
#endif
