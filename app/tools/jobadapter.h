// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/error.h"
#include "mcp/responder.h"
#include "mcp/toolresult.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace app::tools {

// The isError result for a DIMO failure: what went wrong, DIMO's own words, what to do next,
// and any partial GraphQL data (never dropped).
mcp::ToolResult errorResult(const dimo::Error &error);

// A Responder shared by the callbacks of one call (it is move-only; the first resolve wins).
using SharedResponder = std::shared_ptr<mcp::Responder>;

inline SharedResponder share(mcp::Responder responder)
{
    return std::make_shared<mcp::Responder>(std::move(responder));
}

// Runs a DIMO job for one tool call: the client's cancellation cancels the job, a failure
// becomes an isError result, success goes to `onSuccess(value, responder)`.
template <class JobT, class OnSuccess> void respond(JobT *job, SharedResponder responder, OnSuccess onSuccess)
{
    QPointer<JobT> guard(job);
    responder->onCancelled([guard] {
        if (guard) {
            guard->cancel();
        }
    });
    QObject::connect(
        job, &JobT::finished, job, [responder, onSuccess = std::move(onSuccess)](const auto &result) mutable {
            if (!responder->isPending()) {
                return;
            }
            if (!result) {
                responder->resolve(errorResult(result.error()));
                return;
            }
            onSuccess(result.value(), responder);
        });
}

} // namespace app::tools
