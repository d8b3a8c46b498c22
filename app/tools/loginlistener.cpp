// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/loginlistener.h"

#include "dimo/auth/userjwtverifier.h"
#include "dimo/client.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace app::tools {

namespace {
constexpr qint64 MaxRequestBytes = 16 * 1024;
}

LoginListener::LoginListener(QObject *parent)
    : QObject(parent)
{}

LoginListener::~LoginListener() = default;

QString LoginListener::escapeHtml(const QString &text)
{
    return text.toHtmlEscaped();
}

bool LoginListener::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 LoginListener::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

dimo::Status LoginListener::listen(quint16 port, const QUrl &redirectUri, dimo::Client *client)
{
    if (isListening() && (port == 0 || port == m_server->serverPort())) {
        m_client = client;
        m_redirect = redirectUri;
        return dimo::success();
    }
    // A running listener is replaced only once the new port is ours: a busy port keeps it.
    auto *server = new QTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        const QString why = server->errorString();
        delete server;
        return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                 u"cannot listen for the login callback on 127.0.0.1:%1 (%2)"_s.arg(port).arg(why),
                                 u"Another program uses that port: stop it, or register a redirect URI with another "
                                 "port for the license and call init_oauth with that port."_s);
    }
    delete m_server;
    m_server = server;
    connect(m_server, &QTcpServer::newConnection, this, &LoginListener::handleConnection);
    m_client = client;
    m_redirect = redirectUri;
    return dimo::success();
}

void LoginListener::handleConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket->property("handled").toBool()) {
                socket->readAll();
                return;
            }
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > MaxRequestBytes) {
                    socket->setProperty("handled", true);
                    reply(socket, 431, u"Request too large"_s, u"The request line is too long."_s);
                }
                return;
            }
            socket->setProperty("handled", true);
            handleRequest(socket);
        });
    }
}

void LoginListener::handleRequest(QTcpSocket *socket)
{
    const QList<QByteArray> parts = socket->readLine(MaxRequestBytes).trimmed().split(' ');
    if (parts.size() < 2 || parts.at(0) != "GET") {
        reply(socket, 405, u"Not supported"_s, u"Only the Login with DIMO redirect is served here."_s);
        return;
    }
    const QUrl target(QString::fromLatin1(parts.at(1)));
    const QString path = m_redirect.path().isEmpty() ? u"/"_s : m_redirect.path();
    if (target.path() != path) {
        reply(socket, 404, u"Not found"_s, u"This is DIMO Tray's login callback; nothing else is served here."_s);
        return;
    }
    if (!m_client) {
        reply(socket, 503, u"Not ready"_s, u"DIMO Tray has no developer license configured."_s);
        return;
    }
    QUrl redirect = m_redirect; // as registered, so the redirect check compares like with like
    redirect.setQuery(target.query(QUrl::FullyEncoded), QUrl::StrictMode);
    auto *job = m_client->completeLogin(redirect);
    QPointer<QTcpSocket> guard(socket);
    connect(job, &dimo::UserJwtVerifyJob::finished, this, [this, guard](const dimo::Result<dimo::UserSession> &s) {
        const QString message = s
            ? u"Signed in as %1. You can close this window and go back to your AI assistant."_s.arg(
                s.value().email.isEmpty() ? s.value().walletAddress : s.value().email)
            : u"Login failed: %1"_s.arg(s.error().toString());
        Q_EMIT loginFinished(s.ok(), message);
        if (guard) {
            reply(guard, s ? 200 : 400, s ? u"Signed in to DIMO"_s : u"Login failed"_s, message);
        }
    });
}

void LoginListener::reply(QTcpSocket *socket, int status, const QString &title, const QString &message)
{
    const QByteArray body = (u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"_s + escapeHtml(title)
                             + u"</title></head><body><h1>"_s + escapeHtml(title) + u"</h1><p>"_s + escapeHtml(message)
                             + u"</p></body></html>"_s)
                                .toUtf8();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") + "\r\n";
    head += "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    socket->write(head + body);
    socket->disconnectFromHost();
}

} // namespace app::tools
