// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"
#include "dimo/credentials.h"
#include "dimo/environment.h"
#include "dimo/job.h"
#include "dimo/net/httptypes.h"

#include <QPointer>

class QNetworkAccessManager;

namespace dimo {

class HttpJob;

// The developer JWT flow (dimo-api README §2.5) as one job: generate_challenge (form body,
// address = client id) → personal_sign with the API key → submit_challenge (form body).
// Finishes with the access_token. Use DeveloperJwtCache rather than this job directly.
class DeveloperJwtJob : public Job
{
    Q_OBJECT
public:
    DeveloperJwtJob(QNetworkAccessManager *nam,
                    const TransportOptions &options,
                    const Environment &env,
                    const Credentials &credentials,
                    QObject *parent = nullptr);
    ~DeveloperJwtJob() override;

Q_SIGNALS:
    void finished(const dimo::Result<QString> &accessToken);

protected:
    void doStart() override;
    void doAbort() override;

    void fail(const Error &error) override { finish(error); }

private:
    enum class State { Idle, Challenge, Submit };
    void handleChallenge(const Result<HttpResponse> &response);
    void handleSubmit(const Result<HttpResponse> &response);
    void finish(const Result<QString> &result);
    HttpJob *post(const QString &path, const QList<QPair<QString, QString>> &form, bool idempotent);

    QNetworkAccessManager *m_nam;
    TransportOptions m_options;
    Environment m_env;
    Credentials m_credentials;
    QPointer<HttpJob> m_http;
    State m_state = State::Idle;
};

} // namespace dimo
