// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/net/httptypes.h"

#include <QNetworkRequest>

namespace dimo {

// Builds every QNetworkRequest the library sends: User-Agent "dimo-tray/<version>", an
// X-Request-Id, the transfer timeout, bearer and content type. Accept-Encoding is left to Qt,
// which advertises gzip/deflate and decompresses transparently.
class RequestFactory
{
public:
    static QNetworkRequest build(const HttpRequest &request, const TransportOptions &options, const QString &requestId);
    static QByteArray userAgent();
    static QString newRequestId();
};

} // namespace dimo
