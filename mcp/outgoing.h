// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>

namespace mcp {

/// One message a Session sends, with routing facts for transports that have several streams
/// (Streamable HTTP). Line transports only need `json` (Session::send carries just that).
struct Outgoing
{
    enum class Kind {
        Response, ///< answers the client requests in respondsTo
        Notification,
        Request, ///< a server→client request
        Dropped, ///< no json: the requests in respondsTo will never be answered (cancelled)
        CloseStream, ///< no json: close relatedTo's HTTP stream now (SSE polling); the client resumes it
    };
    Kind kind = Kind::Notification;
    QByteArray json;
    QList<QByteArray> respondsTo; ///< jsonrpc::idKey of the answered client requests
    QByteArray relatedTo; ///< idKey of the client request this message belongs to; empty = unsolicited
};

} // namespace mcp
