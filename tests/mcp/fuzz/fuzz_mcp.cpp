// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the MCP engine's framing, codec and lifecycle. The input is used three ways:
//  1. split on '\n' into NDJSON lines fed to a fresh Session (optionally after an initialize whose
//     protocol version the first byte picks), checking that every message sent back is one valid
//     JSON value without a newline;
//  2. fed to the raw-token scanner (which normally only sees text QJsonDocument accepted);
//  3. fed in two pieces to the HTTP/1.1 request parser.
// Built by scripts/fuzz in a separate clang build (-DDIMOTRAY_FUZZ=ON).
#include "mcp/http/httprequest.h"
#include "mcp/jsonrpc.h"
#include "mcp/server.h"
#include "mcp/session.h"
#include "mcp/wire/jsonscan.h"
#include "mcp/wire/lineframer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

mcp::Server *server()
{
    static mcp::Server *s = [] {
        static int argc = 1;
        static char name[] = "fuzz_mcp";
        static char *argv[] = {name, nullptr};
        new QCoreApplication(argc, argv); // timers need an event dispatcher; never exec()'d
        auto *srv = new mcp::Server({u"fuzz"_s, u"Fuzz"_s, u"1"_s, u"fuzzing"_s});
        const QJsonObject schema{
            {u"type"_s, u"object"_s},
            {u"required"_s, QJsonArray{u"n"_s}},
            {u"additionalProperties"_s, false},
            {u"properties"_s,
             QJsonObject{{u"n"_s, QJsonObject{{u"type"_s, u"integer"_s}, {u"maximum"_s, 10}}},
                         {u"s"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"pattern"_s, u"^a+$"_s}}}}}};
        const mcp::ToolAnnotations hints{{}, true, false, true, false};
        srv->registry().addTool(
            {u"echo"_s, {}, u"echo"_s, schema, {}, hints, {}, [](const QJsonObject &a, mcp::Responder r) {
                 r.resolve(mcp::ToolResult::structured(a));
             }});
        srv->registry().addTool(
            {u"drop"_s, {}, u"drops"_s, {}, {}, hints, {}, [](const QJsonObject &, mcp::Responder) {}});
        srv->registry().addTool({u"ask"_s, {}, u"asks"_s, {}, {}, hints, {}, [](const QJsonObject &, mcp::Responder r) {
                                     std::move(r).elicit(u"?"_s, {}, [](mcp::Responder x, const mcp::ClientReply &) {
                                         x.fail(u"answered"_s);
                                     });
                                 }});
        srv->setMaxResultBytes(64);
        srv->setModernEraEnabled(true); // dual-era: both eras are reachable from the input
        return srv;
    }();
    return s;
}

void checkOutgoing(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || json.contains('\n') || (!doc.isObject() && !doc.isArray())) {
        std::abort(); // the engine sent something that is not one framed JSON-RPC message
    }
}

void fuzzSession(const QByteArray &input)
{
    mcp::Session session(server());
    QObject::connect(&session, &mcp::Session::send, &session, &checkOutgoing);
    if (!input.isEmpty() && (static_cast<unsigned char>(input.front()) & 1)) {
        static const char *versions[] = {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2099-01-01"};
        const char *version = versions[static_cast<unsigned char>(input.front()) % 5];
        session.receive(QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                                          "\"protocolVersion\":\"")
                        + version + QByteArrayLiteral("\",\"capabilities\":{\"elicitation\":{}}}}"));
    }
    for (const QByteArray &line : input.split('\n')) {
        session.receive(line);
    }
    session.close();
}

void fuzzScanner(const QByteArray &input)
{
    (void)mcp::jsonscan::member(input, "id");
    (void)mcp::jsonscan::path(input, {"params", "_meta", "progressToken"});
    (void)mcp::jsonscan::elements(input);
    (void)mcp::jsonscan::envelope(input);
    (void)mcp::wire::oversizeErrorLine(input);
    mcp::wire::LineFramer framer(64); // small cap: lines over it, cut in two pieces
    const qsizetype half = input.size() / 2;
    framer.append(input.left(half));
    while (framer.next()) {}
    framer.append(input.mid(half));
    while (framer.next()) {}
    (void)framer.finish();
    (void)mcp::jsonrpc::idKey(input);
}

void fuzzHttp(const QByteArray &input)
{
    mcp::http::HttpRequestParser parser;
    const qsizetype half = input.size() / 2;
    parser.feed(input.left(half));
    mcp::http::HttpRequest request;
    for (int i = 0; i < 64 && parser.next(&request) == mcp::http::HttpRequestParser::State::Ready; ++i) {}
    parser.feed(input.mid(half));
    for (int i = 0; i < 64 && parser.next(&request) == mcp::http::HttpRequestParser::State::Ready; ++i) {
        (void)request.keepAlive();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    fuzzSession(input);
    fuzzScanner(input);
    fuzzHttp(input);
    // No event loop runs here: flush deleteLater()s (timers of finished server→client requests).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
