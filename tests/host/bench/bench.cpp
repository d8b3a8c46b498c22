// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// dimotray-bench: latency and load figures for mcp-dimo + the MCP host (run by scripts/bench, which
// starts mcp-testserver with the conformance fixtures and an idle headless dimo-tray for its RSS).
// Prints numbers; asserts nothing.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QByteArray InitializeLine = R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{)"
                                  R"("protocolVersion":"2025-11-25","capabilities":{},)"
                                  R"("clientInfo":{"name":"dimotray-bench","version":"1"}}})"_ba;
const QByteArray InitializedLine = R"({"jsonrpc":"2.0","method":"notifications/initialized"})"_ba;
const QByteArray ExpectedText = "This is a simple text response for testing."_ba;

QByteArray callLine(qint64 id)
{
    return R"({"jsonrpc":"2.0","id":)" + QByteArray::number(id)
        + R"(,"method":"tools/call","params":{"name":"test_simple_text","arguments":{}}})" + '\n';
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto index = size_t(std::lround(p * double(values.size() - 1)));
    return values[std::min(index, values.size() - 1)];
}

double rssMb(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return -1;
}

// The next line from the process' stdout (blocking; this is a benchmark, not product code).
QByteArray readLine(QProcess &process)
{
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(10000)) {
            return {};
        }
    }
    return process.readLine();
}

std::unique_ptr<QProcess> startShim(const QString &shim, const QString &socket)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DIMOTRAY_MCP_SOCKET"_s, socket);
    env.insert(u"DIMOTRAY_NO_AUTOSTART"_s, u"1"_s);
    process->setProcessEnvironment(env);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setStandardErrorFile(QProcess::nullDevice());
    process->start(shim, {});
    return process;
}

double shimInitializeP50(const QString &shim, const QString &socket, int runs)
{
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto process = startShim(shim, socket);
        process->write(InitializeLine + '\n');
        const QByteArray line = readLine(*process);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (line.contains("\"protocolVersion\"")) {
            samples.push_back(ms);
        }
        process->closeWriteChannel();
        process->waitForFinished(5000);
    }
    return percentile(samples, 0.5);
}

struct CallFigures
{
    double p50 = 0;
    double p99 = 0;
    double shimRss = 0;
    int errors = 0;
};

CallFigures callLatency(const QString &shim, const QString &socket, int calls)
{
    CallFigures figures;
    auto process = startShim(shim, socket);
    process->write(InitializeLine + '\n');
    readLine(*process);
    process->write(InitializedLine + '\n');
    std::vector<double> samples;
    samples.reserve(size_t(calls));
    for (int i = 1; i <= calls; ++i) {
        QElapsedTimer timer;
        timer.start();
        process->write(callLine(i));
        const QByteArray line = readLine(*process);
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!line.contains(ExpectedText)) {
            ++figures.errors;
        }
    }
    figures.p50 = percentile(samples, 0.5);
    figures.p99 = percentile(samples, 0.99);
    figures.shimRss = rssMb(process->processId());
    process->closeWriteChannel();
    process->waitForFinished(5000);
    return figures;
}

// One closed-loop session on the socket: initialize, then `calls` tools/call one after another.
class SocketSession : public QObject
{
public:
    SocketSession(const QString &socket, int calls, int *errors, int *done)
        : m_calls(calls)
        , m_errors(errors)
        , m_done(done)
    {
        connect(&m_socket, &QLocalSocket::readyRead, this, [this] {
            handleReadyRead();
        });
        connect(&m_socket, &QLocalSocket::connected, this, [this] {
            m_socket.write(InitializeLine + '\n' + InitializedLine + '\n');
        });
        connect(&m_socket, &QLocalSocket::errorOccurred, this, [this] {
            finish(m_calls - m_answered + 1);
        });
        m_socket.connectToServer(socket);
    }

private:
    void handleReadyRead()
    {
        while (m_socket.canReadLine()) {
            const QByteArray line = m_socket.readLine();
            if (!m_initialized) {
                m_initialized = true;
                m_socket.write(callLine(1));
                continue;
            }
            ++m_answered;
            if (!line.contains(ExpectedText)
                || !line.contains(QByteArray("\"id\":" + QByteArray::number(m_answered) + ','))) {
                ++*m_errors;
            }
            if (m_answered == m_calls) {
                finish(0);
            } else {
                m_socket.write(callLine(m_answered + 1));
            }
        }
    }

    void finish(int failed)
    {
        if (m_finished) {
            return;
        }
        m_finished = true;
        *m_errors += failed;
        ++*m_done;
        m_socket.disconnectFromServer();
    }

    QLocalSocket m_socket;
    int m_calls;
    int *m_errors;
    int *m_done;
    int m_answered = 0;
    bool m_initialized = false;
    bool m_finished = false;
};

struct LoadFigures
{
    int errors = 0;
    int calls = 0;
    double seconds = 0;
};

LoadFigures concurrentLoad(const QString &socket, int sessions, int calls)
{
    LoadFigures figures;
    int done = 0;
    QElapsedTimer timer;
    timer.start();
    std::vector<std::unique_ptr<SocketSession>> clients;
    for (int i = 0; i < sessions; ++i) {
        clients.push_back(std::make_unique<SocketSession>(socket, calls, &figures.errors, &done));
    }
    while (done < sessions && timer.elapsed() < 120000) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
    figures.seconds = double(timer.nsecsElapsed()) / 1e9;
    figures.calls = sessions * calls;
    if (done < sessions) {
        figures.errors += (sessions - done) * calls; // timed out: count as failed
    }
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmarks mcp-dimo and dimo-tray (see scripts/bench)."_s);
    parser.addHelpOption();
    const QCommandLineOption shimOption(u"shim"_s, u"Path of mcp-dimo."_s, u"path"_s);
    const QCommandLineOption socketOption(
        u"socket"_s, u"Socket of a running server with the fixtures (mcp-testserver)."_s, u"path"_s);
    const QCommandLineOption trayPidOption(u"tray-pid"_s, u"PID of an idle dimo-tray (for its RSS)."_s, u"pid"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object instead of a table."_s);
    parser.addOptions({shimOption, socketOption, trayPidOption, jsonOption});
    parser.process(app);
    if (!parser.isSet(shimOption) || !parser.isSet(socketOption)) {
        std::fprintf(stderr, "dimotray-bench: --shim and --socket are required\n");
        return 2;
    }
    const QString shim = parser.value(shimOption);
    const QString socket = parser.value(socketOption);
    const qint64 trayPid = parser.value(trayPidOption).toLongLong();

    const double trayRss = trayPid > 0 ? rssMb(trayPid) : -1; // idle: before any load
    const double initP50 = shimInitializeP50(shim, socket, 50);
    const CallFigures calls = callLatency(shim, socket, 2000);
    const LoadFigures load = concurrentLoad(socket, 32, 500);

    const QJsonObject figures{{u"shim_initialize_p50_ms"_s, initP50},
                              {u"call_p50_ms"_s, calls.p50},
                              {u"call_p99_ms"_s, calls.p99},
                              {u"call_errors"_s, calls.errors},
                              {u"concurrent_errors"_s, load.errors},
                              {u"concurrent_calls"_s, load.calls},
                              {u"concurrent_calls_per_s"_s, load.seconds > 0 ? load.calls / load.seconds : 0},
                              {u"shim_rss_mb"_s, calls.shimRss},
                              {u"tray_rss_mb"_s, trayRss}};
    if (parser.isSet(jsonOption)) {
        std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    std::printf("%-40s %12s %10s\n", "figure", "value", "target");
    std::printf("%-40s %12.2f %10s\n", "shim start -> initialize p50 (ms)", initP50, "<= 15");
    std::printf("%-40s %12.3f %10s\n", "tools/call via shim p50 (ms)", calls.p50, "<= 0.3");
    std::printf("%-40s %12.3f %10s\n", "tools/call via shim p99 (ms)", calls.p99, "<= 2");
    std::printf("%-40s %12d %10s\n", "tools/call via shim errors", calls.errors, "0");
    std::printf("%-40s %12d %10s\n", "32 sessions x 500 calls: errors", load.errors, "0");
    std::printf(
        "%-40s %12.0f %10s\n", "32 sessions x 500 calls: calls/s", load.calls / std::max(load.seconds, 1e-9), "");
    std::printf("%-40s %12.1f %10s\n", "shim RSS (MB)", calls.shimRss, "<= 12");
    std::printf("%-40s %12.1f %10s\n", "tray RSS idle (MB)", trayRss, "");
    return 0;
}
