// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/core/result.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace dimo {

// One HTTP exchange through the shared QNetworkAccessManager. Idempotent requests are retried
// with exponential backoff and jitter on network errors, 5xx and 429 (Retry-After honoured,
// capped); non-idempotent ones (commands, attestations, submit_challenge) are sent exactly once.
// Timeouts are not retried. Any status ≥ 400 finishes with a classified Error (replyerror).
// A body larger than TransportOptions::maxResponseBytes is aborted as it arrives (not retried).
class HttpJob : public TypedJob<HttpJob, HttpResponse>
{
    Q_OBJECT
public:
    HttpJob(ContextPtr context, HttpRequest request, QObject *parent = nullptr);
    ~HttpJob() override;

Q_SIGNALS:
    void finished(const dimo::Result<dimo::HttpResponse> &result);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void send();
    void handleReply();
    // Aborts the reply once its body (declared or received) exceeds transport.maxResponseBytes.
    void applyReadLimit();
    void checkBodySize();
    bool scheduleRetry(int status, const QByteArray &retryAfter);

    ContextPtr m_context;
    HttpRequest m_request;
    QString m_requestId;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    int m_attempt = 0;
    bool m_aborting = false;
};

} // namespace dimo
