// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/host/toolsession.h"

#include <QDateTime>
#include <QDebug>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// `days` days before now, ISO 8601 UTC (tool arguments such as startDate).
inline QString daysAgo(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODate);
}

// A telemetry_query document the simulator answers for every vehicle with data.
inline const QString LatestSpeedQuery =
    QStringLiteral("query($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { speed { value } } }");

// What the tst_tools_* suites share: one simulator per suite (reset before each test), the
// GraphQL documents it saw collected after each test for the contract check, and one tray +
// shim session per test in a directory of its own.
struct ToolFixture
{
    DimoSim sim;
    ContractDocuments contract;
    QTemporaryDir dir{QDir::tempPath() + QStringLiteral("/tst-tools-XXXXXX")};
    int sessions = 0;

    // initTestCase()
    bool startSimulator(QString *error)
    {
        QStandardPaths::setTestModeEnabled(true);
        return sim.start(error);
    }

    // cleanup()
    void afterTest()
    {
        contract.collect(sim);
        sim.dumpOnFailure();
    }

    bool startSession(ToolSession &session, const ToolSession::Options &options = {})
    {
        QString why;
        const bool ok = session.start(sim, dir.filePath(QStringLiteral("s%1").arg(++sessions)), options, &why);
        if (!ok) {
            qWarning().noquote() << why;
        }
        return ok;
    }
};

// The initTestCase / init / cleanup of a suite with a ToolFixture `m_fx` and no set-up of its own:
// the simulator started once, reset before each test, its documents collected after each.
#define TOOL_SUITE_SETUP(Suite)                                                                                        \
    void Suite::initTestCase()                                                                                         \
    {                                                                                                                  \
        QString why_;                                                                                                  \
        QVERIFY2(m_fx.startSimulator(&why_), qPrintable(why_));                                                        \
    }                                                                                                                  \
    void Suite::init()                                                                                                 \
    {                                                                                                                  \
        QVERIFY(m_fx.sim.reset());                                                                                     \
    }                                                                                                                  \
    void Suite::cleanup()                                                                                              \
    {                                                                                                                  \
        m_fx.afterTest();                                                                                              \
    }

// contractOfEveryDocument(), the last test of a tst_tools_* suite: the GraphQL documents its tests
// sent (at least `minimum` distinct ones) validate against DIMO's real schemas; skips without them.
#define VERIFY_CONTRACT(fixture, minimum)                                                                              \
    do {                                                                                                               \
        QVERIFY2((fixture).contract.size() >= (minimum), qPrintable(QString::number((fixture).contract.size())));      \
        QString why_;                                                                                                  \
        const int rc_ = (fixture).contract.validate(&why_);                                                            \
        qInfo().noquote() << why_.trimmed();                                                                           \
        if (rc_ == 3) {                                                                                                \
            QSKIP(qPrintable(why_));                                                                                   \
        }                                                                                                              \
        QVERIFY2(rc_ == 0, qPrintable(why_));                                                                          \
    } while (false)

// Ends a session: the shim exits 0 and every line it wrote was JSON-RPC.
#define VERIFY_FINISH(session)                                                                                         \
    do {                                                                                                               \
        QString why_;                                                                                                  \
        QVERIFY2((session).finish(&why_), qPrintable(why_));                                                           \
    } while (false)
