// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Windows: the user of the process at the other end of a named pipe (its process id from the
// pipe, then its token's user SID), compared with the user of this process. Pipe names share
// one namespace per machine, so another user could create ours first ("pipe squatting").
// Compiled on Windows only (mcp/wire/CMakeLists.txt). Not compiled by the Linux CI: keep it tiny.
#include "mcp/wire/peercred.h"

#include <vector>

// sddl.h needs the types windows.h declares, so the order is fixed.
// clang-format off
#include <windows.h>
#include <sddl.h>

// clang-format on

using namespace Qt::StringLiterals;

namespace mcp::wire {

namespace {

// The TOKEN_USER of a process; empty if it cannot be read.
std::vector<unsigned char> tokenUser(HANDLE process)
{
    std::vector<unsigned char> buffer;
    HANDLE token = nullptr;
    if (!OpenProcessToken(process, TOKEN_QUERY, &token)) {
        return buffer;
    }
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size); // fails with the size needed
    if (size > 0) {
        buffer.resize(size);
        if (!GetTokenInformation(token, TokenUser, buffer.data(), size, &size)) {
            buffer.clear();
        }
    }
    CloseHandle(token);
    return buffer;
}

QString sidText(const std::vector<unsigned char> &user)
{
    QString text;
    LPWSTR string = nullptr;
    if (!user.empty() && ConvertSidToStringSidW(reinterpret_cast<const TOKEN_USER *>(user.data())->User.Sid, &string)) {
        text = QString::fromWCharArray(string);
        LocalFree(string);
    }
    return text;
}

} // namespace

bool peerIsSameUser(qintptr descriptor, PeerEnd peer, QString *why)
{
    const auto pipe = reinterpret_cast<HANDLE>(descriptor);
    const QString who = peer == PeerEnd::Server ? u"the server"_s : u"the client"_s;
    ULONG pid = 0;
    const BOOL havePid =
        peer == PeerEnd::Client ? GetNamedPipeClientProcessId(pipe, &pid) : GetNamedPipeServerProcessId(pipe, &pid);
    std::vector<unsigned char> theirs;
    if (havePid) {
        if (HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid)) {
            theirs = tokenUser(process);
            CloseHandle(process);
        }
    }
    const std::vector<unsigned char> ours = tokenUser(GetCurrentProcess());
    if (theirs.empty() || ours.empty()) {
        if (why) {
            *why =
                u"cannot tell which user %1 of the named pipe runs as (process %2, error %3)"_s.arg(who).arg(pid).arg(
                    GetLastError());
        }
        return false;
    }
    const auto *a = reinterpret_cast<const TOKEN_USER *>(theirs.data());
    const auto *b = reinterpret_cast<const TOKEN_USER *>(ours.data());
    if (!EqualSid(a->User.Sid, b->User.Sid)) {
        if (why) {
            *why = u"%1 of the named pipe runs as another user (%2; this process runs as %3)"_s.arg(
                who, sidText(theirs), sidText(ours));
        }
        return false;
    }
    return true;
}

} // namespace mcp::wire
