// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/core/result.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"
#include "dimo/net/tokenjob.h"

#include <QJsonObject>

#include <optional>

namespace dimo {

// A DIMO REST/GraphQL call: optionally fetches a bearer token first, sends the request
// (HttpJob: retries for idempotent reads), and on a 401 invalidates the token, fetches a fresh
// one and sends once more (only if the TokenSource allows it). The body is parsed as a JSON
// object (an empty body gives an empty object).
class ApiCallJob : public TypedJob<ApiCallJob, QJsonObject>
{
    Q_OBJECT
public:
    ApiCallJob(ContextPtr context,
               HttpRequest request,
               std::optional<TokenSource> token = std::nullopt,
               QObject *parent = nullptr);

Q_SIGNALS:
    void finished(const dimo::Result<QJsonObject> &result);

protected:
    void doStart() override;

private:
    void fetchToken();
    void send(const QString &bearer);
    void handleResponse(const Result<HttpResponse> &response);

    ContextPtr m_context;
    HttpRequest m_request;
    std::optional<TokenSource> m_token;
    bool m_refreshed = false;
};

} // namespace dimo
