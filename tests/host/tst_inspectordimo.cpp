// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The MCP Inspector CLI (@modelcontextprotocol/inspector 2.12.0, Node 22) calls DIMO tools through
// the real mcp-dimo shim in front of `dimo-tray --headless --demo --environment <simulator file>`:
// tools/list, then check_vehicle_access_status, vin_decode and telemetry_get_latest_signals on
// the simulator's vehicle 24567, and a refused VIN.
// Skipped (77) when tests/clients is not installed (scripts/install-mcp-clients).
#include "tests/host/hostprocess.h"
#include "tests/host/nodeclients.h"
#include "tests/support/dimosim.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

class TestInspectorDimo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void toolsList();
    void accessStatus();
    void vinDecode();
    void latestSignals();

private:
    // Runs the inspector CLI on the shim (--format json); returns its exit code, the JSON in *out.
    int inspect(const QStringList &arguments, QJsonObject *out);
    // tools/call with --tool-args-json; the result object (or {} when the inspector failed).
    int call(const QString &tool, const QJsonObject &arguments, QJsonObject *result);

    QTemporaryDir m_dir{QDir::tempPath() + u"/tst-inspdimo-XXXXXX"_s};
    DimoSim m_sim;
    HostProcess m_tray;
};

void TestInspectorDimo::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_sim.start(&error), qPrintable(error));
    for (const auto &[key, sub] : {std::pair{"XDG_CONFIG_HOME", "config"},
                                   {"XDG_CACHE_HOME", "cache"},
                                   {"XDG_DATA_HOME", "data"},
                                   {"XDG_STATE_HOME", "state"}}) {
        m_tray.environment().insert(QString::fromLatin1(key), m_dir.filePath(QString::fromLatin1(sub)));
    }
    // Commands run without asking: the user's stored setting ($DIMOTRAY_APPROVAL can only tighten).
    QSettings settings(m_dir.filePath(u"config/dimo-tray/dimo-tray.conf"_s), QSettings::IniFormat);
    settings.setValue(u"tools/approvalPolicy"_s, u"never"_s);
    settings.sync();
    m_tray.environment().remove(u"DIMOTRAY_APPROVAL"_s);
    m_tray.environment().insert(u"DIMOTRAY_KEYCHAIN"_s, u"off"_s);
    m_tray.environment().remove(u"DIMOTRAY_TOOLSET"_s);
    m_tray.environment().remove(u"FLEET_MODE"_s);
    QVERIFY(
        m_tray.startTray(m_dir.filePath(u"mcp.sock"_s), {u"--demo"_s, u"--environment"_s, m_sim.environmentFile()}));
}

int TestInspectorDimo::inspect(const QStringList &arguments, QJsonObject *out)
{
    QByteArray text;
    const int exitCode = nodeclients::runInspector(
        m_dir.path(), m_dir.filePath(u"mcp.sock"_s), arguments + QStringList{u"--format"_s, u"json"_s}, &text);
    *out = QJsonDocument::fromJson(text).object();
    return exitCode;
}

int TestInspectorDimo::call(const QString &tool, const QJsonObject &arguments, QJsonObject *result)
{
    QJsonObject out;
    const QString json = QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact));
    const int rc = inspect({u"--method"_s, u"tools/call"_s, u"--tool-name"_s, tool, u"--tool-args-json"_s, json}, &out);
    *result = out.value(u"result"_s).toObject();
    return rc;
}

void TestInspectorDimo::toolsList()
{
    QJsonObject out;
    QCOMPARE(inspect({u"--method"_s, u"tools/list"_s}, &out), 0);
    const QJsonArray tools = out[u"result"_s][u"tools"_s].toArray();
    QStringList names;
    for (const QJsonValue &tool : tools) {
        names.append(tool[u"name"_s].toString());
        QVERIFY2(tool[u"annotations"_s][u"readOnlyHint"_s].isBool(), qPrintable(names.last()));
    }
    QCOMPARE(names.size(), 36);
    for (const QString &name : {u"check_vehicle_access_status"_s,
                                u"vin_decode"_s,
                                u"telemetry_get_latest_signals"_s,
                                u"lock_doors"_s,
                                u"attestation_create_vin"_s}) {
        QVERIFY2(names.contains(name), qPrintable(name));
    }
}

void TestInspectorDimo::accessStatus()
{
    // Demo mode signs in as the simulator's first test user right after start.
    QString text;
    for (int attempt = 0; attempt < 20 && !text.contains(u"Signed in: wallet"_s); ++attempt) {
        QJsonObject result;
        QCOMPARE(call(u"check_vehicle_access_status"_s, {}, &result), 0);
        text = result[u"content"_s][0][u"text"_s].toString();
        if (!text.contains(u"Signed in: wallet"_s)) {
            QThread::msleep(250);
        }
    }
    QVERIFY2(text.contains(u"Signed in: wallet"_s), qPrintable(text));
    QVERIFY2(text.contains(u"24567"_s) && text.contains(u"Tesla"_s), qPrintable(text));
}

void TestInspectorDimo::vinDecode()
{
    QJsonObject result;
    QCOMPARE(call(u"vin_decode"_s, {{u"vin"_s, u"5YJA1E5A0PF024567"_s}}, &result), 0);
    const QJsonObject decoded = result[u"structuredContent"_s].toObject();
    QCOMPARE(decoded[u"year"_s].toInt(), 2023);
    QCOMPARE(decoded[u"make"_s].toString(), u"Tesla"_s);
    QCOMPARE(decoded[u"model"_s].toString(), u"Model 3"_s);
    QCOMPARE(decoded[u"countryCode"_s].toString(), u"USA"_s);
    QVERIFY2(decoded[u"deviceDefinitionId"_s].toString().contains(u"model-3"_s),
             QJsonDocument(decoded).toJson().constData());

    // A changed check digit is refused before anything is sent: the inspector exits 5 on isError.
    const int before = m_sim.count(u"deviceDefinitions"_s);
    QCOMPARE(call(u"vin_decode"_s, {{u"vin"_s, u"5YJA1E5A1PF024567"_s}}, &result), 5);
    QCOMPARE(m_sim.count(u"deviceDefinitions"_s), before);
}

void TestInspectorDimo::latestSignals()
{
    QJsonObject result;
    QCOMPARE(call(u"telemetry_get_latest_signals"_s,
                  {{u"tokenId"_s, 24567}, {u"signalNames"_s, QJsonArray{u"speed"_s, u"currentLocationCoordinates"_s}}},
                  &result),
             0);
    const QJsonObject out = result[u"structuredContent"_s].toObject();
    QCOMPARE(out[u"tokenId"_s].toInteger(), 24567);
    QCOMPARE(out[u"signals"_s][u"speed"_s][u"unit"_s].toString(), u"km/h"_s);
    QVERIFY(out[u"signals"_s][u"currentLocationCoordinates"_s][u"value"_s][u"latitude"_s].isDouble());
    QCOMPARE(out[u"freshness"_s][u"stale"_s].toBool(true), false);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (!nodeclients::inspectorInstalled()) {
        return 77;
    }
    TestInspectorDimo test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_inspectordimo.moc"
