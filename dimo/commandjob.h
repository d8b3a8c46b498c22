// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/commands.h"
#include "dimo/context.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"

#include <QJsonObject>

namespace dimo {

// Sends one vehicle command exactly once with a vehicle JWT carrying privilege 2 (obtained after
// the access check). Never retried. A failure says what is known: a refusal DIMO explains (4xx)
// was not executed — a 401 is DIMO's command service refusing DIMO's own vehicle credentials (the
// token is dropped for the next call); no answer, a 5xx or an unreadable 2xx leave the outcome
// unknown (commands::outcomeUnknown). A 401/403 with a signed-in user adds tesla-oracle's status
// of the vehicle (GET /v1/{id}/status: virtual key, firmware, Tesla login …) to the hint.
class CommandJob : public TypedJob<CommandJob, CommandReceipt>
{
    Q_OBJECT
public:
    CommandJob(ContextPtr context, qint64 tokenId, Command command, QObject *parent = nullptr);

Q_SIGNALS:
    void finished(const dimo::Result<dimo::CommandReceipt> &receipt);

protected:
    void doStart() override;

private:
    // Finishes with `refusal`, adding tesla-oracle's status of the vehicle where it can explain it.
    void explain(const Error &refusal);

    ContextPtr m_context;
    qint64 m_tokenId;
    Command m_command;
};

} // namespace dimo
