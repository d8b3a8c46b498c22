// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/login/loginprocess.h"

#include "app/tray/login/helperenvironment.h"
#include "dimo/auth/keccak.h"
#include "dimo/auth/loginredirect.h"
#include "dimo/auth/securezero.h"
#include "dimo/auth/userjwtverifier.h"
#include "dimo/client.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace app {
namespace {

Q_LOGGING_CATEGORY(lcLogin, "dimotray.app.login", QtInfoMsg)

constexpr qint64 MaxLineBytes = 1024 * 1024;

QString executableName()
{
#ifdef Q_OS_WIN
    return u"dimo-tray-login.exe"_s;
#else
    return u"dimo-tray-login"_s;
#endif
}

bool isExecutable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

} // namespace

LoginProcess::LoginProcess(QObject *parent)
    : QObject(parent)
{}

LoginProcess::~LoginProcess()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QString LoginProcess::helperPath()
{
    const QString fromEnv = qEnvironmentVariable("DIMOTRAY_LOGIN_HELPER");
    if (!fromEnv.isEmpty()) {
        return isExecutable(fromEnv) ? fromEnv : QString();
    }
    const QDir dir(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {dir.filePath(executableName()), dir.filePath(u"../libexec/dimo-tray/"_s + executableName())}) {
        if (isExecutable(candidate)) {
            return QDir::cleanPath(candidate);
        }
    }
    return {};
}

bool LoginProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void LoginProcess::startLogin(dimo::Client *client, const QUrl &loginUrl, const QString &redirectUri)
{
    if (isRunning()) {
        raise();
        return;
    }
    m_client = client;
    m_redirectUri =
        redirectUri.isEmpty() ? QUrlQuery(loginUrl).queryItemValue(u"redirectUri"_s, QUrl::FullyDecoded) : redirectUri;
    if (!client || m_redirectUri.isEmpty()) {
        m_flow = Flow::Login;
        m_done = false;
        QTimer::singleShot(0, this, [this] {
            finish(false,
                   tr("DIMO Tray has no developer license with a redirect URI configured: enter it in Settings."));
        });
        return;
    }
    launch(Flow::Login, {u"--login"_s, loginUrl.toString(QUrl::FullyEncoded), u"--redirect"_s, m_redirectUri});
}

void LoginProcess::startProvisioning(const Provisioning &request)
{
    if (isRunning()) {
        raise();
        return;
    }
    auto key = dimo::Signer::generate();
    if (!key) {
        m_flow = Flow::Provision;
        m_done = false;
        QTimer::singleShot(0, this, [this, why = key.error().toString()] {
            finish(false, why);
        });
        return;
    }
    m_signer.emplace(std::move(key.value()));
    m_redirectUri = request.redirectUri;
    launch(Flow::Provision,
           {u"--provision"_s,
            request.loginBaseUrl.toString(QUrl::FullyEncoded),
            u"--client-id"_s,
            request.appClientId,
            u"--signer"_s,
            m_signer->address(),
            u"--domain"_s,
            request.redirectUri,
            u"--alias"_s,
            request.alias});
}

bool LoginProcess::launch(Flow flow, const QStringList &arguments)
{
    m_flow = flow;
    m_done = false;
    m_userClosed = false;
    m_lastError.clear();
    const QString helper = helperPath();
    if (helper.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            finish(false,
                   tr("DIMO Tray's login window (%1) is not installed next to DIMO Tray. Reinstall DIMO Tray; %2")
                       .arg(executableName(), manualPath()));
        });
        return false;
    }
    delete m_process;
    m_process = new QProcess(this);
    m_process->setProgram(helper);
    m_process->setArguments(arguments);
    // Only what a GUI process needs: never the license's key, the HTTP token or other secrets.
    QProcessEnvironment env = helperEnvironment();
#ifdef Q_OS_UNIX
    // Chromium refuses to run as root with its sandbox (containers, live systems): without this
    // the window would not open at all. A normal user keeps the sandbox.
    if (::geteuid() == 0 && !env.contains(u"QTWEBENGINE_DISABLE_SANDBOX"_s)) {
        env.insert(u"QTWEBENGINE_DISABLE_SANDBOX"_s, u"1"_s);
        qCInfo(lcLogin) << "running as root: the login window runs without Chromium's sandbox";
    }
#endif
    m_process->setProcessEnvironment(env);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LoginProcess::handleOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QList<QByteArray> lines = m_process->readAllStandardError().split('\n');
        for (const QByteArray &line : lines) {
            if (!line.trimmed().isEmpty()) {
                qCDebug(lcLogin) << "helper:" << line.trimmed();
            }
        }
    });
    connect(m_process, &QProcess::finished, this, &LoginProcess::handleExit);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            finish(false,
                   tr("DIMO Tray's login window could not be started (%1). %2")
                       .arg(m_process->errorString(), manualPath()));
        }
    });
    qCInfo(lcLogin) << "starting" << helper << (flow == Flow::Login ? "(login)" : "(provisioning)");
    m_process->start();
    return true;
}

QString LoginProcess::manualPath() const
{
    return m_flow == Flow::Provision
        ? tr("Meanwhile, create a license in the DIMO developer console (console.dimo.org) and enter its client "
             "ID, redirect URI and API key in Settings.")
        : tr("Meanwhile, an AI client can log you in through the init_oauth tool (it gives a link for your "
             "browser).");
}

void LoginProcess::raise()
{
    if (isRunning()) {
        send({{u"event"_s, u"raise"_s}});
    }
}

void LoginProcess::cancel()
{
    if (!isRunning()) {
        return;
    }
    // Detached: it deletes itself once it has exited; this object is free for the next flow at once.
    m_process->disconnect(this);
    connect(m_process, &QProcess::finished, m_process, &QObject::deleteLater);
    m_process->kill();
    m_process = nullptr;
    finish(false, m_flow == Flow::Provision ? tr("License creation cancelled.") : tr("Login cancelled."));
}

void LoginProcess::send(const QJsonObject &message)
{
    if (isRunning()) {
        m_process->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    }
}

void LoginProcess::handleOutput()
{
    while (m_process->canReadLine()) {
        const QByteArray line = m_process->readLine(MaxLineBytes).trimmed();
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject()) {
            handleMessage(doc.object());
        }
    }
    if (m_process->bytesAvailable() > MaxLineBytes) {
        m_process->readAllStandardOutput(); // not our protocol
    }
}

void LoginProcess::handleMessage(const QJsonObject &message)
{
    const QString event = message.value(u"event"_s).toString();
    if (event == u"redirect"_s && m_flow == Flow::Login) {
        handleRedirect(QUrl(message.value(u"url"_s).toString(), QUrl::StrictMode));
    } else if (event == u"provisioned"_s && m_flow == Flow::Provision) {
        handleProvisioned(message);
    } else if (event == u"error"_s) {
        m_lastError = message.value(u"message"_s).toString();
        Q_EMIT attemptFailed(m_lastError);
    } else if (event == u"closed"_s) {
        m_userClosed = true;
    }
}

void LoginProcess::handleRedirect(const QUrl &url)
{
    auto reject = [this](const QString &why) {
        m_lastError = why;
        send({{u"event"_s, u"verified"_s}, {u"ok"_s, false}, {u"message"_s, why}});
        Q_EMIT attemptFailed(why);
    };
    if (!m_client) {
        reject(tr("DIMO Tray has no developer license configured."));
        return;
    }
    if (!dimo::LoginRedirect::matches(url, m_redirectUri)) {
        reject(tr("The login window reported a URL that is not the license's redirect URI."));
        return;
    }
    const auto parsed = dimo::LoginRedirect::parse(url, m_redirectUri);
    const qsizetype shared = parsed ? parsed.value().sharedVehicles.size() : 0;
    auto *job = m_client->completeLogin(url);
    connect(
        job, &dimo::UserJwtVerifyJob::finished, this, [this, reject, shared](const dimo::Result<dimo::UserSession> &s) {
            if (!s) {
                reject(tr("The login could not be verified: %1").arg(s.error().toString()));
                return;
            }
            const QString who = s.value().email.isEmpty() ? s.value().walletAddress : s.value().email;
            QString message = tr("Signed in to DIMO as %1.").arg(who);
            if (shared > 0) {
                message += u' '
                    + (shared == 1 ? tr("1 vehicle shared with DIMO Tray.")
                                   : tr("%1 vehicles shared with DIMO Tray.").arg(shared));
            }
            send({{u"event"_s, u"verified"_s}, {u"ok"_s, true}, {u"message"_s, message}});
            finish(true, message);
        });
}

void LoginProcess::handleProvisioned(const QJsonObject &message)
{
    const QString clientId = message.value(u"clientId"_s).toString();
    const qint64 tokenId = message.value(u"tokenId"_s).toInteger();
    QString key = message.value(u"privateKey"_s).toString();
    std::optional<dimo::Signer> theirs;
    if (!key.isEmpty()) { // the login app generated the key itself (dimo-login since 2026-06)
        auto parsed = dimo::Signer::fromHex(key);
        dimo::secureZero(key);
        if (parsed) {
            theirs.emplace(std::move(parsed.value()));
        }
    }
    const dimo::Signer *signer = theirs ? &*theirs : (m_signer ? &*m_signer : nullptr);
    if (!dimo::eth::isHexAddress(clientId) || tokenId <= 0 || !signer) {
        const QString why = tr("Login with DIMO answered without usable license details.");
        m_lastError = why;
        send({{u"event"_s, u"verified"_s}, {u"ok"_s, false}, {u"message"_s, why}});
        Q_EMIT attemptFailed(why);
        return;
    }
    QString apiKey = signer->privateKeyHex();
    Q_EMIT provisioned(clientId, tokenId, apiKey, m_redirectUri);
    dimo::secureZero(apiKey);
    m_signer.reset();
    const QString done = tr("Your developer license %1 (token %2) is ready; DIMO Tray keeps its API key in your "
                            "system keychain.")
                             .arg(clientId)
                             .arg(tokenId);
    send({{u"event"_s, u"verified"_s}, {u"ok"_s, true}, {u"message"_s, done}});
    finish(true, done);
}

void LoginProcess::handleExit(int exitCode, QProcess::ExitStatus status)
{
    if (m_done) {
        return;
    }
    if (status == QProcess::CrashExit || (exitCode != 0 && !m_userClosed)) {
        finish(false,
               tr("DIMO Tray's login window stopped unexpectedly (exit code %1). Try again. %2")
                   .arg(exitCode)
                   .arg(manualPath()));
        return;
    }
    if (!m_lastError.isEmpty()) {
        finish(false, m_lastError);
        return;
    }
    finish(false, m_flow == Flow::Provision ? tr("License creation cancelled.") : tr("Login cancelled."));
}

void LoginProcess::finish(bool ok, const QString &message)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_signer.reset();
    qCInfo(lcLogin) << (ok ? "finished:" : "failed:") << message;
    Q_EMIT finished(ok, message);
}

} // namespace app
