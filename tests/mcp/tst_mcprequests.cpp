// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// In-flight requests: cancellation (no response), progress, logging levels, result cap,
// server→client requests (elicitation round trip, timeout, missing capability), close.
#include "tests/mcp/sessionharness.h"

#include <QJsonArray>
#include <QPointer>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const mcp::ToolAnnotations Hints{{}, true, false, true, false};

/// A tool that parks its Responder in \a slot so the test resolves it later.
mcp::Tool parkingTool(const QString &name, std::optional<mcp::Responder> *slot, bool *cancelled = nullptr)
{
    return mcp::Tool{name, {}, u"parks"_s, {}, {}, Hints, {}, [slot, cancelled](const QJsonObject &, mcp::Responder r) {
                         if (cancelled) {
                             r.onCancelled([cancelled] {
                                 *cancelled = true;
                             });
                         }
                         *slot = std::move(r);
                     }};
}

QByteArray callTool(int id, const QByteArray &name, const QByteArray &extra = {})
{
    return R"({"jsonrpc":"2.0","id":)" + QByteArray::number(id) + R"(,"method":"tools/call","params":{"name":")" + name
        + R"(","arguments":{})" + extra + "}}";
}

} // namespace

class TestMcpRequests : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void cancellationSendsNoResponse()
    {
        SessionHarness h;
        std::optional<mcp::Responder> parked;
        bool cancelled = false;
        h.server.registry().addTool(parkingTool(u"slow"_s, &parked, &cancelled));
        h.initialize();
        QVERIFY(h.feed(callTool(7, "slow")).isEmpty());
        QVERIFY(parked && parked->isPending());
        QVERIFY(
            h.feed(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"user"}})")
                .isEmpty());
        QVERIFY(cancelled);
        QVERIFY(parked->isCancelled());
        parked->resolve(mcp::ToolResult::text(u"too late"_s));
        parked.reset(); // destroying it after cancellation sends nothing either
        QVERIFY(h.feed(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}})").isEmpty());
        QCOMPARE(h.call(R"({"jsonrpc":"2.0","id":8,"method":"ping"})").value("id"_L1).toInt(), 8);
        QCOMPARE(h.sent.size(), 2); // initialize + ping only
    }

    void cancelAfterResponseIsIgnored()
    {
        SessionHarness h;
        std::optional<mcp::Responder> parked;
        h.server.registry().addTool(parkingTool(u"slow"_s, &parked));
        h.initialize();
        h.feed(callTool(3, "slow"));
        parked->resolve(mcp::ToolResult::text(u"done"_s));
        QCOMPARE(h.sent.size(), 2);
        QVERIFY(h.feed(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":3}})").isEmpty());
        parked->resolve(mcp::ToolResult::text(u"twice"_s)); // resolving twice sends nothing
        QCOMPARE(h.sent.size(), 2);
    }

    void closeCancelsInFlightHandlers()
    {
        SessionHarness h;
        std::optional<mcp::Responder> parked;
        bool cancelled = false;
        h.server.registry().addTool(parkingTool(u"slow"_s, &parked, &cancelled));
        h.initialize();
        h.feed(callTool(1, "slow"));
        const qsizetype before = h.sent.size();
        h.session->close();
        QVERIFY(cancelled);
        QVERIFY(!parked->isPending());
        parked->resolve(mcp::ToolResult::text(u"x"_s));
        QCOMPARE(h.sent.size(), before);
    }

    // Every tools/call of a registered tool is reported once as started and once as finished,
    // whatever way it ends (result, isError, invalid arguments, dropped Responder, cancellation).
    void toolCallsAreReportedOnce()
    {
        SessionHarness h;
        std::optional<mcp::Responder> parked;
        h.server.registry().addTool(parkingTool(u"slow"_s, &parked));
        h.server.registry().addTool(
            mcp::Tool{u"typed"_s,
                      {},
                      u"needs n"_s,
                      QJsonObject{{u"type"_s, u"object"_s},
                                  {u"properties"_s, QJsonObject{{u"n"_s, QJsonObject{{u"type"_s, u"integer"_s}}}}},
                                  {u"required"_s, QJsonArray{u"n"_s}}},
                      {},
                      Hints,
                      {},
                      [](const QJsonObject &, mcp::Responder r) {
                          r.resolve(mcp::ToolResult::text(u"ok"_s));
                      }});
        QSignalSpy started(&h.server, &mcp::Server::toolCallStarted);
        QSignalSpy finished(&h.server, &mcp::Server::toolCallFinished);
        h.initialize();
        const auto outcome = [&finished](int i) {
            return finished.at(i).at(1).value<mcp::ToolCallOutcome>();
        };

        h.feed(callTool(1, "slow"));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.at(0).at(1).toString(), u"slow"_s);
        QCOMPARE(started.at(0).at(3).toJsonObject().value("name"_L1).toString(), u"harness"_s);
        QCOMPARE(finished.size(), 0);
        parked->resolve(mcp::ToolResult::error(u"DIMO said no"_s));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0), started.at(0).at(0));
        QCOMPARE(outcome(0), mcp::ToolCallOutcome::Error);
        QCOMPARE(finished.at(0).at(2).toString(), u"DIMO said no"_s);

        h.feed(R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"typed","arguments":{"n":1}}})");
        QCOMPARE(outcome(1), mcp::ToolCallOutcome::Ok);
        h.feed(R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"typed","arguments":{"n":"x"}}})");
        QCOMPARE(outcome(2), mcp::ToolCallOutcome::Error); // invalid arguments still count as a call

        h.feed(callTool(4, "slow"));
        h.feed(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":4}})");
        QCOMPARE(outcome(3), mcp::ToolCallOutcome::Cancelled);
        parked->resolve(mcp::ToolResult::text(u"too late"_s));

        h.feed(callTool(5, "slow"));
        parked.reset(); // dropped unresolved: the engine answers an internal error
        QCOMPARE(outcome(4), mcp::ToolCallOutcome::Error);

        h.feed(callTool(6, "nosuchtool")); // a protocol error, not a tool call
        QCOMPARE(started.size(), 5);
        QCOMPARE(finished.size(), 5);
    }

    void connectedClientsAreReported()
    {
        SessionHarness h;
        std::optional<mcp::Responder> parked;
        h.server.registry().addTool(parkingTool(u"slow"_s, &parked));
        QSignalSpy connected(&h.server, &mcp::Server::clientConnected);
        QSignalSpy disconnected(&h.server, &mcp::Server::clientDisconnected);
        QSignalSpy finished(&h.server, &mcp::Server::toolCallFinished);
        h.initialize();
        QCOMPARE(connected.size(), 1);
        QCOMPARE(connected.at(0).at(1).toJsonObject().value("version"_L1).toString(), u"1"_s);
        h.feed(callTool(1, "slow"));
        h.session->close();
        QCOMPARE(disconnected.size(), 1);
        QCOMPARE(disconnected.at(0).at(0), connected.at(0).at(0));
        QCOMPARE(finished.size(), 1); // the call in flight ends as cancelled
        QCOMPARE(finished.at(0).at(1).value<mcp::ToolCallOutcome>(), mcp::ToolCallOutcome::Cancelled);
        h.session->close();
        QCOMPARE(disconnected.size(), 1);
    }

    void progressOnlyWithTokenAndIncreasing()
    {
        SessionHarness h;
        std::optional<mcp::Responder> parked;
        h.server.registry().addTool(parkingTool(u"slow"_s, &parked));
        h.initialize();
        h.feed(callTool(1, "slow", R"(,"_meta":{"progressToken":9007199254740993})"));
        QVERIFY(parked->hasProgressToken());
        parked->progress(10, 100, u"starting"_s);
        parked->progress(5, 100); // not increasing: dropped
        parked->progress(50);
        parked->resolve(mcp::ToolResult::text(u"ok"_s));
        parked->progress(60); // after the response: dropped
        QCOMPARE(h.sent.size(), 4);
        QCOMPARE(
            h.sent.at(1),
            QByteArray(
                R"({"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":9007199254740993,"message":"starting","progress":10,"total":100}})"));
        QVERIFY(h.sent.at(2).contains(R"("progress":50)"));
        QCOMPARE(SessionHarness::parse(h.sent.at(3)).value("id"_L1).toInt(), 1);

        h.feed(callTool(2, "slow"));
        QVERIFY(!parked->hasProgressToken());
        parked->progress(1);
        parked->resolve(mcp::ToolResult::text(u"ok"_s));
        QCOMPARE(h.sent.size(), 5); // just the response
    }

    void loggingRespectsSessionLevel()
    {
        SessionHarness h;
        std::optional<mcp::Responder> parked;
        h.server.registry().addTool(parkingTool(u"slow"_s, &parked));
        h.initialize();
        QCOMPARE(h.call(R"({"jsonrpc":"2.0","id":1,"method":"logging/setLevel","params":{"level":"warning"}})")
                     .value("result"_L1)
                     .toObject(),
                 QJsonObject());
        QCOMPARE(h.call(R"({"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"loud"}})")
                     .value("error"_L1)["code"_L1]
                     .toInt(),
                 -32602);
        h.feed(callTool(3, "slow"));
        const qsizetype before = h.sent.size();
        parked->log(mcp::LogLevel::Info, u"quiet"_s);
        parked->log(mcp::LogLevel::Warning, u"careful"_s, u"vehicles"_s);
        parked->log(mcp::LogLevel::Emergency, QJsonObject{{u"k"_s, 1}});
        QCOMPARE(h.sent.size(), before + 2);
        const QJsonObject warning = SessionHarness::parse(h.sent.at(before));
        QCOMPARE(warning.value("method"_L1).toString(), u"notifications/message"_s);
        QCOMPARE(warning.value("params"_L1)["level"_L1].toString(), u"warning"_s);
        QCOMPARE(warning.value("params"_L1)["logger"_L1].toString(), u"vehicles"_s);
        QCOMPARE(warning.value("params"_L1)["data"_L1].toString(), u"careful"_s);
        parked->resolve(mcp::ToolResult::text(u"ok"_s));
    }

    void resultCapCutsTextWithNote()
    {
        SessionHarness h;
        h.server.setMaxResultBytes(1000);
        h.server.registry().addTool(
            mcp::Tool{u"big"_s, {}, u"big"_s, {}, {}, Hints, {}, [](const QJsonObject &, mcp::Responder r) {
                          r.resolve(mcp::ToolResult::text(QString(600, u'é')).add(mcp::content::text(u"tail"_s)));
                      }});
        h.server.registry().addTool(
            mcp::Tool{u"bigjson"_s, {}, u"big"_s, {}, {}, Hints, {}, [](const QJsonObject &, mcp::Responder r) {
                          r.resolve(mcp::ToolResult::structured({{u"blob"_s, QString(2000, u'x')}}));
                      }});
        h.initialize();
        QJsonObject result = h.call(callTool(1, "big")).value("result"_L1).toObject();
        QJsonArray content = result.value("content"_L1).toArray();
        QCOMPARE(content.size(), 2);
        QCOMPARE(content.at(0)["text"_L1].toString().toUtf8().size(), 1000); // 500 two-byte characters
        QVERIFY(content.at(1)["text"_L1].toString().contains("Narrow the request"_L1));
        QVERIFY(!result.contains("isError"_L1));
        result = h.call(callTool(2, "bigjson")).value("result"_L1).toObject();
        QCOMPARE(result.value("isError"_L1).toBool(), true);
        QVERIFY(!result.contains("structuredContent"_L1));
        QVERIFY(result.value("content"_L1)[0]["text"_L1].toString().contains("truncated"_L1));
    }

    void elicitationRoundTrip()
    {
        SessionHarness h;
        h.server.registry().addTool(mcp::Tool{
            u"confirm"_s, {}, u"asks"_s, {}, {}, Hints, {}, [](const QJsonObject &, mcp::Responder r) {
                const QJsonObject schema{
                    {u"type"_s, u"object"_s},
                    {u"properties"_s, QJsonObject{{u"ok"_s, QJsonObject{{u"type"_s, u"boolean"_s}}}}}};
                std::move(r).elicit(
                    u"Unlock the car?"_s, schema, [](mcp::Responder responder, const mcp::ClientReply &reply) {
                        responder.resolve(mcp::ToolResult::text(reply.ok ? reply.result.value("action"_L1).toString()
                                                                         : u"error %1"_s.arg(reply.error.code)));
                    });
            }});
        h.initialize(u"2025-11-25"_s, R"({"elicitation":{}})");
        const QList<QByteArray> out = h.feed(callTool(1, "confirm"));
        QCOMPARE(out.size(), 1);
        const QJsonObject request = SessionHarness::parse(out.front());
        QCOMPARE(request.value("method"_L1).toString(), u"elicitation/create"_s);
        QCOMPARE(request.value("params"_L1)["message"_L1].toString(), u"Unlock the car?"_s);
        const QByteArray id = QByteArray::number(request.value("id"_L1).toInteger());
        const QList<QByteArray> answer =
            h.feed(R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{"action":"accept","content":{"ok":true}}})");
        QCOMPARE(answer.size(), 1);
        const QJsonObject response = SessionHarness::parse(answer.front());
        QCOMPARE(response.value("id"_L1).toInt(), 1);
        QCOMPARE(response.value("result"_L1)["content"_L1][0]["text"_L1].toString(), u"accept"_s);
        QVERIFY(h.feed(R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{}})").isEmpty()); // duplicate reply ignored
    }

    void elicitationTimesOutAndTellsTheClient()
    {
        SessionHarness h;
        h.server.registry().addTool(
            mcp::Tool{u"confirm"_s, {}, u"asks"_s, {}, {}, Hints, {}, [](const QJsonObject &, mcp::Responder r) {
                          std::move(r).elicit(
                              u"?"_s,
                              QJsonObject{{u"type"_s, u"object"_s}},
                              [](mcp::Responder responder, const mcp::ClientReply &reply) {
                                  QVERIFY(!reply.ok);
                                  responder.fail(u"no answer (%1)"_s.arg(reply.error.code));
                              },
                              50);
                      }});
        h.initialize(u"2025-11-25"_s, R"({"elicitation":{}})");
        const qsizetype before = h.sent.size();
        h.feed(callTool(5, "confirm"));
        QVERIFY(h.waitForSent(before + 3));
        QCOMPARE(SessionHarness::parse(h.sent.at(before + 1)).value("method"_L1).toString(),
                 u"notifications/cancelled"_s);
        const QJsonObject response = SessionHarness::parse(h.sent.at(before + 2));
        QCOMPARE(response.value("id"_L1).toInt(), 5);
        QCOMPARE(response.value("result"_L1)["isError"_L1].toBool(), true);
        QCOMPARE(response.value("result"_L1)["content"_L1][0]["text"_L1].toString(), u"no answer (-32001)"_s);
    }

    void serverRequestNeedsClientCapability()
    {
        SessionHarness h;
        h.server.registry().addTool(mcp::Tool{
            u"sample"_s, {}, u"asks"_s, {}, {}, Hints, {}, [](const QJsonObject &, mcp::Responder r) {
                std::move(r).request(
                    u"sampling/createMessage"_s, {}, [](mcp::Responder responder, const mcp::ClientReply &reply) {
                        responder.fail(u"code %1"_s.arg(reply.error.code));
                    });
            }});
        h.initialize(); // no capabilities declared
        const qsizetype before = h.sent.size();
        QVERIFY(h.feed(callTool(1, "sample")).isEmpty()); // nothing sent to the client
        QVERIFY(h.waitForSent(before + 1));
        QCOMPARE(SessionHarness::parse(h.sent.at(before)).value("result"_L1)["content"_L1][0]["text"_L1].toString(),
                 u"code -32601"_s);
    }

    void elicitationNeedsRevision2025_06_18()
    {
        SessionHarness h;
        h.server.registry().addTool(
            mcp::Tool{u"confirm"_s, {}, u"asks"_s, {}, {}, Hints, {}, [](const QJsonObject &, mcp::Responder r) {
                          std::move(r).elicit(u"?"_s, {}, [](mcp::Responder responder, const mcp::ClientReply &reply) {
                              responder.fail(u"code %1"_s.arg(reply.error.code));
                          });
                      }});
        h.initialize(u"2025-03-26"_s, "{\"elicitation\":{}}");
        const qsizetype before = h.sent.size();
        QVERIFY(h.feed(callTool(1, "confirm")).isEmpty());
        QVERIFY(h.waitForSent(before + 1));
        QVERIFY(h.sent.at(before).contains("code -32601"));
    }

    void cancellingDropsPendingClientRequest()
    {
        SessionHarness h;
        bool called = false;
        h.server.registry().addTool(
            mcp::Tool{u"confirm"_s, {}, u"asks"_s, {}, {}, Hints, {}, [&called](const QJsonObject &, mcp::Responder r) {
                          std::move(r).elicit(u"?"_s, {}, [&called](mcp::Responder, const mcp::ClientReply &) {
                              called = true;
                          });
                      }});
        h.initialize(u"2025-11-25"_s, R"({"elicitation":{}})");
        const QList<QByteArray> out = h.feed(callTool(4, "confirm"));
        const QByteArray id = QByteArray::number(SessionHarness::parse(out.front()).value("id"_L1).toInteger());
        const QList<QByteArray> cancelOut =
            h.feed(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":4}})");
        QCOMPARE(cancelOut.size(), 1); // we withdraw our elicitation; no response to request 4
        QCOMPARE(SessionHarness::parse(cancelOut.front()).value("params"_L1)["requestId"_L1].toInteger(),
                 id.toLongLong());
        QVERIFY(h.feed(R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":{"action":"accept"}})").isEmpty());
        QVERIFY(!called);
    }

    // Issue 15: requests in flight per session are capped; the next one gets a JSON-RPC error at
    // once (ping still works), and room frees up as requests are answered.
    void requestsInFlightAreCapped()
    {
        SessionHarness h;
        h.server.setMaxRequestsInFlight(3);
        std::vector<std::optional<mcp::Responder>> parked(4);
        for (int i = 0; i < 4; ++i) {
            h.server.registry().addTool(parkingTool(u"slow%1"_s.arg(i), &parked[size_t(i)]));
        }
        h.initialize();
        for (int i = 0; i < 3; ++i) {
            QVERIFY(h.feed(callTool(10 + i, "slow" + QByteArray::number(i))).isEmpty());
        }
        QJsonObject r = h.call(callTool(13, "slow3"));
        QCOMPARE(r.value("id"_L1).toInt(), 13);
        QCOMPARE(r.value("error"_L1)["code"_L1].toInt(), -32005);
        const QString message = r.value("error"_L1)["message"_L1].toString();
        QVERIFY2(message.contains("Too many requests in flight"_L1) && message.contains('3'_L1), qPrintable(message));
        QCOMPARE(r.value("error"_L1)["data"_L1]["limit"_L1].toInt(), 3);
        QVERIFY(!parked[3]);
        QCOMPARE(h.request(14, "ping").value("id"_L1).toInt(), 14); // answered at once: not refused
        // Another session has room of its own.
        mcp::Session *other = h.server.createSession();
        QList<QByteArray> otherSent;
        QObject::connect(other, &mcp::Session::send, other, [&otherSent](const QByteArray &json) {
            otherSent.append(json);
        });
        other->receive(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",)"
                       R"("capabilities":{},"clientInfo":{"name":"b","version":"1"}}})");
        other->receive(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        other->receive(callTool(1, "slow3"));
        QVERIFY(parked[3]);
        parked[3]->resolve(mcp::ToolResult::text(u"b"_s));
        delete other;
        // One answered: the next request is accepted.
        parked[0]->resolve(mcp::ToolResult::text(u"done"_s));
        parked[0].reset();
        QVERIFY(h.feed(callTool(15, "slow0")).isEmpty());
        QVERIFY(parked[0] && parked[0]->isPending());
        // A cancelled one frees its place too.
        h.feed(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":11}})");
        QVERIFY(h.feed(callTool(16, "slow3")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMcpRequests)
#include "tst_mcprequests.moc"
