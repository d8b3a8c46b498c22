// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/httpera.h"

#include "mcp/protocolversion.h"
#include "mcp/server.h"

#include <QString>

namespace mcp::http {

namespace {

// 2025-03-26 … 2025-11-25: every request after initialize belongs to an Mcp-Session-Id session.
class LegacyHttpEra final : public HttpEra
{
public:
    bool acceptsVersionHeader(QByteArrayView version) const override
    {
        return protocol::parse(QString::fromLatin1(version)).has_value();
    }

    bool serveSessionless(Server *, HttpConnection *, const HttpRequest &, QObject *) const override { return false; }
};

} // namespace

const HttpEra &HttpEra::legacy()
{
    static const LegacyHttpEra era;
    return era;
}

const HttpEra &HttpEra::of(const Server &server)
{
    return server.modernEraEnabled() ? modern() : legacy();
}

} // namespace mcp::http
