// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/tokenjob.h"
#include "dimo/core/result.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"

#include <QJsonObject>
#include <QPointer>

#include <optional>

class QNetworkAccessManager;

namespace dimo {

class ApiCallJob;

struct GraphQlRequest
{
    QUrl url; // …/query
    QString service; // "identity" or "telemetry"
    QString document; // one of dimo/graphql/**.graphql (GraphQlDocuments)
    QJsonObject variables;
    QString operationName;
};

// POST {query, variables, operationName}. Classification: HTTP 422 → GraphQlValidation; 401 →
// Unauthorized (token refreshed and the call retried once); 200 with errors[] → an Error
// (MissingPrivilege for privilege errors, GraphQlExecution otherwise) that keeps DIMO's messages
// and paths in `detail` and the partial `data` in `partialData`. Success means no errors at all.
class GraphQlJob : public Job
{
    Q_OBJECT
public:
    GraphQlJob(QNetworkAccessManager *nam,
               const TransportOptions &options,
               GraphQlRequest request,
               std::optional<TokenSource> token = std::nullopt,
               QObject *parent = nullptr);
    ~GraphQlJob() override;

    // Error for a GraphQL errors[] array (exposed for tests and other callers).
    static Error classifyErrors(const QJsonArray &errors, const QString &service);

Q_SIGNALS:
    void finished(const dimo::Result<QJsonObject> &data);

protected:
    void doStart() override;
    void doAbort() override;

    void fail(const Error &error) override { finish(error); }

private:
    void finish(const Result<QJsonObject> &result);

    QNetworkAccessManager *m_nam;
    TransportOptions m_options;
    GraphQlRequest m_request;
    std::optional<TokenSource> m_token;
    QPointer<ApiCallJob> m_call;
};

} // namespace dimo
