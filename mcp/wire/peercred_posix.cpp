// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Unix: the peer's uid of a connected AF_UNIX socket. Linux: SO_PEERCRED (for a connecting
// client, the credentials of its connect(); for a server, those of its listen()). macOS and the
// BSDs: getpeereid(), the same facts.
#include "mcp/wire/peercred.h"

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace mcp::wire {

bool peerIsSameUser(qintptr descriptor, PeerEnd peer, QString *why)
{
    const int fd = int(descriptor);
    uid_t uid = 0;
    bool known = false;
#if defined(Q_OS_LINUX)
    struct ucred credentials
    {
    };

    socklen_t size = sizeof(credentials);
    known = fd >= 0 && ::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) == 0;
    uid = credentials.uid;
#else
    gid_t gid = 0;
    known = fd >= 0 && ::getpeereid(fd, &uid, &gid) == 0;
#endif
    const QString who = peer == PeerEnd::Server ? u"the server"_s : u"the client"_s;
    if (!known) {
        if (why) {
            *why = u"cannot tell which user %1 of the local socket runs as: %2"_s.arg(
                who, QString::fromLocal8Bit(std::strerror(errno)));
        }
        return false;
    }
    if (uid != ::geteuid()) {
        if (why) {
            *why = u"%1 of the local socket runs as another user (uid %2; this process runs as uid %3)"_s.arg(who)
                       .arg(uid)
                       .arg(::geteuid());
        }
        return false;
    }
    return true;
}

} // namespace mcp::wire
