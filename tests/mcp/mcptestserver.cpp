// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// mcp-testserver: the MCP engine with the conformance fixtures (test code, never in a shipped
// binary) on the same transports as `dimo-tray --headless`:
//   mcp-testserver [--socket NAME] [--http-port N] [--http-token-file PATH | --insecure-no-token]
//                  [--print-endpoints] [--modern-era] [--stdio] [--headless]
// --socket serves the local socket (one session per connection, like dimo-tray); HTTP is served
// when --http-port is given or when there is no --socket (port 0 = any), with the bearer token in
// --http-token-file (mode 0600) or, for the conformance suite, none (--insecure-no-token, which
// warns on stderr); HTTP without either refuses to start, as in dimo-tray. --stdio serves one session
// on stdin/stdout (NDJSON) instead; --modern-era enables the stateless 2026-07-28 era
// (Server::setModernEraEnabled). With --print-endpoints it prints one JSON line once listening:
// {"socket":"<path or empty>","http":"http://127.0.0.1:PORT/mcp"} (http only when served).
#include "mcp/http/httpserver.h"
#include "mcp/http/tokenfile.h"
#include "mcp/server.h"
#include "mcp/session.h"
#include "mcp/transport/linechannel.h"
#include "mcp/transport/localserver.h"
#include "mcp/wire/lineframer.h"
#include "mcp/wire/stdinreader.h"
#include "mcp/wire/stdio.h"
#include "tests/mcp/conformance/fixtures.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

using mcp::transport::LineChannel;
using mcp::transport::LocalServer;

int serveStdio(mcp::Server &server, QCoreApplication &app)
{
    mcp::Session *session = server.createSession(&app);
    QObject::connect(session, &mcp::Session::send, &app, [](const QByteArray &json) {
        mcp::wire::writeStdoutLine(json);
    });
    auto *reader = new mcp::wire::StdinReader(&app);
    QObject::connect(reader, &mcp::wire::StdinReader::lineRead, session, &mcp::Session::receive);
    QObject::connect(reader, &mcp::wire::StdinReader::oversizeLine, &app, [](const QByteArray &head) {
        mcp::wire::writeStdoutLine(mcp::wire::oversizeErrorLine(head));
    });
    QObject::connect(reader, &mcp::wire::StdinReader::endOfInput, &app, &QCoreApplication::quit);
    reader->start();
    return QCoreApplication::exec();
}

// One session per local socket connection, as app::McpHost does in dimo-tray.
void attach(mcp::Server &server, LineChannel *channel)
{
    mcp::Session *session = server.createSession(channel);
    QObject::connect(channel, &LineChannel::lineReceived, session, &mcp::Session::receive);
    QObject::connect(session, &mcp::Session::send, channel, &LineChannel::sendLine);
    QObject::connect(channel, &LineChannel::oversizeLine, channel, [channel](const QByteArray &head) {
        channel->sendLine(mcp::wire::oversizeErrorLine(head));
    });
    QObject::connect(channel, &LineChannel::closed, session, &mcp::Session::close);
}

void fail(const QString &message)
{
    std::fprintf(stderr, "mcp-testserver: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"http-port"_s, u"Serve Streamable HTTP on 127.0.0.1:<port> (0 = any)"_s, u"port"_s},
                       {u"http-token-file"_s, u"Bearer token required on HTTP, from a 0600 file"_s, u"path"_s},
                       {u"insecure-no-token"_s, u"Serve HTTP without a bearer token (tests only)"_s},
                       {u"print-endpoints"_s, u"Print the endpoints as one JSON line once listening"_s},
                       {u"headless"_s, u"Accepted for compatibility with dimo-tray"_s},
                       {u"socket"_s, u"Also serve the local socket NAME (one session per connection)"_s, u"name"_s},
                       {u"modern-era"_s, u"Also serve stateless MCP 2026-07-28 requests"_s},
                       {u"stdio"_s, u"Serve one session on stdin/stdout instead"_s}});
    parser.addHelpOption();
    parser.process(app);

    mcp::Server server({u"mcp-testserver"_s,
                        u"MCP engine test server"_s,
                        QStringLiteral(DIMOTRAY_VERSION),
                        u"Conformance fixtures of the DIMO Tray MCP engine."_s});
    mcp::conformance::registerFixtures(server);
    server.setModernEraEnabled(parser.isSet(u"modern-era"_s));
    if (parser.isSet(u"stdio"_s)) {
        return serveStdio(server, app);
    }

    mcp::HttpServer *http = nullptr;
    if (parser.isSet(u"http-port"_s) || !parser.isSet(u"socket"_s)) {
        mcp::HttpServer::Options options;
        options.port = static_cast<quint16>(parser.value(u"http-port"_s).toUInt());
        options.allowNoToken = parser.isSet(u"insecure-no-token"_s);
        QString error;
        if (parser.isSet(u"http-token-file"_s)) {
            options.bearerToken = mcp::http::tokenfile::read(parser.value(u"http-token-file"_s), &error);
            if (options.bearerToken.isEmpty()) {
                std::fprintf(stderr, "mcp-testserver: %s\n", qPrintable(error));
                return 1;
            }
        }
        http = new mcp::HttpServer(&server, options, &app);
        if (!http->listen(&error)) {
            std::fprintf(stderr, "mcp-testserver: cannot listen: %s\n", qPrintable(error));
            return 1;
        }
    }
    const auto ready = [&parser, http](const QString &socket) {
        if (!parser.isSet(u"print-endpoints"_s)) {
            return;
        }
        QJsonObject endpoints{{u"socket"_s, socket}};
        if (http) {
            endpoints.insert(u"http"_s, http->url().toString());
        }
        mcp::wire::writeStdoutLine(QJsonDocument(endpoints).toJson(QJsonDocument::Compact));
    };
    if (!parser.isSet(u"socket"_s)) {
        ready(QString());
        return QCoreApplication::exec();
    }
    auto *local = new LocalServer(parser.value(u"socket"_s), &app);
    QObject::connect(local, &LocalServer::listening, &app, [local, ready] {
        ready(local->fullServerName());
    });
    QObject::connect(local, &LocalServer::alreadyRunning, &app, [] {
        fail(u"the socket is already served"_s);
    });
    QObject::connect(local, &LocalServer::failed, &app, &fail);
    QObject::connect(local, &LocalServer::newChannel, &app, [&server](LineChannel *channel) {
        attach(server, channel);
    });
    local->start();
    return QCoreApplication::exec();
}
