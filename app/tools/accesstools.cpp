// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// check_vehicle_access_status, init_oauth, generate_vehicle_data_sharing_url.
#include "app/tools/backend.h"
#include "app/tools/creditsread.h"
#include "app/tools/timerules.h"
#include "app/tools/toolkit.h"
#include "dimo/net/tokenjob.h"
#include "dimo/vehicles/capabilities.h"
#include "dimo/vehicles/vehiclelistjob.h"
#include "mcp/schema.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

QString vehicleRow(const dimo::Vehicle &v, const QString &wallet)
{
    QStringList privileges;
    for (int p : v.privileges) {
        privileges << QString::number(p);
    }
    const bool yours = !wallet.isEmpty() && v.owner.compare(wallet, Qt::CaseInsensitive) == 0;
    QString model = u"%1 %2 %3"_s.arg(v.year > 0 ? QString::number(v.year) : QString(), v.make, v.model).simplified();
    return u"- %1: %2%3 — %4; privileges %5"_s.arg(v.tokenId).arg(model.isEmpty() ? u"unknown model"_s : model,
                                                                  v.name.isEmpty() ? QString()
                                                                                   : u" (\""_s + v.name + u"\")"_s,
                                                                  yours ? u"yours"_s : u"shared by %1"_s.arg(v.owner),
                                                                  privileges.join(u','));
}

// The vehicles part of check_vehicle_access_status: one row each (with its credits), then the
// hints that apply.
QString vehiclesAnswer(QStringList out,
                       const QList<dimo::Vehicle> &vehicles,
                       const QHash<qint64, CreditRead> &reads,
                       const QString &wallet,
                       const QDateTime &now)
{
    out << u"License accepted by DIMO: yes"_s;
    out << u"Accessible vehicles: %1"_s.arg(vehicles.size());
    const int firstRow = int(out.size());
    for (const dimo::Vehicle &v : vehicles) {
        out << vehicleRow(v, wallet);
    }
    addCredits(out, firstRow, vehicles, reads);
    if (std::any_of(vehicles.begin(), vehicles.end(), [&now](const dimo::Vehicle &v) {
            return dimo::grantNeedsAttention(v, now);
        })) {
        out << u"Something missing for a vehicle? vehicle_capabilities {tokenId} says why and the fix."_s;
    }
    if (vehicles.isEmpty()) {
        out << u"Next step: the user shares vehicles with this app — call generate_vehicle_data_sharing_url."_s;
    }
    out << u"Privileges: 1 data, 2 commands, 3 current location, 4 location history, 5 VIN credential, 6 live data, "
           "8 approximate location."_s;
    return out.join(u'\n');
}

// Who is signed in, with which license and policy: the lines before the vehicles.
QStringList sessionLines(dimo::Client *c)
{
    QStringList lines;
    lines << u"License (client ID): %1"_s.arg(c->clientId());
    lines << u"Mode: %1"_s.arg(c->fleetMode() ? u"fleet (every vehicle shared with the license; no login needed)"_s
                                              : u"user (the signed-in user's vehicles)"_s);
    if (const auto &session = c->session()) {
        lines << u"Signed in: wallet %1%2, session valid until %3"_s.arg(
            session->walletAddress,
            session->email.isEmpty() ? QString() : u" (" + session->email + u")",
            session->expiresAt.toUTC().toString(Qt::ISODate));
    } else {
        lines << u"Signed in: nobody"_s;
    }
    return lines;
}

void accessStatus(Backend &backend, const SharedResponder &responder)
{
    const auto client = backend.client();
    QStringList lines;
    lines << u"License source: %1"_s.arg(backend.credentialSource().origin());
    lines << u"DIMO environment: %1"_s.arg(backend.environment().name);
    // The policy in force and its source ("ask (settings)", "ask (DIMOTRAY_APPROVAL tightened
    // settings' never)"); remembered approvals only come from the user's own dialog.
    lines << u"Command approval: %1; remembered approvals: %2"_s.arg(backend.approvals().effectivePolicy().describe())
                 .arg(backend.approvals().grants().size());
    if (!client) {
        lines << u"Problem: %1"_s.arg(client.error().toString());
        responder->resolve(mcp::ToolResult::error(lines.join(u'\n')));
        return;
    }
    dimo::Client *c = client.value();
    lines << sessionLines(c);
    const QString wallet = c->session() ? c->session()->walletAddress : QString();
    if (!c->fleetMode() && !c->session()) {
        lines
            << u"Next step: call init_oauth and have the user log in with DIMO, then call check_vehicle_access_status again."_s;
        responder->resolve(mcp::ToolResult::text(lines.join(u'\n')));
        return;
    }
    // The developer JWT proves the license works (cached for 14 days), then the vehicles and their credits.
    respond(c->developerJwt(), responder, [&backend, c, wallet, lines](const QString &, SharedResponder r) {
        auto *list = c->fleetMode() ? c->sharedVehicles() : c->myVehicles();
        respond(
            list,
            std::move(r),
            [&backend, c, wallet, lines](const QList<dimo::Vehicle> &vehicles, const SharedResponder &r2) {
                backend.vehicles().setVehicles(vehicles);
                backend.vehicles().readCredits(vehicles, c, [&backend, wallet, lines, vehicles, r2](const auto &reads) {
                    if (r2->isPending()) {
                        r2->resolve(
                            mcp::ToolResult::text(vehiclesAnswer(lines, vehicles, reads, wallet, backend.now())));
                    }
                });
            });
    });
}

void initOauth(Backend &backend, const QJsonObject &arguments, const SharedResponder &responder)
{
    const CallStart call = startCall(backend, responder);
    if (!call) {
        return;
    }
    const auto url = call.client->loginUrl(dimo::LoginRequest{});
    if (!url) {
        responder->resolve(errorResult(url.error()));
        return;
    }
    if (backend.openLoginWindow(url.value())) {
        responder->resolve(mcp::ToolResult::text(u"DIMO Tray opened its Login with DIMO window on the user's desktop. "
                                                 u"Ask the user to log in there; when they "
                                                 "are done, call check_vehicle_access_status."_s));
        return;
    }
    const QUrl redirect(backend.redirectUri());
    const QString host = redirect.host();
    if (host != u"localhost"_s && host != u"127.0.0.1"_s) {
        responder->resolve(mcp::ToolResult::error(
            u"the license's redirect URI (%1) does not point to this machine, so DIMO Tray cannot receive the login "
            "without its tray window. Register a loopback redirect URI such as http://localhost:3333/callback for the "
            "license in the DIMO developer console and set DIMO_DOMAIN to it, or run DIMO Tray with its tray icon."_s
                .arg(redirect.toString())));
        return;
    }
    const int port = arguments.contains(u"port"_s) ? arguments.value(u"port"_s).toInt() : redirect.port(3333);
    LoginListener &listener = backend.loginListener();
    const dimo::Status listening = listener.listen(quint16(port), redirect, call.client);
    if (!listening) {
        responder->resolve(errorResult(listening.error()));
        return;
    }
    // The link of this attempt: it carries the listener's one-time state, echoed on the redirect.
    dimo::LoginRequest attempt;
    attempt.state = listener.state();
    const auto link = call.client->loginUrl(attempt);
    if (!link) {
        listener.close();
        responder->resolve(errorResult(link.error()));
        return;
    }
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(LoginListener::DefaultLifetime).count();
    // One arg() call with both values: a second .arg() would rewrite the link's own %2F/%3A escapes.
    responder->resolve(mcp::ToolResult::text(
        u"Give the user this link to log in with DIMO (it opens in their browser):\n%1\nDIMO Tray listens on "
        "127.0.0.1:%2 for this one login and verifies it; the link works once, for %3 minutes (a new "
        "init_oauth call replaces it). When the user says they are done, call check_vehicle_access_status."_s.arg(
            link.value().toString(QUrl::FullyEncoded), QString::number(listener.port()), QString::number(minutes))));
}

void sharingUrl(Backend &backend, const QJsonObject &arguments, const SharedResponder &responder)
{
    const CallStart call = startCall(backend, responder);
    if (!call) {
        return;
    }
    dimo::LoginRequest request;
    request.entry = dimo::LoginRequest::Entry::ShareVehicles;
    request.permissionTemplateId = arguments.value(u"permissionTemplateId"_s).toInt(0);
    for (const QJsonValue &p : arguments.value(u"permissions"_s).toArray()) {
        request.permissions << p.toInt();
    }
    if (request.permissionTemplateId == 0 && request.permissions.isEmpty()) {
        request.permissionTemplateId = 1;
    }
    for (const QJsonValue &v : arguments.value(u"vehicles"_s).toArray()) {
        request.vehicles << v.toInteger();
    }
    for (const QJsonValue &m : arguments.value(u"vehicleMakes"_s).toArray()) {
        request.vehicleMakes << m.toString();
    }
    if (arguments.contains(u"expirationDate"_s)) {
        const auto range = parseTimeRange(
            u"1970-01-01T00:00:00Z"_s, arguments.value(u"expirationDate"_s).toString(), RangeRule::Unlimited);
        if (!range) {
            responder->resolve(errorResult(range.error()));
            return;
        }
        request.expiration = range.value().to;
    }
    auto url = call.client->loginUrl(request);
    if (!url) {
        responder->resolve(errorResult(url.error()));
        return;
    }
    QUrl out = url.value();
    QUrlQuery query(out);
    for (const QJsonValue &p : arguments.value(u"powertrainTypes"_s).toArray()) {
        query.addQueryItem(u"powertrainTypes"_s, p.toString());
    }
    out.setQuery(query);
    responder->resolve(mcp::ToolResult::text(
        u"Give the user this link to share vehicles with this app (Login with DIMO):\n%1\nWhen they are done, call "
        "check_vehicle_access_status."_s.arg(out.toString(QUrl::FullyEncoded))));
}

} // namespace

QList<ToolSpec> accessTools(Backend &backend)
{
    QList<ToolSpec> tools;
    tools << ToolSpec{mcp::Tool{u"check_vehicle_access_status"_s,
                                u"Vehicle access status"_s,
                                u"Start here: sign-in, fleet mode, every reachable vehicle (token id, model, owner, "
                                "privileges)."_s,
                                {},
                                {},
                                mcp::ToolAnnotations::readOnly(u"Vehicle access status"_s),
                                {},
                                [&backend](const QJsonObject &, mcp::Responder r) {
                                    accessStatus(backend, share(std::move(r)));
                                }},
                      ToolSpec::Essential};
    tools << ToolSpec{
        mcp::Tool{u"init_oauth"_s,
                  u"Log in with DIMO"_s,
                  u"Start Login with DIMO (callback port default 3333); answers at once with the user's next step."_s,
                  schema::object({{u"port"_s, schema::integer({}, 1, 65535)}}),
                  {},
                  mcp::ToolAnnotations::action(u"Log in with DIMO"_s, false, true, true),
                  {},
                  [&backend](const QJsonObject &arguments, mcp::Responder r) {
                      initOauth(backend, arguments, share(std::move(r)));
                  }},
        ToolSpec::Essential};
    tools << ToolSpec{
        mcp::Tool{u"generate_vehicle_data_sharing_url"_s,
                  u"Vehicle sharing link"_s,
                  u"Login with DIMO link for the user to share vehicles with this app."_s,
                  schema::object({{u"permissionTemplateId"_s, schema::integer(u"1: privileges 1-6; 2: 1,3-6"_s, 1, 2)},
                                  {u"permissions"_s, schema::array(u"Privilege ids"_s, schema::integer({}))},
                                  {u"vehicles"_s, schema::array({}, QJsonObject{{u"type"_s, u"integer"_s}})},
                                  {u"vehicleMakes"_s, schema::array({}, QJsonObject{{u"type"_s, u"string"_s}})},
                                  {u"powertrainTypes"_s,
                                   schema::array(u"BEV ICE HEV PHEV"_s, QJsonObject{{u"type"_s, u"string"_s}})},
                                  {u"expirationDate"_s, schema::string({})}}),
                  {},
                  mcp::ToolAnnotations::readOnly(u"Vehicle sharing link"_s, false),
                  {},
                  [&backend](const QJsonObject &arguments, mcp::Responder r) {
                      sharingUrl(backend, arguments, share(std::move(r)));
                  }},
        0};
    return tools;
}

} // namespace app::tools
