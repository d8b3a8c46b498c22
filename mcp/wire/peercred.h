// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

// Who is at the other end of a local socket: both ends of the tray's socket talk only to a
// process of the same user. QtCore only (it takes the native descriptor, so that the shim, which
// links the wire library and QtNetwork only, can use it too).
namespace mcp::wire {

// Which end of the connection the peer is.
enum class PeerEnd {
    Client, // we accepted the connection (server side)
    Server, // we connected (client side)
};

// Whether the peer of a connected local socket runs as the user this process runs as.
// `descriptor` is QLocalSocket::socketDescriptor(): a Unix socket (SO_PEERCRED on Linux,
// getpeereid() on macOS and the BSDs) or a named pipe handle on Windows (the peer's process id,
// then its token's user SID compared with ours). False, with `why` saying who the peer is, when
// it is another user or cannot be told.
bool peerIsSameUser(qintptr descriptor, PeerEnd peer, QString *why = nullptr);

} // namespace mcp::wire
