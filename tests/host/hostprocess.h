// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

// A real dimo-tray, mcp-testserver or mcp-dimo child process for the host tests: line-oriented stdout capture,
// stderr kept for diagnostics, and a record of every stdout line for the purity check.
class HostProcess
{
public:
    HostProcess();
    ~HostProcess();

    static QString trayPath();
    static QString shimPath();
    static QString testServerPath(); // mcp-testserver: the engine with the conformance fixtures
    static int timeoutMs(int ms); // scaled by DIMOTRAY_TEST_TIMEOUT_FACTOR

    QProcessEnvironment &environment() { return m_environment; }

    QProcess &process() { return m_process; }

    bool start(const QString &program, const QStringList &arguments);
    // dimo-tray --headless --socket <socket> --print-endpoints [extra]; waits for the endpoint line.
    bool startTray(const QString &socket, const QStringList &extra = {});
    // The same with mcp-testserver, for tests that need the conformance fixtures (test_* tools)
    // behind the socket: dimo-tray does not ship them.
    bool startTestServer(const QString &socket, const QStringList &extra = {});

    QJsonObject endpoints() const { return m_endpoints; }

    void send(const QByteArray &line); // appends '\n'

    void closeStdin() { m_process.closeWriteChannel(); }

    // The next stdout line (without '\n'); empty on timeout.
    QByteArray readLine(int timeoutMs);
    // The next stdout line that is a JSON-RPC response with this id (raw JSON, e.g. "7" or "\"a\"").
    // Other lines are kept in skipped().
    QJsonObject waitForResponse(const QByteArray &rawId, int timeoutMs);

    // The raw line of the last response waitForResponse() found (to check ids byte for byte).
    QByteArray lastResponseLine() const { return m_lastResponse; }

    QList<QByteArray> skipped() const { return m_skipped; }

    bool waitForExit(int timeoutMs);

    QByteArray allStdout() const { return m_allStdout; }

    QByteArray allStderr();
    // Every byte on stdout so far was a complete JSON-RPC 2.0 object line. Message on failure.
    bool stdoutIsPure(QString *why);

    // SIGTERM (Unix) / terminate; SIGKILL with kill().
    void terminate();
    void kill();

private:
    void collect();
    bool startServer(const QString &program, const QString &socket, const QStringList &extra);

    QProcess m_process;
    QProcessEnvironment m_environment;
    QByteArray m_buffer;
    QByteArray m_allStdout;
    QByteArray m_stderr;
    QList<QByteArray> m_lines;
    QList<QByteArray> m_skipped;
    QByteArray m_lastResponse;
    QJsonObject m_endpoints;
};

// Builds one JSON-RPC line.
QByteArray rpcRequest(const QJsonValue &id, const QString &method, const QJsonObject &params = {});
QByteArray rpcInitialize(const QJsonValue &id, const QJsonObject &capabilities = {});
QByteArray rpcNotification(const QString &method);
