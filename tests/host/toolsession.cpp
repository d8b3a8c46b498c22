// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "tests/host/toolsession.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSettings>
#include <QTest>

using namespace Qt::StringLiterals;

bool ToolSession::start(DimoSim &sim, const QString &directory, const Options &options, QString *why)
{
    QDir(directory).mkpath(u"."_s);
    for (HostProcess *p : {&tray, &shim}) {
        for (const auto &[key, sub] : {std::pair{"XDG_CONFIG_HOME", "config"},
                                       {"XDG_CACHE_HOME", "cache"},
                                       {"XDG_DATA_HOME", "data"},
                                       {"XDG_STATE_HOME", "state"}}) {
            p->environment().insert(QString::fromLatin1(key), directory + u'/' + QString::fromLatin1(sub));
        }
    }
    // The policy is the user's stored setting; $DIMOTRAY_APPROVAL may only tighten it.
    if (!writeTraySettings(directory + u"/config"_s, {{u"tools/approvalPolicy"_s, options.approval}})) {
        *why = u"cannot write the tray's settings under "_s + directory;
        return false;
    }
    if (options.approvalEnv.isEmpty()) {
        tray.environment().remove(u"DIMOTRAY_APPROVAL"_s);
    } else {
        tray.environment().insert(u"DIMOTRAY_APPROVAL"_s, options.approvalEnv);
    }
    // Tests run side by side with simulators that may reuse a port: a token stored by an earlier
    // tray for the same URL would cost one rejected request and skew the request counts.
    tray.environment().insert(u"DIMOTRAY_KEYCHAIN"_s, options.keychain ? u"on"_s : u"off"_s);
    if (options.toolset.isEmpty()) {
        tray.environment().remove(u"DIMOTRAY_TOOLSET"_s);
    } else {
        tray.environment().insert(u"DIMOTRAY_TOOLSET"_s, options.toolset);
    }
    if (options.fleetMode) {
        tray.environment().insert(u"FLEET_MODE"_s, u"true"_s);
    } else {
        tray.environment().remove(u"FLEET_MODE"_s);
    }
    const QString socket = directory + u"/mcp.sock"_s;
    QStringList arguments{u"--environment"_s, sim.environmentFile()};
    if (options.demo) {
        arguments.prepend(u"--demo"_s);
    }
    if (!tray.startTray(socket, arguments)) {
        *why = u"dimo-tray did not start: "_s + QString::fromUtf8(tray.allStderr());
        return false;
    }
    m_socket = socket;
    if (!connectShim(options, why)) {
        return false;
    }
    if (!options.waitForSignIn) {
        return true;
    }
    // Demo mode signs in asynchronously right after start.
    QDeadlineTimer deadline(HostProcess::timeoutMs(20000));
    QString last;
    while (!deadline.hasExpired()) {
        last = text(call(u"check_vehicle_access_status"_s));
        if (last.contains(u"Signed in: wallet"_s)) {
            return true;
        }
        QTest::qWait(200);
    }
    *why = u"demo sign-in did not finish; last status: "_s + last + diagnostics();
    return false;
}

bool ToolSession::join(ToolSession &host, const Options &options, QString *why)
{
    m_socket = host.m_socket;
    shim.environment() = host.shim.environment();
    return connectShim(options, why);
}

bool ToolSession::connectShim(const Options &options, QString *why)
{
    shim.environment().insert(u"DIMOTRAY_MCP_SOCKET"_s, m_socket);
    shim.environment().insert(u"DIMOTRAY_NO_AUTOSTART"_s, u"1"_s);
    if (!shim.start(HostProcess::shimPath(), {})) {
        *why = u"mcp-dimo did not start"_s;
        return false;
    }
    QJsonObject capabilities = options.capabilities;
    if (options.elicitation) {
        capabilities.insert(u"elicitation"_s, QJsonObject());
    }
    shim.send(rpcInitialize(1, capabilities));
    const QJsonObject init = waitForResult(1, 15000);
    if (init.value(u"serverInfo"_s)[u"name"_s].toString() != u"dimo-tray"_s) {
        *why = u"initialize failed: "_s + QString::fromUtf8(QJsonDocument(init).toJson()) + diagnostics();
        return false;
    }
    initializeResult = init;
    shim.send(rpcNotification(u"notifications/initialized"_s));
    return true;
}

QJsonObject ToolSession::nextMessage(int timeoutMs)
{
    const QByteArray line = shim.readLine(timeoutMs);
    return line.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(line).object();
}

int ToolSession::sendCall(const QString &tool, const QJsonObject &arguments, const QString &progressToken)
{
    const int id = ++m_nextId;
    QJsonObject params{{u"name"_s, tool}, {u"arguments"_s, arguments}};
    if (!progressToken.isEmpty()) {
        params.insert(u"_meta"_s, QJsonObject{{u"progressToken"_s, progressToken}});
    }
    shim.send(rpcRequest(id, u"tools/call"_s, params));
    return id;
}

QList<QJsonObject> ToolSession::notifications(const QString &method) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &m : m_pending) {
        if (m.value(u"method"_s) == method && !m.contains(u"id"_s)) {
            out << m;
        }
    }
    return out;
}

QJsonObject ToolSession::waitForResult(int id, int timeoutMs)
{
    auto matches = [id](const QJsonObject &m) {
        return m.value(u"id"_s) == QJsonValue(id) && !m.contains(u"method"_s);
    };
    auto answer = [](const QJsonObject &m) {
        return m.contains(u"error"_s) ? QJsonObject{{u"rpcError"_s, m.value(u"error"_s)}}
                                      : m.value(u"result"_s).toObject();
    };
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (matches(m_pending.at(i))) {
            return answer(m_pending.takeAt(i));
        }
    }
    QDeadlineTimer deadline(HostProcess::timeoutMs(timeoutMs));
    while (!deadline.hasExpired()) {
        const QJsonObject m = nextMessage(int(qMax<qint64>(1, deadline.remainingTime())));
        if (m.isEmpty()) {
            break;
        }
        if (matches(m)) {
            return answer(m);
        }
        m_pending.append(m);
    }
    return {};
}

QJsonObject ToolSession::waitForRequest(const QString &method, int timeoutMs)
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).value(u"method"_s) == method && m_pending.at(i).contains(u"id"_s)) {
            return m_pending.takeAt(i);
        }
    }
    QDeadlineTimer deadline(HostProcess::timeoutMs(timeoutMs));
    while (!deadline.hasExpired()) {
        const QJsonObject m = nextMessage(int(qMax<qint64>(1, deadline.remainingTime())));
        if (m.isEmpty()) {
            break;
        }
        if (m.value(u"method"_s) == method && m.contains(u"id"_s)) {
            return m;
        }
        m_pending.append(m);
    }
    return {};
}

void ToolSession::reply(const QJsonValue &id, const QJsonObject &result)
{
    shim.send(QJsonDocument(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, result}})
                  .toJson(QJsonDocument::Compact));
}

QJsonObject ToolSession::call(const QString &tool, const QJsonObject &arguments, int timeoutMs)
{
    return waitForResult(sendCall(tool, arguments), timeoutMs);
}

QJsonObject ToolSession::request(const QString &method, const QJsonObject &params, int timeoutMs)
{
    const int id = ++m_nextId;
    shim.send(rpcRequest(id, method, params));
    return waitForResult(id, timeoutMs);
}

QJsonArray ToolSession::listTools()
{
    const int id = ++m_nextId;
    shim.send(rpcRequest(id, u"tools/list"_s));
    return waitForResult(id, 10000).value(u"tools"_s).toArray();
}

bool ToolSession::finish(QString *why)
{
    shim.closeStdin();
    if (!shim.waitForExit(HostProcess::timeoutMs(10000)) || shim.process().exitCode() != 0) {
        *why = u"the shim did not exit cleanly"_s + diagnostics();
        return false;
    }
    if (!shim.stdoutIsPure(why)) {
        return false;
    }
    return true;
}

QString ToolSession::diagnostics()
{
    return u"\n--- tray stderr:\n"_s + QString::fromUtf8(tray.allStderr().right(6000)) + u"\n--- shim stderr:\n"_s
        + QString::fromUtf8(shim.allStderr().right(3000));
}

QString ToolSession::text(const QJsonObject &result)
{
    if (result.contains(u"rpcError"_s)) {
        return u"JSON-RPC error: "_s
            + QString::fromUtf8(QJsonDocument(result.value(u"rpcError"_s).toObject()).toJson());
    }
    return result.value(u"content"_s)[0][u"text"_s].toString();
}

bool writeTraySettings(const QString &configHome, const QVariantMap &values)
{
    // QSettings(NativeFormat, UserScope, "dimo-tray", "dimo-tray") on Linux: an ini file here.
    QSettings file(configHome + u"/dimo-tray/dimo-tray.conf"_s, QSettings::IniFormat);
    for (auto it = values.begin(); it != values.end(); ++it) {
        file.setValue(it.key(), it.value());
    }
    file.sync();
    return file.status() == QSettings::NoError;
}

QJsonObject simControl(DimoSim &sim, const QByteArray &method, const QString &path, const QJsonObject &body)
{
    QNetworkAccessManager nam;
    QUrl url = sim.controlUrl();
    url.setPath(url.path() + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(HostProcess::timeoutMs(10000));
    QNetworkReply *reply = nam.sendCustomRequest(
        request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        loop.exec();
    }
    const QByteArray data = reply->readAll();
    const bool ok = reply->error() == QNetworkReply::NoError;
    delete reply;
    return ok ? QJsonDocument::fromJson(data).object() : QJsonObject();
}

void ContractDocuments::collect(DimoSim &sim)
{
    for (const QString &service : {u"identity"_s, u"telemetry"_s}) {
        const QJsonArray requests = sim.requests(service);
        for (const QJsonValue &v : requests) {
            const QJsonObject r = v.toObject();
            QJsonObject body;
            if (r.value(u"method"_s).toString() == u"GET"_s) {
                body = r.value(u"query"_s).toObject();
            } else {
                body = QJsonDocument::fromJson(r.value(u"body"_s).toString().toUtf8()).object();
            }
            const QString query = body.value(u"query"_s).toString();
            if (query.isEmpty() || m_invalid.contains(query) || m_seen.contains(service + query)) {
                continue;
            }
            m_seen.insert(service + query);
            QJsonObject doc{{u"service"_s, service}, {u"query"_s, query}};
            if (body.value(u"operationName"_s).isString()) {
                doc.insert(u"operationName"_s, body.value(u"operationName"_s));
            }
            m_documents.append(doc);
        }
    }
}

int ContractDocuments::validate(QString *why) const
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"documents.json"_s));
    if (!file.open(QIODevice::WriteOnly)) {
        *why = u"cannot write "_s + file.fileName();
        return 1;
    }
    file.write(QJsonDocument(m_documents).toJson());
    file.close();
    QProcess node;
    const QString program = qEnvironmentVariable("NODE_EXECUTABLE", u"node"_s);
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(program,
               {QStringLiteral(DIMOTRAY_SOURCE_DIR "/tests/dimosim/tools/validate-documents.mjs"), file.fileName()});
    if (!node.waitForFinished(HostProcess::timeoutMs(60000)) || node.exitStatus() != QProcess::NormalExit) {
        *why = u"node did not run: "_s + node.errorString();
        return 1;
    }
    *why = QString::fromUtf8(node.readAll());
    return node.exitCode() == 3 ? 3 : (node.exitCode() == 0 ? 0 : 1);
}
