// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/commandjob.h"

#include "dimo/core/privileges.h"
#include "dimo/net/apicalljob.h"
#include "dimo/net/requests.h"
#include "dimo/vehicles/capabilities.h"
#include "dimo/vehicles/vehiclejwtcache.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace dimo {

namespace {

// Words a failed command by what is known about it: refused by DIMO (not executed) or unknown
// (no answer, a 5xx, an answer we cannot read: DIMO may have queued it).
Error wordFailure(Error e, Command command, qint64 tokenId)
{
    const QString what = u"\"%1\" for vehicle %2"_s.arg(commands::name(command), QString::number(tokenId));
    const QString unknownHint = u"It was not sent again. Check the vehicle's state before resending it."_s;
    if (e.kind == Error::Kind::Timeout) {
        e.message = u"no answer to the command %1: its outcome is unknown (%2)"_s.arg(what, e.message);
        e.hint = unknownHint;
    } else if (e.httpStatus == 401) {
        // Our vehicle JWT came from DIMO's token exchange moments ago, for this vehicle, with
        // privilege 2: a refusal here is DIMO's service disagreeing with DIMO's own credentials.
        e.kind = Error::Kind::Unauthorized;
        e.message =
            u"%1: DIMO's command service refused the vehicle credentials (401: %2); %3; the command "
            "was not executed"_s.arg(what, e.detail.isEmpty() ? u"no message"_s : e.detail, commands::DimoSideRefusal);
        e.detail.clear();
        e.hint = u"Sending it again is refused the same way until DIMO fixes its command service "
                 "(tesla-oracle); nothing in this app or in the vehicle's sharing can change that."_s;
    } else if (e.httpStatus >= 400 && e.httpStatus < 500) {
        e.message = u"%1: DIMO's command service refused the command; it was not executed"_s.arg(what);
        if (e.httpStatus == 404) {
            e.hint = u"DIMO has no Tesla connection for this vehicle: only vehicles connected through DIMO's "
                     "Tesla integration take commands."_s;
        }
    } else if (e.kind == Error::Kind::Network) {
        e.message = u"%1: %2 while sending it, so the outcome is unknown: DIMO may have queued the command"_s.arg(
            what, e.message);
        e.hint = unknownHint;
    } else if (commands::outcomeUnknown(e)) {
        e.message = (e.kind == Error::Kind::Parse
                         ? u"%1: DIMO's command service answered with something that is not a command receipt "
                           "(HTTP %2), so the outcome is unknown: DIMO may have queued the command"_s
                         : u"%1: DIMO's command service failed (HTTP %2), so the outcome is unknown: DIMO may "
                           "have queued the command"_s)
                        .arg(what, QString::number(e.httpStatus));
        e.hint = unknownHint;
    }
    return e;
}

// tesla-oracle's status route in words: why this Tesla can or cannot take commands.
QString describeTeslaStatus(const QJsonObject &status, qint64 tokenId)
{
    const QString action = status.value(u"action"_s).toString();
    if (action.isEmpty()) {
        return {};
    }
    return u"DIMO's Tesla status for vehicle %1: %2 (%3: \"%4\")."_s.arg(
        QString::number(tokenId),
        teslaStatusMeaning(action).isEmpty() ? u"see DIMO's message"_s : teslaStatusMeaning(action),
        action,
        status.value(u"message"_s).toString());
}

// A token that is already at hand (fetched just before, or the signed-in user's).
TokenSource fixedToken(const QString &token, std::function<void(const QString &)> invalidate)
{
    return {[token] {
                return new TokenJob([token](TokenJob *job) {
                    job->complete(token);
                });
            },
            std::move(invalidate),
            false};
}

} // namespace

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
    // The vehicle JWT first, on its own: a failure there (token exchange) is reported in its own
    // words, and nothing was sent. Then the one request, with that token and no second try.
    const TokenSource source = m_context->vehicleJwt->source(m_tokenId, {privilege::ExecuteCommands}, false);
    startChild(source.fetch(), [this, source, request = request.value()](const Result<QString> &jwt) {
        if (!jwt) {
            finish(jwt.error());
            return;
        }
        startChild(new ApiCallJob(m_context, request, fixedToken(jwt.value(), source.invalidate)),
                   [this](const Result<QJsonObject> &answer) {
                       if (!answer) {
                           explain(wordFailure(answer.error(), m_command, m_tokenId));
                           return;
                       }
                       const CommandReceipt receipt = CommandReceipt::fromJson(answer.value());
                       if (receipt.commandId.isEmpty()) {
                           Error e = Error::make(Error::Kind::Parse, {}, {}, u"no commandId in the answer"_s);
                           e.httpStatus = 200;
                           finish(wordFailure(e, m_command, m_tokenId));
                           return;
                       }
                       finish(receipt);
                   });
    });
}

void CommandJob::explain(const Error &refusal)
{
    // A Tesla refused (401/403): tesla-oracle's status route says why it cannot take commands. It
    // needs a wallet JWT, so only with a signed-in user; without an answer the refusal stands alone.
    const auto status = requests::teslaStatus(m_context->env, m_tokenId);
    if ((refusal.httpStatus != 401 && refusal.httpStatus != 403) || !m_context->session || !status) {
        finish(refusal);
        return;
    }
    const TokenSource user = fixedToken(m_context->session->token, [](const QString &) {});
    startChild(new ApiCallJob(m_context, status.value(), user), [this, refusal](const Result<QJsonObject> &answer) {
        Error e = refusal;
        const QString why = answer ? describeTeslaStatus(answer.value(), m_tokenId) : QString();
        if (!why.isEmpty()) {
            e.hint += u" "_s + why;
        }
        finish(e);
    });
}

} // namespace dimo
