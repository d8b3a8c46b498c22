// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// The legacy era: the initialize handshake, one state per session (2024-11-05 … 2025-11-25).
#include "mcp/era.h"

#include "mcp/protocolversion.h"
#include "mcp/requestcontext.h"
#include "mcp/responder.h"
#include "mcp/sessioncore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcp {

namespace {

class LegacyEra final : public Era
{
public:
    bool needsInitializedSession() const override { return true; }

    const QJsonObject &clientCapabilities(const RequestContext &, const SessionState &session) const override
    {
        return session.clientCapabilities;
    }

    std::optional<LogLevel> logThreshold(const RequestContext &, const SessionState &session) const override
    {
        return session.logLevel; // logging/setLevel
    }

    QJsonObject result(const Server &, const RequestContext &, QJsonObject result) const override { return result; }

    RpcError error(RpcError error) const override { return error; }

    Outbound outbound(const RequestContext *,
                      const QString &,
                      const QString &capability,
                      const SessionState &session) const override
    {
        // Elicitation only exists from 2025-06-18: a client on an older revision cannot answer it.
        const bool revisionOk = capability != "elicitation"_L1 || protocol::has2025_06_18(session.revision);
        const bool declared = capability.isEmpty() || (revisionOk && session.clientCapabilities.contains(capability));
        return declared ? Outbound::Wire : Outbound::Refused;
    }

    QString refusal(const QString &method, const QString &capability) const override
    {
        return u"The client did not declare the '%1' capability needed for %2"_s.arg(capability, method);
    }

    bool isInputRetry(const QJsonObject &) const override { return false; }

    /*!
        server/discover is the 2026-07-28 (stateless era) probe. The legacy era answers at once with
        a plain -32601: dual-era clients treat any non-modern error as "legacy" and fall back to
        initialize without waiting for a timeout.
    */
    void discover(SessionCore &, Responder responder) const override
    {
        responder.reject(
            {errc::MethodNotFound,
             u"Method not found: server/discover (MCP %1); this server uses the initialize handshake"_s.arg(
                 QStringView(protocol::ModernVersion)),
             QJsonObject{{u"supported"_s, QJsonArray::fromStringList(protocol::supportedVersions())}}});
    }
};

} // namespace

const Era &Era::legacy()
{
    static const LegacyEra era;
    return era;
}

} // namespace mcp
