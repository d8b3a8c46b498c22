// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// mcp-testserver: the MCP engine with the conformance fixtures on the Streamable HTTP endpoint,
// without the tray app. Same command line shape as `dimo-tray --headless` for what it supports:
//   mcp-testserver [--http-port N] [--token T] [--print-endpoints] [--conformance-fixtures] [--socket NAME]
//                  [--modern-era] [--stdio]
// --stdio serves one session on stdin/stdout (NDJSON) instead of HTTP; --modern-era enables the
// stateless 2026-07-28 era (Server::setModernEraEnabled).
// With --print-endpoints it prints one JSON line {"socket":"","http":"http://127.0.0.1:PORT/mcp"}.
#include "mcp/conformance/fixtures.h"
#include "mcp/http/httpserver.h"
#include "mcp/server.h"
#include "mcp/session.h"
#include "mcp/wire/stdinreader.h"
#include "mcp/wire/stdio.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"http-port"_s, u"Port (0 = any)"_s, u"port"_s, u"0"_s},
                       {u"token"_s, u"Bearer token"_s, u"token"_s},
                       {u"print-endpoints"_s, u"Print the endpoints as one JSON line"_s},
                       {u"conformance-fixtures"_s, u"Accepted for compatibility (always on)"_s},
                       {u"headless"_s, u"Accepted for compatibility"_s},
                       {u"socket"_s, u"Ignored (no local socket here)"_s, u"name"_s},
                       {u"modern-era"_s, u"Also serve stateless MCP 2026-07-28 requests"_s},
                       {u"stdio"_s, u"Serve one session on stdin/stdout instead of HTTP"_s}});
    parser.addHelpOption();
    parser.process(app);

    mcp::Server server({u"mcp-testserver"_s,
                        u"MCP engine test server"_s,
                        QStringLiteral(DIMOTRAY_VERSION),
                        u"Conformance fixtures of the DIMO Tray MCP engine."_s});
    mcp::conformance::registerFixtures(server);
    server.setModernEraEnabled(parser.isSet(u"modern-era"_s));
    if (parser.isSet(u"stdio"_s)) {
        mcp::Session *session = server.createSession(&app);
        QObject::connect(session, &mcp::Session::send, &app, [](const QByteArray &json) {
            mcp::wire::writeStdoutLine(json);
        });
        auto *reader = new mcp::wire::StdinReader(&app);
        QObject::connect(reader, &mcp::wire::StdinReader::lineRead, session, &mcp::Session::receive);
        QObject::connect(reader, &mcp::wire::StdinReader::endOfInput, &app, &QCoreApplication::quit);
        reader->start();
        return QCoreApplication::exec();
    }
    mcp::HttpServer::Options options;
    options.port = static_cast<quint16>(parser.value(u"http-port"_s).toUInt());
    options.bearerToken = parser.value(u"token"_s).toUtf8();
    mcp::HttpServer http(&server, options);
    QString error;
    if (!http.listen(&error)) {
        std::fprintf(stderr, "mcp-testserver: cannot listen: %s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(u"print-endpoints"_s)) {
        const QJsonObject endpoints{{u"socket"_s, QString()}, {u"http"_s, http.url().toString()}};
        mcp::wire::writeStdoutLine(QJsonDocument(endpoints).toJson(QJsonDocument::Compact));
    }
    return QCoreApplication::exec();
}
