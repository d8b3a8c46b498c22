// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// The tool-registration example of mcp/README.md, compiled and run. The README shows the lines
// between the `snippet` markers below verbatim; the ctest `readme-snippets` (label `checks`)
// fails when the two differ. A tiny fake of dimo/ stands in for the DIMO client (mcp tests do not
// link dimo): same names and shapes as dimo::Client::vehicle(), dimo::VehicleJob and dimo::Result.
#include "mcp/schema.h"
#include "mcp/server.h"
#include "tests/mcp/sessionharness.h"

#include <QJsonArray>
#include <QPointer>
#include <QStandardPaths>
#include <QTest>

#include <variant>

using namespace Qt::StringLiterals;

namespace dimo {

struct Error
{
    QString message;
};

template <class T> class Result
{
public:
    Result(T value)
        : m_v(std::move(value))
    {}

    Result(Error error)
        : m_v(std::move(error))
    {}

    explicit operator bool() const { return m_v.index() == 0; }

    const T &operator*() const { return std::get<0>(m_v); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Vehicle
{
    QString make;
    QString model;
    int year = 0;
};

/// Finishes exactly once (here: when the test says so, or on cancel()), then deletes itself.
class VehicleJob : public QObject
{
    Q_OBJECT
public:
    void cancel() { finish(Error{u"Cancelled"_s}); }

    void finish(const Result<Vehicle> &result)
    {
        if (!m_finished) {
            m_finished = true;
            Q_EMIT finished(result);
            deleteLater();
        }
    }

Q_SIGNALS:
    void finished(const dimo::Result<dimo::Vehicle> &vehicle);

private:
    bool m_finished = false;
};

class Client
{
public:
    VehicleJob *vehicle(qint64 tokenId)
    {
        requested.append(tokenId);
        jobs.append(new VehicleJob);
        return jobs.last();
    }

    QList<qint64> requested;
    QList<QPointer<VehicleJob>> jobs;
};

QJsonObject toJson(const Vehicle &v)
{
    return {{u"make"_s, v.make}, {u"model"_s, v.model}, {u"year"_s, v.year}};
}

} // namespace dimo

namespace {

void registerTools(mcp::Server &server, dimo::Client *client)
{
    // snippet-begin: register-tool
    server.registry().addTool(mcp::Tool{
        u"get_vehicle"_s,
        u"Get vehicle"_s,
        u"Make, model and year of one vehicle."_s,
        mcp::schema::object({{u"tokenId"_s, mcp::schema::integer(u"Vehicle token id"_s, 1)}}, {u"tokenId"_s}),
        /*outputSchema*/ {},
        mcp::ToolAnnotations::readOnly(u"Get vehicle"_s),
        /*icons*/ {},
        [client](const QJsonObject &args, mcp::Responder r) {
            dimo::VehicleJob *job = client->vehicle(args.value("tokenId"_L1).toInteger());
            r.onCancelled([job = QPointer(job)] {
                if (job) {
                    job->cancel();
                }
            });
            QObject::connect(job, &dimo::VehicleJob::finished, job, [r = std::move(r)](const auto &result) mutable {
                if (!result) {
                    r.fail(u"DIMO said: "_s + result.error().message); // isError: true
                    return;
                }
                r.resolve(mcp::ToolResult::structured(dimo::toJson(*result))); // + compact text mirror
            });
        }});
    // snippet-end: register-tool
}

QByteArray callVehicle(int id, const char *tokenId)
{
    return QByteArray(R"({"jsonrpc":"2.0","id":)") + QByteArray::number(id)
        + R"(,"method":"tools/call","params":{"name":"get_vehicle","arguments":{"tokenId":)" + tokenId + "}}}";
}

} // namespace

class TestMcpReadmeExample : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void resolvesWithStructuredContent()
    {
        SessionHarness h;
        dimo::Client client;
        registerTools(h.server, &client);
        h.initialize();
        QVERIFY(h.feed(callVehicle(2, "42")).isEmpty()); // answered when the job finishes
        QCOMPARE(client.requested, QList<qint64>{42});
        client.jobs.last()->finish(dimo::Vehicle{u"Tesla"_s, u"Model 3"_s, 2021});
        const QJsonObject result = QJsonDocument::fromJson(h.sent.last()).object().value("result"_L1).toObject();
        QCOMPARE(result.value("structuredContent"_L1)["model"_L1].toString(), u"Model 3"_s);
        QCOMPARE(result.value("isError"_L1).toBool(), false);
        QVERIFY(result.value("content"_L1)[0]["text"_L1].toString().contains("Tesla"_L1));
    }

    void failsAsToolError()
    {
        SessionHarness h;
        dimo::Client client;
        registerTools(h.server, &client);
        h.initialize();
        h.feed(callVehicle(2, "7"));
        client.jobs.last()->finish(dimo::Error{u"vehicle 7 not found"_s});
        const QJsonObject result = QJsonDocument::fromJson(h.sent.last()).object().value("result"_L1).toObject();
        QCOMPARE(result.value("isError"_L1).toBool(), true);
        QCOMPARE(result.value("content"_L1)[0]["text"_L1].toString(), u"DIMO said: vehicle 7 not found"_s);
    }

    void cancellationCancelsTheJob()
    {
        SessionHarness h;
        dimo::Client client;
        registerTools(h.server, &client);
        h.initialize();
        h.feed(callVehicle(2, "7"));
        QPointer<dimo::VehicleJob> job = client.jobs.last();
        const qsizetype before = h.sent.size();
        h.feed(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":2}})");
        QTRY_VERIFY(!job); // cancelled, finished and deleted
        QCOMPARE(h.sent.size(), before); // no response after notifications/cancelled
    }

    void invalidArgumentsNeverReachTheHandler()
    {
        SessionHarness h;
        dimo::Client client;
        registerTools(h.server, &client);
        h.initialize();
        const QJsonObject r = h.call(callVehicle(2, "0"));
        QCOMPARE(r.value("result"_L1)["isError"_L1].toBool(), true);
        QVERIFY(client.requested.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMcpReadmeExample)
#include "tst_mcpreadmeexample.moc"
