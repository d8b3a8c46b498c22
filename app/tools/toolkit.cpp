// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/toolkit.h"

#include "app/tools/backend.h"
#include "mcp/registry.h"
#include "mcp/schema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace app::tools {

Toolset toolsetFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"read-only"_s || t == u"readonly"_s) {
        return Toolset::ReadOnly;
    }
    if (t == u"essentials"_s) {
        return Toolset::Essentials;
    }
    return Toolset::All;
}

QList<Toolset> toolsets()
{
    return {Toolset::All, Toolset::ReadOnly, Toolset::Essentials};
}

QString label(Toolset toolset)
{
    switch (toolset) {
    case Toolset::All:
        break;
    case Toolset::ReadOnly:
        return QCoreApplication::translate("Toolset", "Read-only: no commands or attestations");
    case Toolset::Essentials:
        return QCoreApplication::translate("Toolset", "Essentials: the most used tools, for clients with a tool limit");
    }
    return QCoreApplication::translate("Toolset", "All tools");
}

QString toString(Toolset toolset)
{
    switch (toolset) {
    case Toolset::All:
        return u"all"_s;
    case Toolset::ReadOnly:
        return u"read-only"_s;
    case Toolset::Essentials:
        return u"essentials"_s;
    }
    return u"all"_s;
}

QList<ToolSpec> allTools(Backend &backend)
{
    return accessTools(backend) + capabilityTools(backend) + graphqlTools(backend) + batchTools(backend)
        + telemetryTools(backend) + activityTools(backend) + identityTools(backend) + commandTools(backend)
        + utilityTools(backend) + attestationTools(backend);
}

int registerTools(mcp::Registry &registry, Backend &backend, Toolset toolset)
{
    int count = 0;
    for (ToolSpec &spec : allTools(backend)) {
        if (toolset == Toolset::ReadOnly && (spec.flags & ToolSpec::Writes)) {
            continue;
        }
        if (toolset == Toolset::Essentials && !(spec.flags & ToolSpec::Essential)) {
            continue;
        }
        // Listed without titles: a model chooses by name and description, and 35 titles cost
        // 1 KB of every session's context. allTools() keeps them for the tray's own UI.
        spec.tool.title.clear();
        spec.tool.annotations.title.clear();
        const QString name = spec.tool.name;
        if (registry.addTool(std::move(spec.tool))) {
            ++count;
        } else {
            qCritical("DIMO tool %s could not be registered", qUtf8Printable(name));
        }
    }
    return count;
}

namespace args {

qint64 tokenId(const QJsonObject &arguments, QString *error, const QString &key)
{
    const QJsonValue v = arguments.value(key);
    qint64 id = 0;
    bool ok = false;
    if (v.isDouble()) {
        const double d = v.toDouble();
        // Range first: converting an out-of-range double to an integer is undefined behaviour.
        ok = d >= 1 && d < 9007199254740992.0 && d == std::floor(d);
        id = ok ? qint64(d) : 0;
    } else if (v.isString()) {
        id = v.toString().trimmed().toLongLong(&ok);
    }
    if (v.isUndefined() || v.isNull()) {
        *error =
            u"`%1` is missing: name the vehicle by its token id (check_vehicle_access_status lists them)"_s.arg(key);
        return 0;
    }
    if (ok && id > MaxTokenId) {
        *error = u"`%1` %2 is out of range: DIMO token ids are at most %3 (GraphQL Int); check the id "
                 "(check_vehicle_access_status lists them)"_s.arg(key)
                     .arg(id)
                     .arg(MaxTokenId);
        return 0;
    }
    if (!ok || id <= 0) {
        *error =
            u"`%1` must be a positive integer vehicle token id, not %2 (check_vehicle_access_status lists them)"_s.arg(
                key, QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
        return 0;
    }
    return id;
}

QJsonObject tokenIdSchema()
{
    // No "minimum" or "maximum": tokenId() refuses 0, negatives and ids above MaxTokenId with a
    // better message than the validator's, before any request. A declared maximum would cost 21
    // bytes in each of the 23 tools that take a tokenId: more than tools/list's budget allows.
    return QJsonObject{{u"type"_s, u"integer"_s}};
}

} // namespace args

CallStart startCall(Backend &backend, const SharedResponder &responder, const QString &argumentError)
{
    if (!argumentError.isEmpty()) {
        responder->resolve(mcp::ToolResult::error(argumentError));
        return {};
    }
    const auto client = backend.client();
    if (!client) {
        responder->resolve(errorResult(client.error()));
        return {};
    }
    return {client.value(), 0};
}

CallStart startVehicleCall(Backend &backend,
                           const QJsonObject &idSource,
                           const SharedResponder &responder,
                           const QString &argumentError)
{
    QString error = argumentError;
    const qint64 tokenId = error.isEmpty() ? args::tokenId(idSource, &error) : 0;
    if (tokenId == 0) {
        responder->resolve(mcp::ToolResult::error(error));
        return {};
    }
    CallStart call = startCall(backend, responder);
    call.tokenId = call ? tokenId : 0;
    return call;
}

} // namespace app::tools
