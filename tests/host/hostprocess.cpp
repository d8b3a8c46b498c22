// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "tests/host/hostprocess.h"

#include "tests/support/timeout.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

HostProcess::HostProcess()
    : m_environment(QProcessEnvironment::systemEnvironment())
{
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
        collect();
    });
}

HostProcess::~HostProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString HostProcess::trayPath()
{
    return QStringLiteral(DIMOTRAY_TRAY_PATH);
}

QString HostProcess::shimPath()
{
    return QStringLiteral(DIMOTRAY_SHIM_PATH);
}

QString HostProcess::testServerPath()
{
    return QStringLiteral(DIMOTRAY_TESTSERVER_PATH);
}

int HostProcess::timeoutMs(int ms)
{
    return testsupport::scaled(ms);
}

bool HostProcess::start(const QString &program, const QStringList &arguments)
{
    m_process.setProcessEnvironment(m_environment);
    m_process.start(program, arguments);
    return m_process.waitForStarted(timeoutMs(10000));
}

bool HostProcess::startTray(const QString &socket, const QStringList &extra)
{
    return startServer(trayPath(), socket, extra);
}

bool HostProcess::startTestServer(const QString &socket, const QStringList &extra)
{
    return startServer(testServerPath(), socket, extra);
}

bool HostProcess::startServer(const QString &program, const QString &socket, const QStringList &extra)
{
    if (!start(program, QStringList{u"--headless"_s, u"--socket"_s, socket, u"--print-endpoints"_s} + extra)) {
        return false;
    }
    const QByteArray line = readLine(timeoutMs(15000));
    m_endpoints = QJsonDocument::fromJson(line).object();
    if (m_endpoints.isEmpty()) {
        qWarning().noquote() << program << "did not print its endpoints; stderr:" << allStderr();
    }
    return !m_endpoints.isEmpty();
}

void HostProcess::send(const QByteArray &line)
{
    m_process.write(line + '\n');
}

void HostProcess::collect()
{
    const QByteArray data = m_process.readAllStandardOutput();
    m_allStdout += data;
    m_buffer += data;
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        m_lines.append(m_buffer.left(nl));
        m_buffer.remove(0, nl + 1);
    }
}

QByteArray HostProcess::readLine(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_lines.isEmpty() && !deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(int(qMax<qint64>(1, qMin<qint64>(100, deadline.remainingTime()))));
    }
    collect();
    return m_lines.isEmpty() ? QByteArray() : m_lines.takeFirst();
}

QJsonObject HostProcess::waitForResponse(const QByteArray &rawId, int timeoutMs)
{
    const QJsonValue wanted = QJsonDocument::fromJson("[" + rawId + "]").array().at(0);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QByteArray line = readLine(int(qMax<qint64>(1, deadline.remainingTime())));
        if (line.isEmpty()) {
            break;
        }
        const QJsonObject message = QJsonDocument::fromJson(line).object();
        if (message.value(u"id"_s) == wanted && !message.contains(u"method"_s)) {
            m_lastResponse = line;
            return message;
        }
        m_skipped.append(line);
    }
    return {};
}

bool HostProcess::waitForExit(int timeoutMs)
{
    const bool done = m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
    collect();
    return done;
}

QByteArray HostProcess::allStderr()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

bool HostProcess::stdoutIsPure(QString *why)
{
    collect();
    if (!m_buffer.isEmpty()) {
        *why = u"incomplete last line: "_s + QString::fromUtf8(m_buffer.left(200));
        return false;
    }
    const QList<QByteArray> lines = m_allStdout.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) { // the last element is after the final '\n'
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(lines[i], &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()
            || doc.object().value(u"jsonrpc"_s) != u"2.0"_s) {
            *why = u"line %1 is not a JSON-RPC message: %2"_s.arg(i + 1).arg(QString::fromUtf8(lines[i].left(200)));
            return false;
        }
    }
    return true;
}

void HostProcess::terminate()
{
    m_process.terminate();
}

void HostProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(timeoutMs(5000));
}

QByteArray rpcRequest(const QJsonValue &id, const QString &method, const QJsonObject &params)
{
    QJsonObject message{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, method}};
    if (!params.isEmpty()) {
        message.insert(u"params"_s, params);
    }
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

QByteArray rpcInitialize(const QJsonValue &id, const QJsonObject &capabilities)
{
    return rpcRequest(id,
                      u"initialize"_s,
                      {{u"protocolVersion"_s, u"2025-11-25"_s},
                       {u"capabilities"_s, capabilities},
                       {u"clientInfo"_s, QJsonObject{{u"name"_s, u"tst-host"_s}, {u"version"_s, u"1.0"_s}}}});
}

QByteArray rpcNotification(const QString &method)
{
    return QJsonDocument(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, method}}).toJson(QJsonDocument::Compact);
}
