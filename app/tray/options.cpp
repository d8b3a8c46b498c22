// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/options.h"

#include "mcp/http/tokenfile.h"
#include "mcp/wire/endpoint.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace app {

namespace {

ParsedOptions error(const QString &message)
{
    ParsedOptions parsed;
    parsed.action = ParsedOptions::Action::Error;
    parsed.text = message;
    return parsed;
}

// Appended to --help; packaging/man/dimo-tray.1.in lists the same (the packaging_files test checks).
QString environmentHelp()
{
    return u"\nEnvironment:\n"
           "  DIMOTRAY_MCP_SOCKET         Socket name or path, as --socket.\n"
           "  DIMO_CLIENT_ID              The DIMO license's client ID (0x + 40 hex digits).\n"
           "  DIMO_DOMAIN                 The license's redirect URI.\n"
           "  DIMO_PRIVATE_KEY            The license's API key (64 hex digits).\n"
           "  FLEET_MODE                  true: reach every vehicle shared with the license, no login.\n"
           "  DIMO_LOGIN_BASE_URL         Another Login with DIMO page.\n"
           "  DIMO_ENTRY_STATE            The login page's first step (default EMAIL_INPUT).\n"
           "  DIMOTRAY_APPROVAL           Tightens the stored approval policy for this run: ask\n"
           "                              (all) or unlock-and-trunk; a looser value is ignored.\n"
           "  DIMOTRAY_TOOLSET            all (default), read-only or essentials.\n"
           "  DIMOTRAY_KEYCHAIN           off: keep no tokens in the system keychain.\n"
           "  QT_LOGGING_RULES            e.g. dimotray.*.debug=true for debug logs on stderr.\n"_s;
}

// Where the HTTP endpoint's bearer token comes from: a private file, or none with
// --insecure-no-token (tests). Never argv (every user sees it in ps) nor the environment (every
// child process inherits it, shells keep it in their history and rc files). An empty result: fine.
QString httpTokenError(const QCommandLineParser &parser,
                       const QCommandLineOption &httpToken,
                       const QCommandLineOption &httpTokenFile,
                       const QCommandLineOption &insecureNoToken,
                       Options &o)
{
    const QString howTo =
        u"put the token in a file only you can read (`umask 077; openssl rand -hex 32 > FILE`) and pass "
        "--http-token-file FILE"_s;
    if (parser.isSet(httpToken)) {
        return u"--http-token is not accepted: a token on the command line is visible to every user; "_s + howTo;
    }
    const bool fromFile = parser.isSet(httpTokenFile);
    o.insecureNoToken = parser.isSet(insecureNoToken);
    if (fromFile && o.insecureNoToken) {
        return u"--http-token-file and --insecure-no-token exclude each other"_s;
    }
    if ((fromFile || o.insecureNoToken) && !o.httpPort) {
        return u"--http-token-file and --insecure-no-token apply to --http-port only (the endpoint the settings "
               "enable uses the token in the keychain)"_s;
    }
    if (!o.httpPort) {
        return {};
    }
    if (qEnvironmentVariableIsSet("DIMOTRAY_HTTP_TOKEN")) {
        return u"DIMOTRAY_HTTP_TOKEN is no longer read (the environment is passed on to child processes); unset it, "
               "then "_s
            + howTo;
    }
    if (o.insecureNoToken) {
        return {};
    }
    if (!fromFile) {
        return u"--http-port needs a bearer token: "_s + howTo
            + u" (or, for tests only, --insecure-no-token: then every local user can use the endpoint)"_s;
    }
    QString why;
    o.httpToken = mcp::http::tokenfile::read(parser.value(httpTokenFile), &why);
    return why;
}

} // namespace

ParsedOptions parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"DIMO Tray: an MCP server for your DIMO vehicles, in the system tray."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    const QCommandLineOption version({u"v"_s, u"version"_s}, u"Show the version."_s);
    const QCommandLineOption headless(u"headless"_s, u"Serve MCP without any UI (no-desktop mode)."_s);
    const QCommandLineOption background(u"background"_s,
                                        u"Start without opening a window (tray icon if a tray exists)."_s);
    const QCommandLineOption stdio(u"stdio"_s, u"Serve one MCP session on stdin/stdout, no tray, no socket."_s);
    const QCommandLineOption socket(u"socket"_s, u"Local socket name or path (default: per-user)."_s, u"name"_s);
    const QCommandLineOption httpPort(
        u"http-port"_s, u"Also serve MCP over HTTP on 127.0.0.1:<port> (0: any)."_s, u"port"_s);
    const QCommandLineOption httpTokenFile(
        u"http-token-file"_s,
        u"The bearer token the HTTP endpoint requires, read from <file> (yours, mode 0600)."_s,
        u"file"_s);
    const QCommandLineOption insecureNoToken(u"insecure-no-token"_s,
                                             u"Serve HTTP without a bearer token, to every local user (tests only)."_s);
    // Refused with an explanation: a token in argv is visible to every user (ps, /proc/PID/cmdline).
    QCommandLineOption httpToken(u"http-token"_s, u"(refused)"_s, u"token"_s);
    httpToken.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption modernEra(u"modern-era"_s,
                                       u"Also serve stateless MCP 2026-07-28 requests (off: legacy era only)."_s);
    const QCommandLineOption printEndpoints(u"print-endpoints"_s,
                                            u"Print one JSON line with the endpoints once listening."_s);
    const QCommandLineOption demo(u"demo"_s, u"Use the DIMO demo data."_s);
    const QCommandLineOption environment(u"environment"_s, u"DIMO endpoints file."_s, u"file"_s);
    parser.addOptions({help,
                       version,
                       headless,
                       background,
                       stdio,
                       socket,
                       httpPort,
                       httpTokenFile,
                       insecureNoToken,
                       httpToken,
                       modernEra,
                       printEndpoints,
                       demo,
                       environment});

    if (!parser.parse(arguments)) {
        return error(parser.errorText());
    }
    if (!parser.positionalArguments().isEmpty()) {
        return error(u"unexpected argument: "_s + parser.positionalArguments().first());
    }

    ParsedOptions parsed;
    if (parser.isSet(help)) {
        parsed.action = ParsedOptions::Action::ShowHelp;
        // Qt names the running executable (or "<executable_name>" before QCoreApplication).
        const QString text = parser.helpText();
        parsed.text = u"Usage: dimo-tray [options]"_s + text.mid(text.indexOf(u'\n')) + environmentHelp();
        return parsed;
    }
    if (parser.isSet(version)) {
        parsed.action = ParsedOptions::Action::ShowVersion;
        parsed.text = u"dimo-tray "_s + QStringLiteral(DIMOTRAY_VERSION);
        return parsed;
    }

    Options &o = parsed.options;
    const int modes = int(parser.isSet(headless)) + int(parser.isSet(background)) + int(parser.isSet(stdio));
    if (modes > 1) {
        return error(u"--headless, --background and --stdio exclude each other"_s);
    }
    if (parser.isSet(headless)) {
        o.mode = Options::Mode::Headless;
    } else if (parser.isSet(background)) {
        o.mode = Options::Mode::Background;
    } else if (parser.isSet(stdio)) {
        o.mode = Options::Mode::Stdio;
    }

    o.socketName = mcp::wire::resolveSocketName(parser.value(socket));
    if (parser.isSet(httpPort)) {
        bool ok = false;
        const uint port = parser.value(httpPort).toUInt(&ok);
        if (!ok || port > 65535) {
            return error(u"--http-port needs a port number (0-65535)"_s);
        }
        o.httpPort = quint16(port);
    }
    if (const QString why = httpTokenError(parser, httpToken, httpTokenFile, insecureNoToken, o); !why.isEmpty()) {
        return error(why);
    }
    o.modernEra = parser.isSet(modernEra);
    o.printEndpoints = parser.isSet(printEndpoints);
    o.demo = parser.isSet(demo);
    o.environmentFile = parser.value(environment);
    if (o.mode == Options::Mode::Stdio && (o.printEndpoints || o.httpPort)) {
        return error(u"--stdio serves stdin/stdout only: --print-endpoints and --http-port do not apply"_s);
    }
    return parsed;
}

} // namespace app
