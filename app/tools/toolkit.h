// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/jobadapter.h"
#include "mcp/tool.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace dimo {
class Client;
}

namespace mcp {
class Registry;
}

namespace app::tools {

class Backend;

// Which tools a session sees (setting `toolset`, environment DIMOTRAY_TOOLSET).
enum class Toolset {
    All, // default
    ReadOnly, // no commands, no attestations
    Essentials, // at most 13 tools, for clients with tool limits
};

Toolset toolsetFromString(const QString &text); // "all", "read-only", "essentials"; else All
QString toString(Toolset toolset);
QList<Toolset> toolsets(); // every toolset, the largest first
QString label(Toolset toolset); // as people see it in the Settings dialog: "Read-only: no commands or attestations"

struct ToolSpec
{
    enum Flag {
        Essential = 0x1, // part of the essentials toolset
        Writes = 0x2, // commands and attestations: not in read-only
    };

    mcp::Tool tool;
    int flags = 0;
};

// One function per family (one file each).
QList<ToolSpec> accessTools(Backend &backend);
QList<ToolSpec> capabilityTools(Backend &backend);
QList<ToolSpec> graphqlTools(Backend &backend);
QList<ToolSpec> batchTools(Backend &backend);
QList<ToolSpec> telemetryTools(Backend &backend);
QList<ToolSpec> activityTools(Backend &backend);
QList<ToolSpec> identityTools(Backend &backend);
QList<ToolSpec> commandTools(Backend &backend);
QList<ToolSpec> utilityTools(Backend &backend);
QList<ToolSpec> attestationTools(Backend &backend);

QList<ToolSpec> allTools(Backend &backend); // with titles (for a UI)
// Registers the toolset's tools (listed without titles: see registerTools); returns how many.
int registerTools(mcp::Registry &registry, Backend &backend, Toolset toolset);
// The dimo:// resources and the assistant prompts.
void registerResources(mcp::Registry &registry, Backend &backend);

// Argument helpers shared by the families.
namespace args {
// DIMO's token ids are GraphQL Int (32-bit signed): larger ones are refused before any request.
inline constexpr qint64 MaxTokenId = 2147483647;
// A token id 1..MaxTokenId from `tokenId` (integer, or a string of digits); 0 with an error text.
qint64 tokenId(const QJsonObject &arguments, QString *error, const QString &key = QStringLiteral("tokenId"));
QJsonObject tokenIdSchema(); // {"type":"integer"}; tokenId() checks the range
} // namespace args

// The preamble every tool call shares: its arguments checked, then the DIMO client. `client` is
// nullptr once the call has been answered with what was wrong: `argumentError` if not empty (the
// tool's own argument check), else the `tokenId` check (forVehicle), else what is missing for a
// client (no license, ...).
struct CallStart
{
    dimo::Client *client = nullptr;
    qint64 tokenId = 0; // forVehicle(): the checked token id

    explicit operator bool() const { return client != nullptr; }
};

CallStart startCall(Backend &backend, const SharedResponder &responder, const QString &argumentError = {});
// The same for a call about one vehicle: `tokenId` read from `idSource` (args::tokenId) first.
CallStart startVehicleCall(Backend &backend,
                           const QJsonObject &idSource,
                           const SharedResponder &responder,
                           const QString &argumentError = {});

} // namespace app::tools
