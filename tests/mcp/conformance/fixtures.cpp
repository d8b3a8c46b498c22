// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Conformance fixtures: the plain test_* tools.
#include "tests/mcp/conformance/fixtures.h"

#include "mcp/server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace mcp::conformance {

namespace {

ToolAnnotations readOnly(const QString &title)
{
    return ToolAnnotations{title, true, false, true, false};
}

void addTool(
    Server &server, const QString &name, const QString &description, ToolHandler handler, QJsonObject inputSchema = {})
{
    server.registry().addTool(
        Tool{name, {}, description, std::move(inputSchema), {}, readOnly(name), {}, std::move(handler)});
}

/// Runs \a steps ~\a intervalMs apart on the main loop; stops early when the request is cancelled.
void runSteps(Server &server, Responder responder, const QList<std::function<void(Responder &)>> &steps, int intervalMs)
{
    auto shared = std::make_shared<Responder>(std::move(responder));
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [&server, shared, steps, intervalMs, weakNext = std::weak_ptr(next)](qsizetype i) {
        if (!shared->isPending() || i >= steps.size()) {
            return;
        }
        steps.at(i)(*shared);
        if (const auto self = weakNext.lock(); self && i + 1 < steps.size()) {
            QTimer::singleShot(intervalMs, &server, [self, i] {
                (*self)(i + 1);
            });
        }
    };
    (*next)(0);
}

} // namespace

QByteArray pngBase64()
{
    return QByteArrayLiteral(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
}

QByteArray wavBase64()
{
    const quint32 samples = 800; // 0.1 s of 8 kHz, 8-bit mono
    QByteArray wav;
    auto le = [&wav](quint32 v, int bytes) {
        for (int i = 0; i < bytes; ++i) {
            wav.append(static_cast<char>((v >> (8 * i)) & 0xFF));
        }
    };
    wav.append("RIFF");
    le(36 + samples, 4);
    wav.append("WAVEfmt ");
    le(16, 4);
    le(1, 2); // PCM
    le(1, 2); // mono
    le(8000, 4);
    le(8000, 4);
    le(1, 2);
    le(8, 2);
    wav.append("data");
    le(samples, 4);
    for (quint32 i = 0; i < samples; ++i) {
        wav.append(static_cast<char>((i / 10) % 2 ? 0xA0 : 0x60)); // a 400 Hz square wave
    }
    return wav.toBase64();
}

void registerFixtures(Server &server)
{
    registerFixtureTools(server);
    registerInteractiveFixtureTools(server);
    registerFixtureResourcesAndPrompts(server);
}

void registerFixtureTools(Server &server)
{
    addTool(server, u"test_simple_text"_s, u"Returns a simple text response"_s, [](const QJsonObject &, Responder r) {
        r.resolve(ToolResult::text(u"This is a simple text response for testing."_s));
    });
    addTool(server, u"test_image_content"_s, u"Returns an image"_s, [](const QJsonObject &, Responder r) {
        r.resolve(ToolResult().add(content::image(pngBase64(), u"image/png"_s)));
    });
    addTool(server, u"test_audio_content"_s, u"Returns audio"_s, [](const QJsonObject &, Responder r) {
        r.resolve(ToolResult().add(content::audio(wavBase64(), u"audio/wav"_s)));
    });
    addTool(
        server, u"test_embedded_resource"_s, u"Returns an embedded resource"_s, [](const QJsonObject &, Responder r) {
            r.resolve(ToolResult().add(content::embeddedText(
                u"test://embedded-resource"_s, u"text/plain"_s, u"This is an embedded resource content."_s)));
        });
    addTool(server,
            u"test_multiple_content_types"_s,
            u"Returns text, an image and a resource"_s,
            [](const QJsonObject &, Responder r) {
                r.resolve(ToolResult::text(u"Multiple content types test:"_s)
                              .add(content::image(pngBase64(), u"image/png"_s))
                              .add(content::embeddedText(u"test://mixed-content-resource"_s,
                                                         u"application/json"_s,
                                                         u"{\"test\":\"data\",\"value\":123}"_s)));
            });
    addTool(server, u"test_error_handling"_s, u"Always returns a tool error"_s, [](const QJsonObject &, Responder r) {
        r.fail(u"This tool intentionally returns an error for testing"_s);
    });
    addTool(server,
            u"test_tool_with_logging"_s,
            u"Sends three log messages ~50 ms apart"_s,
            [&server](const QJsonObject &, Responder r) {
                runSteps(server,
                         std::move(r),
                         {[](Responder &x) {
                              x.log(LogLevel::Info, u"Tool execution started"_s);
                          },
                          [](Responder &x) {
                              x.log(LogLevel::Info, u"Tool processing data"_s);
                          },
                          [](Responder &x) {
                              x.log(LogLevel::Info, u"Tool execution completed"_s);
                              x.resolve(ToolResult::text(u"Tool with logging executed successfully"_s));
                          }},
                         50);
            });
    addTool(server,
            u"test_tool_with_progress"_s,
            u"Reports progress 0, 50, 100 of 100 ~50 ms apart"_s,
            [&server](const QJsonObject &, Responder r) {
                runSteps(server,
                         std::move(r),
                         {[](Responder &x) {
                              x.progress(0, 100);
                          },
                          [](Responder &x) {
                              x.progress(50, 100);
                          },
                          [](Responder &x) {
                              x.progress(100, 100);
                              x.resolve(ToolResult::text(u"Tool with progress executed successfully"_s));
                          }},
                         50);
            });
    addTool(server,
            u"test_reconnection"_s,
            u"Closes its HTTP stream mid-call; the result arrives after the client resumes"_s,
            [&server](const QJsonObject &, Responder r) {
                runSteps(server,
                         std::move(r),
                         {[](Responder &) {},
                          [](Responder &x) {
                              x.closeStream();
                          },
                          [](Responder &x) {
                              x.resolve(ToolResult::text(u"Reconnection test completed successfully"_s));
                          }},
                         100);
            });
    const QJsonObject address{{u"type"_s, u"object"_s},
                              {u"properties"_s,
                               QJsonObject{{u"street"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                           {u"city"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}};
    addTool(
        server,
        u"json_schema_2020_12_tool"_s,
        u"Tool with JSON Schema 2020-12 features"_s,
        [](const QJsonObject &args, Responder r) {
            r.resolve(ToolResult::text(u"Received: "_s
                                       + QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact))));
        },
        QJsonObject{{u"$schema"_s, u"https://json-schema.org/draft/2020-12/schema"_s},
                    {u"type"_s, u"object"_s},
                    {u"$defs"_s, QJsonObject{{u"address"_s, address}}},
                    {u"properties"_s,
                     QJsonObject{{u"name"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                 {u"address"_s, QJsonObject{{u"$ref"_s, u"#/$defs/address"_s}}}}},
                    {u"additionalProperties"_s, false}});
}

} // namespace mcp::conformance
