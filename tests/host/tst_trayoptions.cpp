// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// dimo-tray's command line (app::parseOptions), without starting anything.
#include "app/tray/options.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
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
        QVERIFY(m_dir.isValid());
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
                                                        u"--http-token-file"_s,
                                                        tokenFile(QFile::ReadOwner | QFile::WriteOwner),
                                                        u"--modern-era"_s,
                                                        u"--print-endpoints"_s,
                                                        u"--demo"_s,
                                                        u"--environment"_s,
                                                        u"env.json"_s});
        QCOMPARE(parsed.action, ParsedOptions::Action::Run);
        const Options &o = parsed.options;
        QCOMPARE(o.socketName, u"/tmp/x.sock"_s);
        QVERIFY(o.httpPort && *o.httpPort == 0);
        QCOMPARE(o.httpToken, "0123456789abcdef0123"_ba);
        QVERIFY(!o.insecureNoToken);
        QVERIFY(o.modernEra && o.printEndpoints && o.demo);
        QCOMPARE(o.environmentFile, u"env.json"_s);
    }

    void environmentOverrides()
    {
        qputenv("DIMOTRAY_MCP_SOCKET", "/tmp/from-env.sock");
        QCOMPARE(app::parseOptions({u"dimo-tray"_s}).options.socketName, u"/tmp/from-env.sock"_s);
        QCOMPARE(app::parseOptions({u"dimo-tray"_s, u"--socket"_s, u"/tmp/arg.sock"_s}).options.socketName,
                 u"/tmp/arg.sock"_s);
        qunsetenv("DIMOTRAY_MCP_SOCKET");
    }

    // The HTTP token comes from a private file only; tokenless HTTP needs the explicit test flag.
    void httpTokenSources()
    {
        const QString privateFile = tokenFile(QFile::ReadOwner | QFile::WriteOwner);
        const QString port = u"--http-port"_s;
        ParsedOptions parsed = app::parseOptions({u"dimo-tray"_s, port, u"0"_s, u"--http-token"_s, u"tok"_s});
        QCOMPARE(parsed.action, ParsedOptions::Action::Error);
        QVERIFY2(parsed.text.contains(u"--http-token-file"_s), qPrintable(parsed.text));

        parsed = app::parseOptions({u"dimo-tray"_s, port, u"0"_s});
        QCOMPARE(parsed.action, ParsedOptions::Action::Error);
        QVERIFY2(parsed.text.contains(u"--insecure-no-token"_s), qPrintable(parsed.text));

        parsed = app::parseOptions({u"dimo-tray"_s, port, u"0"_s, u"--insecure-no-token"_s});
        QCOMPARE(parsed.action, ParsedOptions::Action::Run);
        QVERIFY(parsed.options.insecureNoToken && parsed.options.httpToken.isEmpty());

        const QString shared = tokenFile(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        parsed = app::parseOptions({u"dimo-tray"_s, port, u"0"_s, u"--http-token-file"_s, shared});
        QCOMPARE(parsed.action, ParsedOptions::Action::Error);
        QVERIFY2(parsed.text.contains(u"chmod 600"_s), qPrintable(parsed.text));

        qputenv("DIMOTRAY_HTTP_TOKEN", "0123456789abcdef0123");
        parsed = app::parseOptions({u"dimo-tray"_s, port, u"0"_s, u"--http-token-file"_s, privateFile});
        qunsetenv("DIMOTRAY_HTTP_TOKEN");
        QCOMPARE(parsed.action, ParsedOptions::Action::Error);
        QVERIFY2(parsed.text.contains(u"DIMOTRAY_HTTP_TOKEN"_s), qPrintable(parsed.text));

        parsed = app::parseOptions({u"dimo-tray"_s, u"--http-token-file"_s, privateFile});
        QCOMPARE(parsed.action, ParsedOptions::Action::Error); // without --http-port

        const ParsedOptions help = app::parseOptions({u"dimo-tray"_s, u"--help"_s});
        QVERIFY(help.text.contains(u"--http-token-file"_s) && help.text.contains(u"--insecure-no-token"_s));
        QVERIFY(!help.text.contains(u"--http-token "_s) && !help.text.contains(u"DIMOTRAY_HTTP_TOKEN"_s));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("two modes") << QStringList{u"--headless"_s, u"--background"_s};
        QTest::newRow("bad port") << QStringList{u"--http-port"_s, u"99999"_s, u"--insecure-no-token"_s};
        QTest::newRow("not a port") << QStringList{u"--http-port"_s, u"abc"_s, u"--insecure-no-token"_s};
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

private:
    // A token file with \a permissions (a fresh file each call).
    QString tokenFile(QFile::Permissions permissions)
    {
        const QString path = m_dir.filePath(u"token%1"_s.arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write("0123456789abcdef0123\n") < 0) {
            return {};
        }
        file.close();
        file.setPermissions(permissions);
        return path;
    }

    QTemporaryDir m_dir;
    int m_files = 0;
};

QTEST_GUILESS_MAIN(TestTrayOptions)
#include "tst_trayoptions.moc"
