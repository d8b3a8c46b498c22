// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/credentialtest.h"

#include "dimo/client.h"
#include "dimo/net/tokenjob.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace app {

CredentialTest::CredentialTest(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{}

CredentialTest::~CredentialTest()
{
    cancel();
}

void CredentialTest::cancel()
{
    ++m_generation;
    // Destroying the client cancels its job; the generation check drops that outcome.
    m_client.reset();
}

void CredentialTest::report(bool ok, const QString &words)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, ok, words] {
        if (generation == m_generation) {
            Q_EMIT finished(ok, words);
        }
    });
}

void CredentialTest::start(const dimo::Credentials &credentials, const QString &environment)
{
    const auto env = dimo::Environment::byName(environment);
    if (!env) {
        cancel();
        report(false, tr("The environment cannot be used: %1.").arg(env.error().message));
        return;
    }
    start(credentials, env.value());
}

void CredentialTest::start(const dimo::Credentials &credentials, const dimo::Environment &environment)
{
    cancel();
    const auto valid = dimo::Credentials::validated(credentials.clientId, credentials.redirectUri, credentials.apiKey);
    if (!valid) {
        report(false,
               tr("The license was not sent to DIMO because it is invalid: %1. %2")
                   .arg(valid.error().message, valid.error().hint));
        return;
    }
    m_client = std::make_unique<dimo::Client>(m_nam, environment, valid.value(), m_options);
    dimo::TokenJob *job = m_client->developerJwt();
    const quint64 generation = m_generation;
    const QString clientId = valid.value().clientId;
    connect(job, &dimo::TokenJob::finished, this, [this, generation, clientId](const dimo::Result<QString> &token) {
        if (generation != m_generation) {
            return;
        }
        // The client goes after this signal has been delivered (it owns the job's context).
        if (dimo::Client *client = m_client.release()) {
            client->deleteLater();
        }
        if (token) {
            report(true, tr("DIMO accepted the license: it issued a developer token for client ID %1.").arg(clientId));
        } else {
            report(false, describe(token.error()));
        }
    });
}

QString CredentialTest::describe(const dimo::Error &error)
{
    const QString said = error.detail.isEmpty() ? QString() : tr(" (DIMO said: %1)").arg(error.detail);
    switch (error.kind) {
    case dimo::Error::Kind::Unauthorized:
    case dimo::Error::Kind::HttpStatus:
        if (error.kind == dimo::Error::Kind::Unauthorized || (error.httpStatus >= 400 && error.httpStatus < 500)) {
            const QString what = error.hint.contains(u"redirect URI"_s)
                ? tr("DIMO rejected the redirect URI for this license.")
                : u"DIMO rejected the license: it does not know this client ID, or the API key is not a signer of "
                  "this license."_s;
            return what + u' ' + (error.hint.isEmpty() ? tr("Check the client ID and the API key.") : error.hint)
                + said;
        }
        return tr("DIMO could not check the license right now: %1.%2 Try again later.").arg(error.message, said);
    case dimo::Error::Kind::Network:
    case dimo::Error::Kind::Timeout:
        return u"DIMO could not be reached: %1. Check the network connection, or that the chosen environment is "
               "right and running.%2"_s.arg(error.message,
                                            error.detail.isEmpty() ? QString() : u" (%1)"_s.arg(error.detail));
    case dimo::Error::Kind::InvalidInput:
        return tr("The license was not sent to DIMO because it is invalid: %1. %2").arg(error.message, error.hint);
    case dimo::Error::Kind::Cancelled:
        return tr("The test was cancelled.");
    default:
        break;
    }
    return tr("The test failed: %1").arg(error.toString());
}

} // namespace app
