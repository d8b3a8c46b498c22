// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// dimo-tray's command line (app::parseOptions), without starting anything.
#include "app/tray/options.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using app::Options;
using app::ParsedOptions;

class TestTrayOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("DIMOTRAY_MCP_SOCKET");
        qunsetenv("DIMOTRAY_HTTP_TOKEN");
    }

    void defaults()
    {
        const ParsedOptions parsed = app::parseOptions({u"dimo-tray"_s});
        QCOMPARE(parsed.action, ParsedOptions::Action::Run);
        QCOMPARE(parsed.options.mode, Options::Mode::Tray);
        QVERIFY(parsed.options.socketName.endsWith(u"/app/dimo-tray/mcp.sock"_s));
        QVERIFY(!parsed.options.httpPort);
        QVERIFY(!parsed.options.modernEra);
    }

    void modes_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<Options::Mode>("mode");
        QTest::newRow("headless") << u"--headless"_s << Options::Mode::Headless;
        QTest::newRow("background") << u"--background"_s << Options::Mode::Background;
        QTest::newRow("stdio") << u"--stdio"_s << Options::Mode::Stdio;
    }

    void modes()
    {
        QFETCH(QString, flag);
        QFETCH(Options::Mode, mode);
        QCOMPARE(app::parseOptions({u"dimo-tray"_s, flag}).options.mode, mode);
    }

    void everything()
    {
        const ParsedOptions parsed = app::parseOptions({u"dimo-tray"_s,
                                                        u"--headless"_s,
                                                        u"--socket"_s,
                                                        u"/tmp/x.sock"_s,
                                                        u"--http-port"_s,
                                                        u"0"_s,
                                                        u"--http-token"_s,
                                                        u"tok"_s,
                                                        u"--modern-era"_s,
                                                        u"--print-endpoints"_s,
                                                        u"--demo"_s,
                                                        u"--environment"_s,
                                                        u"env.json"_s});
        QCOMPARE(parsed.action, ParsedOptions::Action::Run);
        const Options &o = parsed.options;
        QCOMPARE(o.socketName, u"/tmp/x.sock"_s);
        QVERIFY(o.httpPort && *o.httpPort == 0);
        QCOMPARE(o.httpToken, "tok"_ba);
        QVERIFY(o.modernEra && o.printEndpoints && o.demo);
        QCOMPARE(o.environmentFile, u"env.json"_s);
    }

    void environmentOverrides()
    {
        qputenv("DIMOTRAY_MCP_SOCKET", "/tmp/from-env.sock");
        qputenv("DIMOTRAY_HTTP_TOKEN", "envtok");
        const ParsedOptions parsed = app::parseOptions({u"dimo-tray"_s, u"--http-port"_s, u"8080"_s});
        QCOMPARE(parsed.options.socketName, u"/tmp/from-env.sock"_s);
        QCOMPARE(parsed.options.httpToken, "envtok"_ba);
        QCOMPARE(app::parseOptions({u"dimo-tray"_s, u"--socket"_s, u"/tmp/arg.sock"_s}).options.socketName,
                 u"/tmp/arg.sock"_s);
        qunsetenv("DIMOTRAY_MCP_SOCKET");
        qunsetenv("DIMOTRAY_HTTP_TOKEN");
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("two modes") << QStringList{u"--headless"_s, u"--background"_s};
        QTest::newRow("bad port") << QStringList{u"--http-port"_s, u"99999"_s};
        QTest::newRow("not a port") << QStringList{u"--http-port"_s, u"abc"_s};
        QTest::newRow("unknown") << QStringList{u"--frobnicate"_s};
        // The conformance fixtures are test code (mcp-testserver), not part of the product.
        QTest::newRow("fixtures") << QStringList{u"--conformance-fixtures"_s};
        QTest::newRow("positional") << QStringList{u"extra"_s};
        QTest::newRow("stdio+endpoints") << QStringList{u"--stdio"_s, u"--print-endpoints"_s};
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        const ParsedOptions parsed = app::parseOptions(QStringList{u"dimo-tray"_s} + arguments);
        QCOMPARE(parsed.action, ParsedOptions::Action::Error);
        QVERIFY(!parsed.text.isEmpty());
    }

    void helpAndVersion()
    {
        const ParsedOptions help = app::parseOptions({u"dimo-tray"_s, u"--help"_s});
        QCOMPARE(help.action, ParsedOptions::Action::ShowHelp);
        QVERIFY(help.text.contains(u"--print-endpoints"_s));
        QVERIFY(help.text.contains(u"dimo-tray"_s));
        const ParsedOptions version = app::parseOptions({u"dimo-tray"_s, u"--version"_s});
        QCOMPARE(version.action, ParsedOptions::Action::ShowVersion);
        QCOMPARE(version.text, u"dimo-tray "_s + QStringLiteral(DIMOTRAY_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestTrayOptions)
#include "tst_trayoptions.moc"
