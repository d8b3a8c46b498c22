// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/signer.h"

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QUrl>

#include <optional>

namespace dimo {
class Client;
}

namespace app {

// Runs the Login with DIMO window in its own process (dimo-tray-login, so dimo-tray never loads
// QtWebEngine) and finishes each flow with exactly one finished(ok, message).
//
// Login: the helper catches the navigation to the redirect URI; LoginProcess hands it to
// dimo::Client::completeLogin (the user JWT's signature, issuer, audience, expiry and wallet are
// verified there; a forged JWT is rejected) and tells the window the verdict. A rejected attempt
// is reported by attemptFailed() and the window offers Retry; finished(false, …) comes when the
// user gives up (closes the window).
//
// Provisioning: generates a fresh secp256k1 key here, sends only its address, and on success
// emits provisioned() with the new credentials (store them in the keychain; never log the key),
// then finished(true, …).
//
// A missing or crashing helper finishes with false and words pointing to the manual path.
class LoginProcess : public QObject
{
    Q_OBJECT
public:
    struct Provisioning
    {
        QUrl loginBaseUrl; // dimo::Environment's login URL (https://login.dimo.org)
        QString appClientId; // the client ID DIMO Tray presents to Login with DIMO
        QString redirectUri; // registered for the new license, e.g. http://127.0.0.1:8765/dimotray/callback
        QString alias; // the new license's name
    };

    explicit LoginProcess(QObject *parent = nullptr);
    ~LoginProcess() override; // ends the helper

    // $DIMOTRAY_LOGIN_HELPER, else dimo-tray-login next to the executable, else
    // ../libexec/dimo-tray/dimo-tray-login; empty if none is executable.
    static QString helperPath();

    bool isRunning() const;

    // While a flow runs, both raise its window instead. `redirectUri` defaults to the login URL's
    // redirectUri parameter (what dimo::Client::loginUrl builds).
    void startLogin(dimo::Client *client, const QUrl &loginUrl, const QString &redirectUri = {});
    void startProvisioning(const Provisioning &request);
    void raise();
    void cancel(); // closes the window; finished(false, …) if the flow was open

Q_SIGNALS:
    void finished(bool ok, const QString &message);
    void attemptFailed(const QString &message); // rejected login or page error; the window offers Retry
    void provisioned(const QString &clientId, qint64 tokenId, const QString &apiKeyHex, const QString &redirectUri);

private:
    enum class Flow { None, Login, Provision };

    bool launch(Flow flow, const QStringList &arguments);
    void send(const QJsonObject &message);
    void handleOutput();
    void handleMessage(const QJsonObject &message);
    void handleRedirect(const QUrl &url);
    void handleProvisioned(const QJsonObject &message);
    void handleExit(int exitCode, QProcess::ExitStatus status);
    void finish(bool ok, const QString &message);
    QString manualPath() const;

    QProcess *m_process = nullptr;
    Flow m_flow = Flow::None;
    bool m_done = true;
    bool m_userClosed = false;
    QString m_lastError;
    QString m_redirectUri;
    QPointer<dimo::Client> m_client;
    std::optional<dimo::Signer> m_signer;
};

} // namespace app
