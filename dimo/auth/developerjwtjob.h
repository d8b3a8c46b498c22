// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/core/result.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"

namespace dimo {

// The developer JWT flow (dimo-api README §2.5) as one job: generate_challenge (form body,
// address = client id) → personal_sign with the API key → submit_challenge (form body).
// Finishes with the access_token. Use DeveloperJwtCache rather than this job directly.
class DeveloperJwtJob : public TypedJob<DeveloperJwtJob, QString>
{
    Q_OBJECT
public:
    explicit DeveloperJwtJob(ContextPtr context, QObject *parent = nullptr);
    ~DeveloperJwtJob() override;

Q_SIGNALS:
    void finished(const dimo::Result<QString> &accessToken);

protected:
    void doStart() override;

private:
    void handleChallenge(const Result<HttpResponse> &response);
    void handleSubmit(const Result<HttpResponse> &response);

    ContextPtr m_context;
    Credentials m_credentials; // a copy taken at start; the key is wiped once used
};

} // namespace dimo
