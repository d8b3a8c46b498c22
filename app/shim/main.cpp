// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// mcp-dimo: the stdio MCP server that AI clients launch. It pumps newline-delimited JSON-RPC
// between stdin/stdout and the DIMO Tray app's local socket. Stdout carries MCP messages only.
#include "app/shim/shim.h"
#include "mcp/wire/endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

#if defined(Q_OS_WIN)
#include <fcntl.h>
#include <io.h>
#endif

using namespace Qt::StringLiterals;

namespace {

void logToStderr(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray text = qFormatLogMessage(type, context, message).toLocal8Bit();
    std::fprintf(stderr, "mcp-dimo: %s\n", text.constData());
}

QString environmentHelp()
{
    return u"\nEnvironment:\n"
           "  DIMOTRAY_MCP_SOCKET    Socket name of the tray, as --socket.\n"
           "  DIMOTRAY_NO_AUTOSTART  1: do not start DIMO Tray, as --no-autostart.\n"
           "  DIMOTRAY_TRAY_PATH     The dimo-tray executable to start (default: beside mcp-dimo, else PATH).\n"
           "  DIMOTRAY_TRAY_LOG      File that receives the standard error of a tray started by mcp-dimo.\n"
           "\nmcp-dimo is started by MCP clients (Claude Desktop, Claude Code, Cursor, VS Code) and speaks\n"
           "MCP on standard input and output; diagnostics go to standard error.\n"_s;
}

} // namespace

int main(int argc, char *argv[])
{
#if defined(Q_OS_WIN)
    _setmode(_fileno(stdout), _O_BINARY); // stdin is read from its raw handle (mcp/wire/stdio.h)
#endif
    qInstallMessageHandler(logToStderr);
    // The plain Unix event dispatcher is enough for a line pump and touches less memory than
    // glib's; unset again so that an auto-started tray gets the user's environment.
    const bool setNoGlib = !qEnvironmentVariableIsSet("QT_NO_GLIB");
    if (setNoGlib) {
        qputenv("QT_NO_GLIB", "1");
    }
    QCoreApplication app(argc, argv);
    if (setNoGlib) {
        qunsetenv("QT_NO_GLIB");
    }
    QCoreApplication::setApplicationName(u"mcp-dimo"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DIMOTRAY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Stdio MCP server for DIMO: relays to the DIMO Tray app."_s);
    const QCommandLineOption help = parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption socket(u"socket"_s, u"Socket name of the tray (default: per-user)."_s, u"name"_s);
    const QCommandLineOption noAutoStart(u"no-autostart"_s, u"Do not start DIMO Tray if it is not running."_s);
    parser.addOptions({socket, noAutoStart});
    if (parser.parse(QCoreApplication::arguments()) && parser.isSet(help)) {
        // Help goes to stdout only when asked for; packaging/man/mcp-dimo.1.in lists the same.
        const QByteArray text = (parser.helpText() + environmentHelp()).toLocal8Bit();
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        return 0;
    }
    parser.process(app);

    shim::Shim::Options options;
    options.socketOverride = parser.value(socket);
    options.socketName = mcp::wire::resolveSocketName(options.socketOverride);
    options.autoStart = !parser.isSet(noAutoStart) && qEnvironmentVariable("DIMOTRAY_NO_AUTOSTART") != u"1";

    shim::Shim shim(options);
    QObject::connect(&shim, &shim::Shim::finished, &app, [](int code) {
        QCoreApplication::exit(code);
    });
    shim.start();
    return app.exec();
}
