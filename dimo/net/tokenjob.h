// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"
#include "dimo/job.h"

#include <functional>

namespace dimo {

// A request for a bearer token (developer or vehicle JWT) from a cache. The cache decides in
// `starter` whether to complete at once (cached) or park the job until its single in-flight
// refresh is done.
class TokenJob : public TypedJob<TokenJob, QString>
{
    Q_OBJECT
public:
    using Starter = std::function<void(TokenJob *)>;
    explicit TokenJob(Starter starter, QObject *parent = nullptr);

    void complete(const Result<QString> &result) { finish(result); }

Q_SIGNALS:
    void finished(const dimo::Result<QString> &token);

protected:
    void doStart() override;

private:
    Starter m_starter;
};

// How a call obtains and refreshes its bearer token.
struct TokenSource
{
    std::function<TokenJob *()> fetch;
    std::function<void(const QString &token)> invalidate;
    bool retryOn401 = true; // refresh once and retry once after a 401
};

} // namespace dimo
