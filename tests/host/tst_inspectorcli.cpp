// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The MCP Inspector CLI (@modelcontextprotocol/inspector 2.12.0, Node 22) drives the real
// mcp-dimo over stdio against mcp-testserver's local socket (the engine with the conformance
// fixtures).
// Exits 77 (skipped) when tests/clients is not installed (scripts/install-mcp-clients).
#include "tests/host/hostprocess.h"
#include "tests/host/nodeclients.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestInspectorCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initialize();
    void toolsList();
    void toolsCall();
    void toolError();

private:
    // Runs the inspector CLI on the shim; returns its exit code, stdout in *out.
    int inspect(const QStringList &arguments, QByteArray *out);

    QTemporaryDir m_dir{QDir::tempPath() + u"/tst-insp-XXXXXX"_s};
    HostProcess m_tray;
};

void TestInspectorCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tray.startTestServer(m_dir.filePath(u"mcp.sock"_s)));
}

int TestInspectorCli::inspect(const QStringList &arguments, QByteArray *out)
{
    return nodeclients::runInspector(m_dir.path(), m_dir.filePath(u"mcp.sock"_s), arguments, out);
}

void TestInspectorCli::initialize()
{
    QByteArray out;
    QCOMPARE(inspect({u"--method"_s, u"initialize"_s, u"--format"_s, u"json"_s, u"-q"_s}, &out), 0);
    const QJsonObject result = QJsonDocument::fromJson(out).object().value(u"result"_s).toObject();
    QCOMPARE(result[u"serverInfo"_s][u"name"_s].toString(), u"mcp-testserver"_s);
    QVERIFY(!result[u"protocolVersion"_s].toString().isEmpty());
}

void TestInspectorCli::toolsList()
{
    QByteArray out;
    QCOMPARE(inspect({u"--method"_s, u"tools/list"_s, u"--format"_s, u"json"_s}, &out), 0);
    const QJsonArray tools = QJsonDocument::fromJson(out).object()[u"result"_s][u"tools"_s].toArray();
    QStringList names;
    for (const QJsonValue &tool : tools) {
        names.append(tool[u"name"_s].toString());
    }
    QVERIFY2(names.contains(u"test_simple_text"_s), qPrintable(names.join(u", "_s)));
    QVERIFY(names.contains(u"test_error_handling"_s));
}

void TestInspectorCli::toolsCall()
{
    QByteArray out;
    QCOMPARE(
        inspect({u"--method"_s, u"tools/call"_s, u"--tool-name"_s, u"test_simple_text"_s, u"--format"_s, u"json"_s},
                &out),
        0);
    const QJsonObject result = QJsonDocument::fromJson(out).object().value(u"result"_s).toObject();
    QCOMPARE(result[u"content"_s][0][u"text"_s].toString(), u"This is a simple text response for testing."_s);
}

void TestInspectorCli::toolError()
{
    QByteArray out;
    QCOMPARE(inspect({u"--method"_s, u"tools/call"_s, u"--tool-name"_s, u"test_error_handling"_s, u"-q"_s}, &out),
             5); // the inspector's exit code for an isError result
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (!nodeclients::inspectorInstalled()) {
        return 77;
    }
    TestInspectorCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_inspectorcli.moc"
