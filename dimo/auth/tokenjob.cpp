// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/tokenjob.h"

namespace dimo {

TokenJob::TokenJob(Starter starter, QObject *parent)
    : Job(parent)
    , m_starter(std::move(starter))
{}

void TokenJob::doStart()
{
    m_starter(this);
}

void TokenJob::complete(const Result<QString> &result)
{
    if (!claimFinish())
        return;
    Q_EMIT finished(result);
}

} // namespace dimo
