// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Streamable HTTP in the stateless 2026-07-28 era: a POST without Mcp-Session-Id that carries the
// `_meta` envelope is served by a throwaway session; its headers must agree with its body.

#include "mcp/http/httpconnection.h"
#include "mcp/http/httpera.h"
#include "mcp/http/httpsession.h"
#include "mcp/jsonrpc.h"
#include "mcp/protocolversion.h"
#include "mcp/rpcerror.h"

using namespace Qt::StringLiterals;

namespace mcp::http {

namespace {

class ModernHttpEra final : public HttpEra
{
public:
    bool acceptsVersionHeader(QByteArrayView version) const override
    {
        return version == QByteArrayView(protocol::ModernVersionLatin1)
            || HttpEra::legacy().acceptsVersionHeader(version);
    }

    bool serveSessionless(Server *server,
                          HttpConnection *connection,
                          const HttpRequest &request,
                          QObject *parent) const override;
};

void answer400(HttpConnection *connection, QByteArrayView id, int code, const QString &message)
{
    connection->respond(400, {}, jsonrpc::encodeError(id, {code, message, {}}), "application/json");
}

bool ModernHttpEra::serveSessionless(Server *server,
                                     HttpConnection *connection,
                                     const HttpRequest &request,
                                     QObject *parent) const
{
    const QByteArray header = request.header("mcp-protocol-version");
    const jsonrpc::Decoded decoded = jsonrpc::decode(request.body);
    const bool single = !decoded.parseError && !decoded.isBatch && decoded.messages.size() == 1;
    const jsonrpc::Message message = single ? decoded.messages.front() : jsonrpc::Message();
    const QJsonObject meta = message.params.value("_meta"_L1).toObject();
    const QString versionKey = u"io.modelcontextprotocol/protocolVersion"_s;
    if (!meta.contains(versionKey)) {
        if (header == QByteArrayView(protocol::ModernVersionLatin1)) {
            answer400(connection,
                      {},
                      errc::TransportError,
                      u"Invalid params: MCP-Protocol-Version names 2026-07-28 but _meta has no envelope"_s);
            return true;
        }
        return false; // legacy traffic
    }
    auto mismatch = [&](const QString &what) {
        answer400(connection, message.rawId, errc::HeaderMismatch, u"Header mismatch: "_s + what);
        return true;
    };
    if (!header.isEmpty() && header != meta.value(versionKey).toString().toUtf8()) {
        return mismatch(u"MCP-Protocol-Version differs from the _meta protocol version"_s);
    }
    const QByteArray method = request.header("mcp-method");
    if (!method.isEmpty() && method != message.method.toUtf8()) {
        return mismatch(u"Mcp-Method differs from the body's method"_s);
    }
    const QByteArray name = request.header("mcp-name");
    const QString nameKey = message.method == "resources/read"_L1 ? u"uri"_s : u"name"_s;
    if (!name.isEmpty() && name != message.params.value(nameKey).toString().toUtf8()) {
        return mismatch(u"Mcp-Name differs from the body's "_s + nameKey);
    }
    if (message.kind == jsonrpc::Kind::Request
        && !meta.value("io.modelcontextprotocol/clientCapabilities"_L1).isObject()) {
        answer400(
            connection, message.rawId, errc::InvalidParams, u"Invalid params: _meta is missing clientCapabilities"_s);
        return true;
    }
    // Stateless: a throwaway session serves this one request and goes away when it is answered.
    auto *session = new HttpSession(server, {}, parent);
    QObject::connect(session, &HttpSession::drained, session, &QObject::deleteLater);
    session->handlePost(connection, request);
    return true;
}

} // namespace

const HttpEra &HttpEra::modern()
{
    static const ModernHttpEra era;
    return era;
}

} // namespace mcp::http
