// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/net/tokenjob.h"

namespace dimo {

TokenJob::TokenJob(Starter starter, QObject *parent)
    : TypedJob(parent)
    , m_starter(std::move(starter))
{}

void TokenJob::doStart()
{
    m_starter(this);
}

} // namespace dimo
