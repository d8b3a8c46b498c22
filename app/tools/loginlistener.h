// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace dimo {
class Client;
}

namespace app::tools {

// Headless Login with DIMO: a 127.0.0.1-only HTTP listener for the license's loopback redirect
// URI, open for one login attempt only. listen() (init_oauth) opens the port with a fresh random
// state() for the login URL (Login with DIMO echoes it on the redirect); the first request to the
// redirect path that carries that state is handed to dimo::Client::completeLogin, which verifies
// the user JWT (signature, issuer, audience, expiry, wallet), and the port is closed at once. A
// redirect without the state is refused and changes nothing; after `lifetime` the port is closed
// unused. A failed verification never ends an existing session (see dimo::Client). The browser
// gets a short page saying what happened (everything rendered is escaped).
class LoginListener : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds DefaultLifetime = std::chrono::minutes(10);

    explicit LoginListener(QObject *parent = nullptr);
    ~LoginListener() override;

    // Opens one login attempt on 127.0.0.1:port for the path of the license's `redirectUri`, with a
    // new state() and `lifetime`; a running attempt on the same port (or port 0) is replaced by
    // the new one on the same socket. A busy port is an error naming it (a running attempt stays).
    dimo::Status listen(quint16 port,
                        const QUrl &redirectUri,
                        dimo::Client *client,
                        std::chrono::milliseconds lifetime = DefaultLifetime);
    void close(); // ends the attempt: the port is closed
    bool isListening() const;
    quint16 port() const;

    QString state() const { return m_state; } // of the open attempt; empty when none

    static QString escapeHtml(const QString &text);

Q_SIGNALS:
    void loginFinished(bool ok, const QString &message);

private:
    void handleConnection(QTcpServer *server);
    void handleRequest(QTcpSocket *socket);
    void reply(QTcpSocket *socket, int status, const QString &title, const QString &message);

    QTcpServer *m_server = nullptr;
    QTimer *m_expiry = nullptr;
    QUrl m_redirect;
    QString m_state;
    QPointer<dimo::Client> m_client;
};

} // namespace app::tools
