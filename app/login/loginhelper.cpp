// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/login/loginhelper.h"

#include "dimo/auth/keccak.h"
#include "mcp/wire/stdinreader.h"
#include "ui/login/loginwindow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QPixmap>
#include <QTimer>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace app {
namespace {

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s) && !url.host().isEmpty();
}

void fail(const QString &message)
{
    std::fprintf(stderr, "dimo-tray-login: %s\n", qPrintable(message));
}

} // namespace

LoginHelper::LoginHelper(QObject *parent)
    : QObject(parent)
{}

LoginHelper::~LoginHelper()
{
    delete m_window;
}

void LoginHelper::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"login"_s, u"Login with DIMO URL to open."_s, u"url"_s},
        {u"redirect"_s, u"The license's redirect URI (navigations to it are caught)."_s, u"uri"_s},
        {u"provision"_s, u"Create a developer license with Login with DIMO at this base URL."_s, u"url"_s},
        {u"client-id"_s, u"Client ID of the app asking for the license."_s, u"id"_s},
        {u"signer"_s, u"Address of the locally generated API key."_s, u"address"_s},
        {u"domain"_s, u"Redirect URI to register for the new license."_s, u"uri"_s},
        {u"alias"_s, u"Name of the new license."_s, u"name"_s},
        {u"screenshot"_s,
         u"Save the window's first screen to this PNG file, then exit (scripts/screenshots)."_s,
         u"file"_s},
    });
}

bool LoginHelper::start(const QCommandLineParser &parser)
{
    m_window = new ui::LoginWindow;
    m_window->setTestClickElement(qEnvironmentVariable("DIMOTRAY_LOGIN_TEST_CLICK"));
    if (!openFlow(parser)) {
        return false;
    }
    forwardWindowEvents();
    if (parser.isSet(u"screenshot"_s)) {
        saveScreenshotWhenReady(parser.value(u"screenshot"_s));
    }
    listenToTray();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    return true;
}

bool LoginHelper::openFlow(const QCommandLineParser &parser)
{
    if (parser.isSet(u"login"_s)) {
        const QUrl url(parser.value(u"login"_s));
        const QString redirect = parser.value(u"redirect"_s);
        if (!url.isValid() || !isWebUrl(QUrl(redirect))) {
            fail(u"--login needs a URL and --redirect the license's http(s) redirect URI"_s);
            return false;
        }
        m_window->startLogin(url, redirect);
        return true;
    }
    if (parser.isSet(u"provision"_s)) {
        ui::ProvisionSetup setup{QUrl(parser.value(u"provision"_s)),
                                 parser.value(u"client-id"_s),
                                 parser.value(u"domain"_s),
                                 parser.value(u"signer"_s),
                                 parser.value(u"alias"_s)};
        if (!isWebUrl(setup.loginBaseUrl) || !isWebUrl(QUrl(setup.domain))
            || !dimo::eth::isHexAddress(setup.signerAddress) || !dimo::eth::isHexAddress(setup.appClientId)) {
            fail(u"--provision needs an http(s) base URL, --client-id, --signer (addresses) and an http(s) --domain"_s);
            return false;
        }
        if (setup.alias.isEmpty()) {
            setup.alias = u"DIMO Tray"_s;
        }
        m_window->startProvisioning(setup);
        return true;
    }
    fail(u"give --login or --provision"_s);
    return false;
}

void LoginHelper::forwardWindowEvents()
{
    connect(m_window, &ui::LoginWindow::redirected, this, [this](const QUrl &url) {
        send({{u"event"_s, u"redirect"_s}, {u"url"_s, url.toString(QUrl::FullyEncoded)}});
    });
    connect(m_window,
            &ui::LoginWindow::provisioned,
            this,
            [this](const QString &clientId, qint64 tokenId, const QString &key) {
                QJsonObject message{{u"event"_s, u"provisioned"_s}, {u"clientId"_s, clientId}, {u"tokenId"_s, tokenId}};
                if (!key.isEmpty()) {
                    message.insert(u"privateKey"_s, key); // over the pipe to the tray only, never logged
                }
                send(message);
            });
    connect(m_window, &ui::LoginWindow::failed, this, [this](const QString &message) {
        send({{u"event"_s, u"error"_s}, {u"message"_s, message}});
    });
    connect(m_window, &ui::LoginWindow::closedByUser, this, [this] {
        send({{u"event"_s, u"closed"_s}});
        QCoreApplication::exit(0);
    });
    connect(m_window, &ui::LoginWindow::succeeded, this, [] {
        QCoreApplication::exit(0);
    });
}

void LoginHelper::saveScreenshotWhenReady(const QString &file)
{
    connect(m_window, &ui::LoginWindow::ready, this, [this, file] {
        QTimer::singleShot(800, this, [this, file] { // let the page paint
            const bool saved = m_window->grab().save(file, "PNG");
            if (!saved) {
                fail(u"cannot write the screenshot %1"_s.arg(file));
            }
            QCoreApplication::exit(saved ? 0 : 1);
        });
    });
}

void LoginHelper::listenToTray()
{
    m_stdin = new mcp::wire::StdinReader(this);
    connect(m_stdin, &mcp::wire::StdinReader::lineRead, this, &LoginHelper::handleLine);
    connect(m_stdin, &mcp::wire::StdinReader::endOfInput, this, [] {
        QCoreApplication::exit(0);
    });
    m_stdin->start();
}

void LoginHelper::send(const QJsonObject &message)
{
    const QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void LoginHelper::handleLine(const QByteArray &line)
{
    const QJsonObject message = QJsonDocument::fromJson(line).object();
    const QString event = message.value(u"event"_s).toString();
    if (event == u"verified"_s) {
        m_window->showVerified(message.value(u"ok"_s).toBool(), message.value(u"message"_s).toString());
    } else if (event == u"raise"_s) {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
    }
}

} // namespace app
