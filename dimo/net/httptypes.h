// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace dimo {

// Transport settings shared by every request of one Client.
struct TransportOptions
{
    int transferTimeoutMs = 30000; // QNetworkRequest::setTransferTimeout on every request
    int maxAttempts = 4; // idempotent reads only; commands and attestations are sent once
    int initialBackoffMs = 500; // doubled per retry, with jitter
    int maxBackoffMs = 8000;
    int maxRetryAfterMs = 30000; // cap for a server's Retry-After
    // A response body (as received, after decompression) above this is aborted while it streams
    // and the request fails with a Parse error asking for a narrower query.
    qint64 maxResponseBytes = qint64{32} * 1024 * 1024;
};

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QByteArray body;
    QByteArray contentType;
    QString bearer; // secret: never logged
    bool idempotent = true; // false → never retried automatically
    QString service; // environment key, for messages and logs ("auth", "telemetry", ...)
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QString requestId; // the X-Request-Id we sent
    QList<QPair<QByteArray, QByteArray>> headers;
    int attempts = 1;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                return h.second;
            }
        }
        return {};
    }
};

} // namespace dimo
