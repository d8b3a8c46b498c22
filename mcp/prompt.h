// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/protocolversion.h"
#include "mcp/resource.h"
#include "mcp/rpcerror.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace mcp {

struct PromptArgument
{
    QString name;
    QString title;
    QString description;
    bool required = false;
};

struct PromptMessage
{
    QString role; ///< "user" or "assistant"
    QJsonObject content; ///< one content block (see content::)
};

struct PromptResult
{
    QString description;
    QList<PromptMessage> messages;
    std::optional<RpcError> error;
};

/// Renders the prompt; required arguments are checked before it runs.
using PromptHandler = std::function<PromptResult(const QHash<QString, QString> &arguments)>;

struct Prompt
{
    QString name;
    QString title;
    QString description;
    QList<PromptArgument> arguments;
    PromptHandler handler;
    Completer complete; ///< optional argument completion

    QJsonObject toJson(Revision revision) const;
};

} // namespace mcp
