// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// attestation_create {tokenId, type, …} and the old server's attestation_create_vin,
// _odometer, _vehicle_health, _vehicle_position: one implementation. A new VIN credential is
// read back from Telemetry and returned.
#include "app/tools/backend.h"
#include "app/tools/toolkit.h"
#include "dimo/attestation.h"
#include "dimo/core/privileges.h"
#include "dimo/graphql/documents.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/apicalljob.h"
#include "mcp/schema.h"

#include <utility>

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

void readBackVin(dimo::Client *client, qint64 tokenId, const QString &message, SharedResponder responder)
{
    // The document telemetry_get_vin_credential sends, without the data's age (privilege 5 alone).
    const dimo::graphql::Document document = dimo::graphql::shipped(u"telemetry"_s, u"VinCredential"_s);
    auto *job = client->telemetryQuery(
        tokenId, document.text, {{u"withAge"_s, false}}, {dimo::privilege::VinCredential}, document.operation);
    respond(job, std::move(responder), [message](const QJsonObject &data, const SharedResponder &r) {
        QJsonObject vc = data.value(u"vinVCLatest"_s).toObject();
        vc.remove(u"rawVC"_s); // the signed CloudEvent text: large, and telemetry_get_vin_credential has it
        r->resolve(mcp::ToolResult::structured(QJsonObject{{u"message"_s, message}, {u"vinCredential"_s, vc}}));
    });
}

void create(Backend &backend, const QString &type, const QJsonObject &arguments, const SharedResponder &responder)
{
    const auto kind = dimo::AttestationRequest::kindFromString(type);
    const CallStart call = startVehicleCall(backend, arguments, responder, kind ? QString() : kind.error().toString());
    if (!call) {
        return;
    }
    const qint64 tokenId = call.tokenId;
    dimo::AttestationRequest request;
    request.kind = kind.value();
    request.tokenId = tokenId;
    request.timestamp = arguments.value(u"timestamp"_s).toString();
    request.startTime = arguments.value(u"startTime"_s).toString();
    request.endTime = arguments.value(u"endTime"_s).toString();
    if (const auto body = request.body(); !body) {
        responder->resolve(errorResult(body.error()));
        return;
    }
    dimo::Client *c = call.client;
    auto *job = c->requestAttestation(request);
    const bool vin = request.kind == dimo::AttestationRequest::Kind::Vin;
    respond(job, responder, [c, tokenId, vin](const QJsonObject &answer, const SharedResponder &r) {
        const QString message = answer.value(u"message"_s).toString(u"DIMO created the attestation."_s);
        if (vin) {
            readBackVin(c, tokenId, message, r);
            return;
        }
        r->resolve(mcp::ToolResult::structured(
            QJsonObject{{u"message"_s, message},
                        {u"next"_s, u"Read it with telemetry_get_attestations (tokenId %1)."_s.arg(tokenId)}}));
    });
}

// The arguments a type takes ("" = attestation_create: all of them, and `type`).
schema::Properties properties(const QString &type)
{
    const QJsonObject time{{u"type"_s, u"string"_s}};
    schema::Properties props{{u"tokenId"_s, args::tokenIdSchema()}};
    if (type.isEmpty()) {
        props << QPair<QString, QJsonObject>{
            u"type"_s, schema::enumeration({}, {u"vin"_s, u"odometer"_s, u"vehicle_health"_s, u"vehicle_position"_s})};
    }
    if (type.isEmpty() || type == u"odometer"_s || type == u"vehicle_position"_s) {
        props << QPair<QString, QJsonObject>{u"timestamp"_s, time};
    }
    if (type.isEmpty() || type == u"vehicle_health"_s) {
        props << QPair<QString, QJsonObject>{u"startTime"_s, time} << QPair<QString, QJsonObject>{u"endTime"_s, time};
    }
    props << QPair<QString, QJsonObject>{u"force"_s, schema::boolean(u"Obsolete"_s)};
    return props;
}

QString kindName(const QString &type)
{
    QString t = type;
    return t.replace(u'_', u'-');
}

} // namespace

QList<ToolSpec> attestationTools(Backend &backend)
{
    QList<ToolSpec> tools;
    tools << ToolSpec{
        mcp::Tool{
            u"attestation_create"_s,
            u"Create an attestation"_s,
            u"Create a verifiable credential (timestamp: odometer, position; startTime/endTime at most 30 days apart: "
            "health)."_s,
            schema::object(properties({}), {u"tokenId"_s, u"type"_s}),
            {},
            mcp::ToolAnnotations::action(u"Create an attestation"_s, false, false, true),
            {},
            [&backend](const QJsonObject &arguments, mcp::Responder r) {
                create(backend, kindName(arguments.value(u"type"_s).toString()), arguments, share(std::move(r)));
            }},
        ToolSpec::Writes};
    const QList<QPair<QString, QString>> legacy{{u"vin"_s, u"VIN"_s},
                                                {u"odometer"_s, u"odometer"_s},
                                                {u"vehicle_health"_s, u"vehicle health"_s},
                                                {u"vehicle_position"_s, u"vehicle position"_s}};
    for (const auto &entry : legacy) {
        const QString type = entry.first;
        const QString label = entry.second;
        tools << ToolSpec{
            mcp::Tool{u"attestation_create_"_s + type,
                      u"Create a %1 attestation"_s.arg(label),
                      u"attestation_create with type %1."_s.arg(type),
                      schema::object(properties(type), {u"tokenId"_s}),
                      {},
                      mcp::ToolAnnotations::action(u"Create a %1 attestation"_s.arg(label), false, false, true),
                      {},
                      [&backend, type](const QJsonObject &arguments, mcp::Responder r) {
                          create(backend, kindName(type), arguments, share(std::move(r)));
                      }},
            ToolSpec::Writes};
    }
    return tools;
}

} // namespace app::tools
