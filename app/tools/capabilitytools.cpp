// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// vehicle_capabilities ("the doctor"): per capability, available or not, why, and the one fix.
#include "app/tools/backend.h"
#include "app/tools/toolkit.h"
#include "dimo/auth/keccak.h"
#include "dimo/core/privileges.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/apicalljob.h"
#include "dimo/vehicles/capabilities.h"
#include "dimo/vehicles/vehiclejob.h"
#include "mcp/schema.h"

#include <QJsonArray>

#include <memory>

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

struct Doctor
{
    dimo::Client *client = nullptr;
    dimo::CapabilityFacts facts;
};

void answer(const Doctor &d, const SharedResponder &r)
{
    QList<dimo::Capability> rows = dimo::diagnoseCapabilities(d.facts);
    QJsonArray matrix;
    QStringList lines;
    int available = 0;
    for (dimo::Capability &c : rows) {
        if (c.fixAction == u"share"_s) {
            const auto url = d.client->loginUrl(dimo::reshareRequest(d.facts.tokenId, c.sharePrivileges));
            if (url) {
                c.fixUrl = url.value().toString(QUrl::FullyEncoded);
            }
        }
        available += c.available ? 1 : 0;
        QString line = u"- %1: %2 — %3"_s.arg(c.id, c.available ? u"yes"_s : u"no"_s, c.reason);
        if (c.fixAction != u"none"_s) {
            line += u". Fix (%1): %2%3"_s.arg(c.fixAction, c.fixText, c.fixUrl.isEmpty() ? QString() : u" " + c.fixUrl);
        }
        lines << line;
        matrix.append(c.toJson());
    }
    const QString name = d.facts.vehicle ? d.facts.vehicle->displayName() : u"vehicle"_s;
    lines.prepend(u"Vehicle %1 (%2): %3 of %4 capabilities available."_s.arg(d.facts.tokenId)
                      .arg(name)
                      .arg(available)
                      .arg(rows.size()));
    mcp::ToolResult result = mcp::ToolResult::text(lines.join(u'\n'));
    result.structuredContent = QJsonObject{{u"tokenId"_s, d.facts.tokenId}, {u"capabilities"_s, matrix}};
    result.hasStructuredContent = true;
    r->resolve(result);
}

void teslaStep(const std::shared_ptr<Doctor> &d, const SharedResponder &r)
{
    const dimo::Vehicle &v = *d->facts.vehicle;
    if (v.connection != u"Tesla"_s || !v.privileges.contains(dimo::privilege::ExecuteCommands)) {
        answer(*d, r);
        return;
    }
    if (!d->client->session()) {
        d->facts.teslaError = u"tesla-oracle's status needs a signed-in user (fleet mode without a login)"_s;
        answer(*d, r);
        return;
    }
    respond(
        d->client->teslaStatus(d->facts.tokenId),
        r,
        [d](const QJsonObject &status, const SharedResponder &r2) {
            d->facts.teslaAction = status.value(u"action"_s).toString();
            d->facts.teslaError = u"tesla-oracle sent no action"_s;
            answer(*d, r2);
        },
        [d](const dimo::Error &e, const SharedResponder &r2) {
            d->facts.teslaError = e.message;
            answer(*d, r2);
        });
}

void dataStep(const std::shared_ptr<Doctor> &d, const SharedResponder &r)
{
    const QList<int> held = d->facts.vehicle->privileges;
    const int privilege =
        held.contains(dimo::privilege::NonLocationHistory) ? int(dimo::privilege::NonLocationHistory) : held.value(0);
    respond(
        d->client->lastSeen(d->facts.tokenId, privilege),
        r,
        [d](const QJsonObject &data, const SharedResponder &r2) {
            d->facts.dataChecked = true;
            d->facts.lastSeen = QDateTime::fromString(
                data.value(u"signalsLatest"_s).toObject().value(u"lastSeen"_s).toString(), Qt::ISODateWithMs);
            teslaStep(d, r2);
        },
        [d](const dimo::Error &e, const SharedResponder &r2) {
            d->facts.dataError = e.message;
            teslaStep(d, r2);
        });
}

void capabilities(Backend &backend, const QJsonObject &arguments, const SharedResponder &responder)
{
    const CallStart call = startVehicleCall(backend, arguments, responder);
    if (!call) {
        return;
    }
    auto d = std::make_shared<Doctor>();
    d->client = call.client;
    d->facts.tokenId = call.tokenId;
    d->facts.now = backend.now();
    d->facts.fleetMode = call.client->fleetMode();
    d->facts.wallet = call.client->wallet();
    if (const dimo::Vehicle *known = backend.vehicles().find(call.tokenId)) {
        d->facts.knownGrantExpiry = known->grantExpiresAt;
    }
    if (!d->facts.fleetMode && d->facts.wallet.isEmpty()) {
        answer(*d, responder); // nothing to ask DIMO
        return;
    }
    respond(call.client->vehicle(call.tokenId), responder, [d](const dimo::Vehicle &v, const SharedResponder &r) {
        d->facts.vehicle = v;
        const bool yours = d->facts.fleetMode || dimo::eth::sameAddress(v.owner, d->facts.wallet);
        if (!yours || !v.shared) {
            answer(*d, r);
            return;
        }
        dataStep(d, r);
    });
}

} // namespace

QList<ToolSpec> capabilityTools(Backend &backend)
{
    return {ToolSpec{mcp::Tool{u"vehicle_capabilities"_s,
                               u"Vehicle capabilities"_s,
                               u"Why a vehicle can't do something: per capability, available, reason, the one fix."_s,
                               schema::object({{u"tokenId"_s, args::tokenIdSchema()}}, {u"tokenId"_s}),
                               {},
                               mcp::ToolAnnotations::readOnly(u"Vehicle capabilities"_s),
                               {},
                               [&backend](const QJsonObject &arguments, mcp::Responder r) {
                                   capabilities(backend, arguments, share(std::move(r)));
                               }},
                     ToolSpec::Essential}};
}

} // namespace app::tools
