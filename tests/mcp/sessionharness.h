// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/server.h"
#include "mcp/session.h"
#include "tests/support/timeout.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSignalSpy>
#include <QTest>

#include <memory>

/// A Server plus one Session whose sent messages are recorded (test helper, header-only).
class SessionHarness
{
public:
    explicit SessionHarness(mcp::ServerInfo info = {QStringLiteral("test-server"),
                                                    QStringLiteral("Test Server"),
                                                    QStringLiteral("1.0.0"),
                                                    QStringLiteral("Test instructions.")})
        : server(std::move(info))
        , session(server.createSession())
    {
        QObject::connect(session, &mcp::Session::send, session, [this](const QByteArray &json) {
            sent.append(json);
        });
    }

    ~SessionHarness() { delete session; }

    /// Sends raw bytes; returns the messages sent synchronously in answer.
    QList<QByteArray> feed(const QByteArray &bytes)
    {
        const qsizetype before = sent.size();
        session->receive(bytes);
        return sent.mid(before);
    }

    /// Sends one message and returns the last synchronous reply parsed (empty when none).
    QJsonObject call(const QByteArray &bytes)
    {
        const QList<QByteArray> replies = feed(bytes);
        return replies.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(replies.last()).object();
    }

    /// Sends request \a method with \a params (JSON text of an object) and returns the reply.
    QJsonObject request(int id, const char *method, const QByteArray &params = QByteArrayLiteral("{}"))
    {
        return call(QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":") + QByteArray::number(id)
                    + QByteArrayLiteral(",\"method\":\"") + method + QByteArrayLiteral("\",\"params\":") + params
                    + '}');
    }

    QJsonObject initialize(const QString &version = QStringLiteral("2025-11-25"),
                           const QByteArray &capabilities = QByteArrayLiteral("{}"))
    {
        const QJsonObject r =
            call(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":")" + version.toUtf8()
                 + R"(","capabilities":)" + capabilities + R"(,"clientInfo":{"name":"harness","version":"1"}}})");
        feed(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        return r;
    }

    /// Waits until at least \a count messages were sent in total.
    bool waitForSent(qsizetype count, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                return sent.size() >= count;
            },
            timeoutMs * timeoutFactor());
    }

    static double timeoutFactor() { return testsupport::timeoutFactor(); }

    static QJsonObject parse(const QByteArray &json) { return QJsonDocument::fromJson(json).object(); }

    mcp::Server server;
    mcp::Session *session;
    QList<QByteArray> sent;
};
