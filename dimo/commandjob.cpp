// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/commandjob.h"

#include "dimo/net/apicalljob.h"
#include "dimo/net/requests.h"
#include "dimo/vehicles/privileges.h"
#include "dimo/vehicles/vehiclejwtcache.h"

using namespace Qt::StringLiterals;

namespace dimo {

CommandJob::CommandJob(ContextPtr context, qint64 tokenId, Command command, QObject *parent)
    : TypedJob(parent)
    , m_context(std::move(context))
    , m_tokenId(tokenId)
    , m_command(command)
{}

void CommandJob::doStart()
{
    const auto request = requests::command(m_context->env, m_tokenId, m_command);
    if (!request) {
        finish(request.error());
        return;
    }
    if (!m_context->vehicleJwt) {
        finish(Error::make(Error::Kind::Cancelled, u"the DIMO client was shut down"_s));
        return;
    }
    const TokenSource token = m_context->vehicleJwt->source(m_tokenId, {privilege::ExecuteCommands}, false);
    startChild(new ApiCallJob(m_context, request.value(), token), [this](const Result<QJsonObject> &answer) {
        if (answer) {
            finish(CommandReceipt::fromJson(answer.value()));
            return;
        }
        Error e = answer.error();
        if (e.kind == Error::Kind::Timeout) {
            e.message = u"no answer to the command \"%1\" for vehicle %2: its outcome is unknown (%3)"_s.arg(
                commands::name(m_command), QString::number(m_tokenId), e.message);
            e.hint = u"It was not sent again. Check the vehicle's signals before sending it again."_s;
        }
        finish(e);
    });
}

} // namespace dimo
