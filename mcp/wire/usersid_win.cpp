// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Compiled on Windows only (mcp/wire/CMakeLists.txt). Not compiled by the Linux CI: keep it tiny.
#include "mcp/wire/usersid.h"

#include <vector>

// sddl.h needs the types windows.h declares, so the order is fixed.
// clang-format off
#include <windows.h>
#include <sddl.h>

// clang-format on

namespace mcp::wire {

QString currentUserSid()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) {
        return {};
    }
    QString sid;
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size); // fails with the size needed
    if (size > 0) {
        std::vector<unsigned char> buffer(size);
        if (GetTokenInformation(token, TokenUser, buffer.data(), size, &size)) {
            const auto *user = reinterpret_cast<const TOKEN_USER *>(buffer.data());
            LPWSTR text = nullptr;
            if (ConvertSidToStringSidW(user->User.Sid, &text)) {
                sid = QString::fromWCharArray(text);
                LocalFree(text);
            }
        }
    }
    CloseHandle(token);
    return sid;
}

} // namespace mcp::wire
