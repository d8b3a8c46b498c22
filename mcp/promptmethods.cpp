// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// prompts/list, prompts/get and completion/complete.
#include "mcp/methods.h"
#include "mcp/server.h"
#include "mcp/sessioncore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcp::methods {

namespace {

constexpr qsizetype MaxCompletionValues = 100;

QHash<QString, QString> stringMap(const QJsonObject &object)
{
    QHash<QString, QString> out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        out.insert(it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    }
    return out;
}

} // namespace

void promptsList(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    if (rejectCursor(message.params, responder)) {
        return;
    }
    QJsonArray list;
    for (const Prompt &p : core.server().registry().prompts()) {
        list.append(p.toJson(SessionCore::contextOf(responder)->revision));
    }
    responder.resolve(QJsonObject{{u"prompts"_s, list}});
}

void promptsGet(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    const QString name = message.params.value("name"_L1).toString();
    const Prompt *prompt = core.server().registry().prompt(name);
    if (!prompt) {
        responder.reject({errc::InvalidParams, u"Unknown prompt: "_s + name, {}});
        return;
    }
    const QHash<QString, QString> args = stringMap(message.params.value("arguments"_L1).toObject());
    for (const PromptArgument &a : prompt->arguments) {
        if (a.required && !args.contains(a.name)) {
            responder.reject(
                {errc::InvalidParams, u"Invalid params: missing required argument '%1'"_s.arg(a.name), {}});
            return;
        }
    }
    const PromptResult result = prompt->handler(args);
    if (result.error) {
        responder.reject(*result.error);
        return;
    }
    QJsonArray messages;
    for (const PromptMessage &m : result.messages) {
        messages.append(
            QJsonObject{{u"role"_s, m.role},
                        {u"content"_s, content::forRevision(m.content, SessionCore::contextOf(responder)->revision)}});
    }
    QJsonObject out{{u"messages"_s, messages}};
    if (!result.description.isEmpty()) {
        out.insert(u"description"_s, result.description);
    }
    responder.resolve(out);
}

void complete(SessionCore &core, const jsonrpc::Message &message, Responder responder)
{
    const QJsonObject ref = message.params.value("ref"_L1).toObject();
    const QJsonObject argument = message.params.value("argument"_L1).toObject();
    const QString type = ref.value("type"_L1).toString();
    const Registry &registry = core.server().registry();
    Completer completer;
    bool known = false;
    if (type == "ref/prompt"_L1) {
        const Prompt *p = registry.prompt(ref.value("name"_L1).toString());
        known = p != nullptr;
        completer = p ? p->complete : Completer();
    } else if (type == "ref/resource"_L1) {
        const ResourceTemplate *t = registry.templateFor(ref.value("uri"_L1).toString());
        known = t != nullptr || registry.resource(ref.value("uri"_L1).toString()) != nullptr;
        completer = t ? t->complete : Completer();
    }
    if (!known || !argument.value("name"_L1).isString()) {
        responder.reject({errc::InvalidParams, u"Invalid params: unknown completion reference or argument"_s, {}});
        return;
    }
    QStringList values;
    if (completer) {
        const QHash<QString, QString> context =
            stringMap(message.params.value("context"_L1).toObject().value("arguments"_L1).toObject());
        values = completer(argument.value("name"_L1).toString(), argument.value("value"_L1).toString(), context);
    }
    const qsizetype total = values.size();
    values = values.mid(0, MaxCompletionValues);
    responder.resolve(QJsonObject{{u"completion"_s,
                                   QJsonObject{{u"values"_s, QJsonArray::fromStringList(values)},
                                               {u"total"_s, total},
                                               {u"hasMore"_s, total > values.size()}}}});
}

} // namespace mcp::methods
