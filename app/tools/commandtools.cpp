// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// lock_doors, unlock_doors, start_charge, stop_charge, open_trunk, open_frunk: access check, the
// user's approval, exactly one request to DIMO (never retried), then telemetry confirmation.
#include "app/tools/backend.h"
#include "app/tools/commandwatch.h"
#include "app/tools/toolkit.h"
#include "dimo/commandjob.h"
#include "dimo/vehicles/vehiclejob.h"
#include "mcp/schema.h"

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

struct CommandSpec
{
    QString tool;
    dimo::Command command;
    QString title; // "Lock the doors"
    QString signal; // confirming signal
    double expected;
};

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs{
        {u"lock_doors"_s, dimo::Command::LockDoors, u"Lock the doors"_s, u"bodyLockIsLocked"_s, 1},
        {u"unlock_doors"_s, dimo::Command::UnlockDoors, u"Unlock the doors"_s, u"bodyLockIsLocked"_s, 0},
        {u"start_charge"_s,
         dimo::Command::StartCharging,
         u"Start charging"_s,
         u"powertrainTractionBatteryChargingIsCharging"_s,
         1},
        {u"stop_charge"_s,
         dimo::Command::StopCharging,
         u"Stop charging"_s,
         u"powertrainTractionBatteryChargingIsCharging"_s,
         0},
        {u"open_trunk"_s, dimo::Command::OpenTrunk, u"Open the trunk"_s, u"bodyTrunkRearIsOpen"_s, 1},
        {u"open_frunk"_s, dimo::Command::OpenFrunk, u"Open the front trunk"_s, u"bodyTrunkFrontIsOpen"_s, 1},
    };
    return specs;
}

// The accepted command: report it, then watch telemetry.
void watch(Backend &backend,
           dimo::Client *client,
           const CommandSpec &spec,
           qint64 tokenId,
           const QDateTime &sentAt,
           const dimo::CommandReceipt &receipt,
           const QString &approval,
           const SharedResponder &responder)
{
    const QString accepted =
        u"%1: accepted by DIMO (commandId %2, status %3) — queued for the vehicle, not yet done. "
        "Approval: %4."_s.arg(
            spec.title, receipt.commandId, receipt.status.isEmpty() ? u"queued"_s : receipt.status, approval);
    responder->log(mcp::LogLevel::Info, accepted, u"dimo.commands"_s);
    auto *w = new CommandWatch(
        client, {tokenId, spec.signal, spec.expected, sentAt}, backend.commandWatchMs(), 2000, &backend);
    w->start(responder, [&backend, spec, tokenId, responder, accepted](const QString &line) {
        Q_EMIT backend.commandWatched(spec.tool, tokenId, line.startsWith(u"Confirmed"_s), line);
        if (responder->isPending()) {
            responder->resolve(mcp::ToolResult::text(accepted + u"\n"_s + line));
        }
    });
}

void send(Backend &backend,
          dimo::Client *client,
          const CommandSpec &spec,
          qint64 tokenId,
          const QString &approval,
          const SharedResponder &responder)
{
    const QDateTime sentAt = backend.now();
    // Cancelling after the request left cannot unsend it; the job is not cancelled then.
    respond(
        client->sendCommand(tokenId, spec.command),
        responder,
        [&backend, client, spec, tokenId, sentAt, approval](const dimo::CommandReceipt &receipt,
                                                            const SharedResponder &r) {
            watch(backend, client, spec, tokenId, sentAt, receipt, approval, r);
        },
        [&backend, spec, tokenId](dimo::Error e, const SharedResponder &r) {
            if (dimo::commands::outcomeUnknown(e)) {
                e.hint = u"The outcome is unknown: DIMO may have queued the command. It was not "
                         "sent again. Check the vehicle's state with telemetry_get_latest_signals "
                         "before resending it."_s;
            }
            Q_EMIT backend.commandFailed(spec.tool, tokenId, e);
            r->resolve(errorResult(e));
        },
        OnCancel::KeepJob);
}

void runCommand(Backend &backend,
                const CommandSpec &spec,
                const QJsonObject &arguments,
                const SharedResponder &responder)
{
    const CallStart call = startVehicleCall(backend, arguments, responder);
    if (!call) {
        return;
    }
    const qint64 tokenId = call.tokenId;
    dimo::Client *c = call.client;
    // Access first (ownership in user mode, the grant always), so the user is never asked to
    // approve a command that cannot run.
    auto *check = c->checkAccess(tokenId);
    respond(check, responder, [&backend, c, spec, tokenId](const dimo::Vehicle &vehicle, const SharedResponder &r) {
        if (!vehicle.privileges.contains(2)) {
            r->resolve(mcp::ToolResult::error(
                u"vehicle %1 is shared with this app without the commands privilege (2), so DIMO would refuse the "
                "command — Ask the owner to share commands via generate_vehicle_data_sharing_url (permissions [2])."_s
                    .arg(tokenId)));
            return;
        }
        const ApprovalRequest request{r->clientInfo().value(u"name"_s).toString(),
                                      spec.tool,
                                      dimo::commands::name(spec.command),
                                      spec.title,
                                      tokenId,
                                      vehicle.displayName(),
                                      r->sessionId()};
        backend.approvals().request(request, r, [&backend, c, spec, tokenId, r](const ApprovalDecision &decision) {
            Q_EMIT backend.commandDecided(spec.tool, tokenId, decision.allowed(), decision.note);
            if (!r->isPending()) {
                return;
            }
            if (!decision.allowed()) {
                QString note = decision.note;
                while (note.endsWith(u'.')) { // some notes end with a sentence of their own
                    note.chop(1);
                }
                r->resolve(mcp::ToolResult::error(
                    u"%1 on vehicle %2 was not sent: %3."_s.arg(spec.title).arg(tokenId).arg(note)));
                return;
            }
            send(backend, c, spec, tokenId, decision.note, r);
        });
    });
}

} // namespace

QList<ToolSpec> commandTools(Backend &backend)
{
    QList<ToolSpec> tools;
    for (const CommandSpec &spec : commandSpecs()) {
        const bool idempotent = spec.command == dimo::Command::LockDoors || spec.command == dimo::Command::StopCharging;
        tools << ToolSpec{mcp::Tool{spec.tool,
                                    spec.title,
                                    u"Tesla only. Asks the user, sends once, confirms via telemetry."_s,
                                    schema::object({{u"tokenId"_s, args::tokenIdSchema()}}, {u"tokenId"_s}),
                                    {},
                                    mcp::ToolAnnotations::action(spec.title, true, idempotent, true),
                                    {},
                                    [&backend, spec](const QJsonObject &arguments, mcp::Responder r) {
                                        runCommand(backend, spec, arguments, share(std::move(r)));
                                    }},
                          ToolSpec::Writes
                              | (spec.command == dimo::Command::LockDoors || spec.command == dimo::Command::UnlockDoors
                                     ? ToolSpec::Essential
                                     : 0)};
    }
    return tools;
}

} // namespace app::tools
