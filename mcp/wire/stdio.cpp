// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/stdio.h"

#include <cstdio>

namespace mcp::wire {

void writeStdoutLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        return;
    }
    std::fwrite(line.data(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace mcp::wire
