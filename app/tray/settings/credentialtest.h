// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/core/error.h"
#include "dimo/credentials.h"
#include "dimo/environment.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace dimo {
class Client;
}

namespace app {

// "Test credentials": asks DIMO for a developer JWT with a license, using a temporary
// dimo::Client (no token store: nothing is cached or written), and says the outcome in plain
// words. One test at a time; start() again cancels the running one (it then never reports).
// finished() is always emitted from the event loop, never from inside start().
class CredentialTest : public QObject
{
    Q_OBJECT
public:
    explicit CredentialTest(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~CredentialTest() override;

    // Transport options of the temporary client (tests shorten the timeouts).
    void setClientOptions(const dimo::ClientOptions &options) { m_options = options; }

    void start(const dimo::Credentials &credentials, const dimo::Environment &environment);
    // `environment`: "production", "dev" or an environment file (SettingsDialog::testRequested).
    void start(const dimo::Credentials &credentials, const QString &environment);
    void cancel();

    bool isRunning() const { return m_client != nullptr; }

    // The words for a failed developer JWT request.
    static QString describe(const dimo::Error &error);

Q_SIGNALS:
    void finished(bool ok, const QString &words);

private:
    void report(bool ok, const QString &words);

    QNetworkAccessManager *m_nam;
    dimo::ClientOptions m_options;
    std::unique_ptr<dimo::Client> m_client;
    quint64 m_generation = 0;
};

} // namespace app
