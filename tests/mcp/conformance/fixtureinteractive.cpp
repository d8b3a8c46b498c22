// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Conformance fixtures: tools that ask the client (sampling, elicitation).
#include "mcp/server.h"
#include "tests/mcp/conformance/fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace mcp::conformance {

namespace {

QJsonObject prop(const QString &type, const QString &description = {})
{
    QJsonObject p{{u"type"_s, type}};
    if (!description.isEmpty()) {
        p.insert(u"description"_s, description);
    }
    return p;
}

QJsonObject withDefault(QJsonObject p, const QJsonValue &value)
{
    p.insert(u"default"_s, value);
    return p;
}

QJsonArray titled(const QStringList &pairs)
{
    QJsonArray out;
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
        out.append(QJsonObject{{u"const"_s, pairs.at(i)}, {u"title"_s, pairs.at(i + 1)}});
    }
    return out;
}

QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

/// Asks the client with elicitation/create and answers "<prefix>: action=..., content={...}".
void elicitAndReport(Responder r, const QString &message, const QJsonObject &schema, const QString &prefix)
{
    std::move(r).elicit(message, schema, [prefix](Responder responder, const ClientReply &reply) {
        if (!reply.ok) {
            responder.fail(u"Elicitation failed: "_s + reply.error.message);
            return;
        }
        responder.resolve(ToolResult::text(u"%1: action=%2, content=%3"_s.arg(
            prefix, reply.result.value("action"_L1).toString(), compact(reply.result.value("content"_L1)))));
    });
}

void add(Server &server, const QString &name, const QString &description, QJsonObject schema, ToolHandler handler)
{
    server.registry().addTool(Tool{name,
                                   {},
                                   description,
                                   std::move(schema),
                                   {},
                                   ToolAnnotations{name, true, false, false, false},
                                   {},
                                   std::move(handler)});
}

} // namespace

void registerInteractiveFixtureTools(Server &server)
{
    const QJsonObject promptSchema{{u"type"_s, u"object"_s},
                                   {u"properties"_s, QJsonObject{{u"prompt"_s, prop(u"string"_s, u"The prompt"_s)}}},
                                   {u"required"_s, QJsonArray{u"prompt"_s}}};
    add(server,
        u"test_sampling"_s,
        u"Asks the client's LLM via sampling/createMessage"_s,
        promptSchema,
        [](const QJsonObject &args, Responder r) {
            const QJsonObject message{{u"role"_s, u"user"_s},
                                      {u"content"_s, content::text(args.value("prompt"_L1).toString())}};
            const QJsonObject params{{u"messages"_s, QJsonArray{message}}, {u"maxTokens"_s, 100}};
            std::move(r).request(
                u"sampling/createMessage"_s, params, [](Responder responder, const ClientReply &reply) {
                    if (!reply.ok) {
                        responder.fail(u"Sampling failed: "_s + reply.error.message);
                        return;
                    }
                    const QString text = reply.result.value("content"_L1).toObject().value("text"_L1).toString();
                    responder.resolve(ToolResult::text(u"LLM response: "_s + text));
                });
        });

    const QJsonObject messageSchema{
        {u"type"_s, u"object"_s},
        {u"properties"_s, QJsonObject{{u"message"_s, prop(u"string"_s, u"Shown to the user"_s)}}},
        {u"required"_s, QJsonArray{u"message"_s}}};
    add(server,
        u"test_elicitation"_s,
        u"Asks the user for a username and an email"_s,
        messageSchema,
        [](const QJsonObject &args, Responder r) {
            const QJsonObject schema{{u"type"_s, u"object"_s},
                                     {u"properties"_s,
                                      QJsonObject{{u"username"_s, prop(u"string"_s, u"User's response"_s)},
                                                  {u"email"_s, prop(u"string"_s, u"User's email address"_s)}}},
                                     {u"required"_s, QJsonArray{u"username"_s, u"email"_s}}};
            elicitAndReport(std::move(r), args.value("message"_L1).toString(), schema, u"User response"_s);
        });

    add(server,
        u"test_elicitation_sep1034_defaults"_s,
        u"Elicitation with defaults for every primitive type"_s,
        {},
        [](const QJsonObject &, Responder r) {
            QJsonObject status = withDefault(prop(u"string"_s, u"Status"_s), u"active"_s);
            status.insert(u"enum"_s, QJsonArray{u"active"_s, u"inactive"_s, u"pending"_s});
            const QJsonObject schema{
                {u"type"_s, u"object"_s},
                {u"properties"_s,
                 QJsonObject{{u"name"_s, withDefault(prop(u"string"_s, u"Name"_s), u"John Doe"_s)},
                             {u"age"_s, withDefault(prop(u"integer"_s, u"Age"_s), 30)},
                             {u"score"_s, withDefault(prop(u"number"_s, u"Score"_s), 95.5)},
                             {u"status"_s, status},
                             {u"verified"_s, withDefault(prop(u"boolean"_s, u"Verified"_s), true)}}}};
            elicitAndReport(std::move(r),
                            u"Please review and update the form fields with defaults"_s,
                            schema,
                            u"Elicitation completed"_s);
        });

    add(server,
        u"test_elicitation_sep1330_enums"_s,
        u"Elicitation with every enum schema variant"_s,
        {},
        [](const QJsonObject &, Responder r) {
            const QJsonArray options{u"option1"_s, u"option2"_s, u"option3"_s};
            QJsonObject legacy = prop(u"string"_s, u"Legacy titled enum"_s);
            legacy.insert(u"enum"_s, QJsonArray{u"opt1"_s, u"opt2"_s, u"opt3"_s});
            legacy.insert(u"enumNames"_s, QJsonArray{u"Option One"_s, u"Option Two"_s, u"Option Three"_s});
            const QJsonObject schema{
                {u"type"_s, u"object"_s},
                {u"properties"_s,
                 QJsonObject{{u"untitledSingle"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"enum"_s, options}}},
                             {u"titledSingle"_s,
                              QJsonObject{{u"type"_s, u"string"_s},
                                          {u"oneOf"_s,
                                           titled({u"value1"_s,
                                                   u"First Option"_s,
                                                   u"value2"_s,
                                                   u"Second Option"_s,
                                                   u"value3"_s,
                                                   u"Third Option"_s})}}},
                             {u"legacyEnum"_s, legacy},
                             {u"untitledMulti"_s,
                              QJsonObject{{u"type"_s, u"array"_s},
                                          {u"items"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"enum"_s, options}}}}},
                             {u"titledMulti"_s,
                              QJsonObject{{u"type"_s, u"array"_s},
                                          {u"items"_s,
                                           QJsonObject{{u"anyOf"_s,
                                                        titled({u"value1"_s,
                                                                u"First Choice"_s,
                                                                u"value2"_s,
                                                                u"Second Choice"_s,
                                                                u"value3"_s,
                                                                u"Third Choice"_s})}}}}}}}};
            elicitAndReport(std::move(r), u"Please choose options"_s, schema, u"Elicitation completed"_s);
        });
}

} // namespace mcp::conformance
