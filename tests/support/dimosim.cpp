// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/dimosim.h"

#include "tests/support/timeout.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

#ifndef DIMOTRAY_SOURCE_DIR
#define DIMOTRAY_SOURCE_DIR "."
#endif

DimoSim::DimoSim()
{
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process, [this] {
        m_stderr += m_process.readAllStandardError();
    });
}

DimoSim::~DimoSim()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

bool DimoSim::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

bool DimoSim::start(QString *error, const QStringList &extraArgs)
{
    auto failed = [&](const QString &why) {
        if (error) {
            *error = why + u"\nsimulator stderr:\n"_s + stderrText();
        }
        return false;
    };
    const QString script = QStringLiteral(DIMOTRAY_SOURCE_DIR "/scripts/dimo-sim");
    if (!QFile::exists(script)) {
        return failed(u"missing "_s + script);
    }
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(u"bash"_s, QStringList{script, u"--port"_s, u"0"_s, u"--exit-on-stdin-eof"_s} + extraArgs);
    if (!m_process.waitForStarted(testsupport::scaled(10000))) {
        return failed(u"cannot start bash "_s + script + u": "_s + m_process.errorString());
    }
    // First run may install npm dependencies: allow a generous (scaled) deadline.
    QDeadlineTimer deadline(testsupport::scaled(60000));
    while (!m_stdout.contains('\n')) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running) {
            return failed(u"the simulator did not print its JSON line"_s);
        }
        m_process.waitForReadyRead(200);
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
    }
    const QJsonObject o = QJsonDocument::fromJson(m_stdout.left(m_stdout.indexOf('\n'))).object();
    m_baseUrl = QUrl(o.value(u"baseUrl"_s).toString());
    m_controlUrl = QUrl(o.value(u"controlUrl"_s).toString());
    m_environmentFile = o.value(u"environmentFile"_s).toString();
    m_credentials = o.value(u"testCredentials"_s).toObject();
    QFile env(m_environmentFile);
    if (!m_baseUrl.isValid() || !env.open(QIODevice::ReadOnly)) {
        return failed(u"unexpected simulator output: "_s + QString::fromUtf8(m_stdout));
    }
    m_environment = QJsonDocument::fromJson(env.readAll()).object();
    return true;
}

QUrl DimoSim::serviceUrl(const QString &service) const
{
    return QUrl(m_environment.value(service).toString());
}

QJsonObject DimoSim::control(const QByteArray &method, const QString &path, const QJsonValue &body)
{
    QUrl url = m_controlUrl;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(url.path() + path.left(q));
    if (q >= 0) {
        url.setQuery(path.mid(q + 1));
    }
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(testsupport::scaled(10000));
    QByteArray payload;
    if (body.isObject()) {
        payload = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    } else if (body.isArray()) {
        payload = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        loop.exec();
    }
    const QByteArray data = reply->readAll();
    const bool ok = reply->error() == QNetworkReply::NoError;
    reply->deleteLater();
    if (!ok) {
        qWarning("DimoSim control %s %s failed: %s", method.constData(), qPrintable(path), data.constData());
        return {};
    }
    QJsonObject o = QJsonDocument::fromJson(data).object();
    o.insert(u"_ok"_s, true);
    return o;
}

QJsonArray DimoSim::requests(const QString &service)
{
    return control("GET", service.isEmpty() ? u"/requests"_s : u"/requests?service="_s + service)
        .value(u"requests"_s)
        .toArray();
}

int DimoSim::count(const QString &service, const QString &pathPrefix, const QByteArray &method)
{
    int n = 0;
    const QJsonArray all = requests(service);
    for (const QJsonValue &v : all) {
        const QJsonObject r = v.toObject();
        if (!pathPrefix.isEmpty() && !r.value(u"path"_s).toString().startsWith(pathPrefix)) {
            continue;
        }
        if (!method.isEmpty() && r.value(u"method"_s).toString() != QLatin1String(method)) {
            continue;
        }
        ++n;
    }
    return n;
}

bool DimoSim::reset()
{
    return control("POST", u"/reset"_s).contains(u"_ok"_s);
}

QJsonObject DimoSim::fault(const QJsonObject &f)
{
    return control("POST", u"/faults"_s, f);
}

bool DimoSim::clearFaults()
{
    return control("DELETE", u"/faults"_s).contains(u"_ok"_s);
}

bool DimoSim::expireTokens()
{
    return control("POST", u"/expire-tokens"_s).contains(u"_ok"_s);
}

bool DimoSim::setCredits(qint64 tokenId, int remaining)
{
    return control("POST", u"/credits"_s, QJsonObject{{u"tokenId"_s, tokenId}, {u"remaining"_s, remaining}})
        .contains(u"_ok"_s);
}

bool DimoSim::setClockOffset(qint64 seconds)
{
    return control("POST", u"/clock"_s, QJsonObject{{u"offsetSeconds"_s, seconds}}).contains(u"_ok"_s);
}

QJsonObject DimoSim::fixtures()
{
    return control("GET", u"/fixtures"_s);
}

QUrl DimoSim::autoLogin(const QUrl &loginUrl, int testUser, bool shareEmail)
{
    QUrl url = loginUrl;
    QUrlQuery q(url);
    q.addQueryItem(u"testUser"_s, QString::number(testUser));
    q.addQueryItem(u"autoApprove"_s, u"1"_s);
    if (shareEmail) {
        q.addQueryItem(u"shareEmail"_s, u"1"_s);
    }
    url.setQuery(q);
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(testsupport::scaled(10000));
    QNetworkReply *reply = m_nam.get(req);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        loop.exec();
    }
    const QUrl location = QUrl::fromEncoded(reply->rawHeader(QByteArrayLiteral("Location")));
    if (!location.isValid()) {
        qWarning("DimoSim autoLogin: no redirect (HTTP %d): %s",
                 reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 reply->readAll().constData());
    }
    reply->deleteLater();
    return location;
}

void DimoSim::dumpOnFailure()
{
    if (!QTest::currentTestFailed()) {
        return;
    }
    qWarning("---- simulator stderr ----\n%s", qPrintable(stderrText().right(8000)));
    const QJsonArray log = requests();
    QStringList lines;
    for (const QJsonValue &v : log) {
        const QJsonObject r = v.toObject();
        lines << u"%1 %2 %3 -> %4"_s
                     .arg(r.value(u"service"_s).toString(),
                          r.value(u"method"_s).toString(),
                          r.value(u"fullPath"_s).toString())
                     .arg(r.value(u"status"_s).toInt());
    }
    qWarning("---- simulator request log (%d) ----\n%s", int(lines.size()), qPrintable(lines.join(u'\n')));
}
