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

// What the client's cancellation of the tool call does to its DIMO job.
enum class OnCancel {
    CancelJob, // reads: nothing is lost
    KeepJob, // commands: cancelling after the request left cannot unsend it
};

// Runs a DIMO job for one tool call, the one adapter every tool uses: the client's cancellation
// cancels the job (unless KeepJob), nothing is answered once the call is resolved, success goes to
// `onSuccess(value, responder)` and a failure to `onFailure(error, responder)`.
template <class JobT, class OnSuccess, class OnFailure>
void respond(JobT *job,
             SharedResponder responder,
             OnSuccess onSuccess,
             OnFailure onFailure,
             OnCancel cancel = OnCancel::CancelJob)
{
    if (cancel == OnCancel::CancelJob) {
        QPointer<JobT> guard(job);
        responder->onCancelled([guard] {
            if (guard) {
                guard->cancel();
            }
        });
    }
    QObject::connect(
        job,
        &JobT::finished,
        job,
        [responder, onSuccess = std::move(onSuccess), onFailure = std::move(onFailure)](const auto &result) mutable {
            if (!responder->isPending()) {
                return;
            }
            if (!result) {
                onFailure(result.error(), responder);
                return;
            }
            onSuccess(result.value(), responder);
        });
}

// respond() with a failure answered as an isError result (errorResult).
template <class JobT, class OnSuccess> void respond(JobT *job, SharedResponder responder, OnSuccess onSuccess)
{
    respond(job, std::move(responder), std::move(onSuccess), [](const dimo::Error &error, const SharedResponder &r) {
        r->resolve(errorResult(error));
    });
}

} // namespace app::tools
