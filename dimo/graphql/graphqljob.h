// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/core/result.h"
#include "dimo/graphql/requests.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"
#include "dimo/net/tokenjob.h"

#include <QJsonObject>

#include <optional>

namespace dimo {

// POST {query, variables, operationName}. Classification: HTTP 422 → GraphQlValidation; 401 →
// Unauthorized (token refreshed and the call retried once); 200 with errors[] → an Error
// (MissingPrivilege for privilege errors, GraphQlExecution otherwise) that keeps DIMO's messages
// and paths in `detail` and the partial `data` in `partialData`. Success means no errors at all.
class GraphQlJob : public TypedJob<GraphQlJob, QJsonObject>
{
    Q_OBJECT
public:
    GraphQlJob(ContextPtr context,
               GraphQlRequest request,
               std::optional<TokenSource> token = std::nullopt,
               QObject *parent = nullptr);

    // Error for a GraphQL errors[] array (exposed for tests and other callers).
    static Error classifyErrors(const QJsonArray &errors, const QString &service);

    // identity-api's answer for an item it does not have: a root resolver's NOT_FOUND, or the
    // missing row's error passed through untyped ("sql: no rows in result set", "not found",
    // "no device definition found with that id"; tests/dimosim/FIDELITY.md).
    static bool isNotFound(const QJsonObject &error);
    // The one Error for a missing Identity item, whether DIMO said so or answered `null`:
    // `root` is the query field ("vehicle"), `identifier` what was asked for ("token id 7"),
    // `detail` DIMO's own words if any.
    static Error notFound(const QString &root, const QString &identifier, const QString &detail = {});
    // Whether `error` is this job's not-found answer for `root` (DIMO's error, `data.root` null).
    static bool isNotFoundFor(const Error &error, const QString &root);

Q_SIGNALS:
    void finished(const dimo::Result<QJsonObject> &data);

protected:
    void doStart() override;

private:
    ContextPtr m_context;
    GraphQlRequest m_request;
    std::optional<TokenSource> m_token;
};

} // namespace dimo
