// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace dimo {
class Client;
}

namespace app::tools {

// Headless Login with DIMO: a 127.0.0.1-only HTTP listener for the license's loopback redirect
// URI. A request to the redirect path is handed to dimo::Client::completeLogin, which verifies the
// user JWT (signature, issuer, audience, expiry, wallet); only a verified session is kept. The
// browser gets a short page saying what happened (everything rendered is escaped).
class LoginListener : public QObject
{
    Q_OBJECT
public:
    explicit LoginListener(QObject *parent = nullptr);
    ~LoginListener() override;

    // Listens on 127.0.0.1:port for the path of the license's `redirectUri` (a second call with
    // the same port reuses the listener). A busy port is an error naming it.
    dimo::Status listen(quint16 port, const QUrl &redirectUri, dimo::Client *client);
    bool isListening() const;
    quint16 port() const;

    static QString escapeHtml(const QString &text);

Q_SIGNALS:
    void loginFinished(bool ok, const QString &message);

private:
    void handleConnection();
    void handleRequest(QTcpSocket *socket);
    void reply(QTcpSocket *socket, int status, const QString &title, const QString &message);

    QTcpServer *m_server = nullptr;
    QUrl m_redirect;
    QPointer<dimo::Client> m_client;
};

} // namespace app::tools
