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
// the access check). Never retried: not after a 401 (the refused token is dropped for the next
// call), not after a timeout, which is reported as "outcome unknown" (Error::Kind::Timeout).
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
    ContextPtr m_context;
    qint64 m_tokenId;
    Command m_command;
};

} // namespace dimo
