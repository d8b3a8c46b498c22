// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/loginlistener.h"

#include "dimo/auth/userjwtverifier.h"
#include "dimo/client.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace app::tools {

namespace {

Q_LOGGING_CATEGORY(lcLoginListener, "dimotray.app.tools.login", QtInfoMsg)

constexpr qint64 MaxRequestBytes = 16 * 1024;
const QString NoAttempt = u"DIMO Tray is not waiting for a login (the link was used already or expired). Ask your "
                          "AI assistant to call init_oauth again for a new link."_s;

QByteArray randomState()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

// Constant time in the length of `expected`.
bool sameState(const QByteArray &given, const QByteArray &expected)
{
    if (expected.isEmpty() || given.size() != expected.size()) {
        return false;
    }
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        diff |= static_cast<unsigned char>(given.at(i) ^ expected.at(i));
    }
    return diff == 0;
}

} // namespace

LoginListener::LoginListener(QObject *parent)
    : QObject(parent)
    , m_expiry(new QTimer(this))
{
    m_expiry->setSingleShot(true);
    connect(m_expiry, &QTimer::timeout, this, [this] {
        qCInfo(lcLoginListener) << "the login attempt expired unused; port" << port() << "closed";
        close();
    });
}

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

dimo::Status
LoginListener::listen(quint16 port, const QUrl &redirectUri, dimo::Client *client, std::chrono::milliseconds lifetime)
{
    if (!isListening() || (port != 0 && port != m_server->serverPort())) {
        // A running attempt is replaced only once the new port is ours: a busy port keeps it.
        auto *server = new QTcpServer(this);
        if (!server->listen(QHostAddress::LocalHost, port)) {
            const QString why = server->errorString();
            delete server;
            return dimo::Error::make(
                dimo::Error::Kind::InvalidInput,
                u"cannot listen for the login callback on 127.0.0.1:%1 (%2)"_s.arg(QString::number(port), why),
                u"Another program uses that port: stop it, or register a redirect URI with another "
                "port for the license and call init_oauth with that port."_s);
        }
        close();
        m_server = server;
        connect(m_server, &QTcpServer::newConnection, this, [this, server] {
            handleConnection(server);
        });
    }
    m_client = client;
    m_redirect = redirectUri;
    m_state = QString::fromLatin1(randomState());
    m_expiry->start(lifetime);
    return dimo::success();
}

void LoginListener::close()
{
    m_expiry->stop();
    m_state.clear();
    if (m_server) {
        m_server->close(); // accepted sockets are ours (handleConnection), they finish their reply
        m_server->deleteLater();
        m_server = nullptr;
    }
}

void LoginListener::handleConnection(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        socket->setParent(this);
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
    if (!m_server) {
        // Connected while the attempt was open, asked after it ended.
        reply(socket, 410, u"No login is waiting"_s, NoAttempt);
        return;
    }
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
    const QByteArray state = QUrlQuery(target).queryItemValue(u"state"_s, QUrl::FullyDecoded).toLatin1();
    if (!sameState(state, m_state.toLatin1())) {
        qCWarning(lcLoginListener) << "refused a login callback that does not belong to the open login attempt";
        reply(socket,
              403,
              u"Not this login"_s,
              u"This sign-in does not belong to the login DIMO Tray is waiting for; nothing changed. Use the "
              "newest link your AI assistant gave you, or ask it to call init_oauth again."_s);
        return;
    }
    // The attempt's one callback: the port closes now, whatever the verification says.
    QPointer<dimo::Client> client = m_client;
    QUrl redirect = m_redirect; // as registered, so the redirect check compares like with like
    redirect.setQuery(target.query(QUrl::FullyEncoded), QUrl::StrictMode);
    close();
    auto *job = client->completeLogin(redirect);
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
