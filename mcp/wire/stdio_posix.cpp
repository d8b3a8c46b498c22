// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/stdio.h"

#include <cerrno>
#include <unistd.h>

namespace mcp::wire {

qint64 readStdin(char *buffer, qint64 size)
{
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, size_t(size));
        if (n >= 0 || errno != EINTR) {
            return qint64(n);
        }
    }
}

} // namespace mcp::wire
