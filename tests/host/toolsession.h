// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/host/hostprocess.h"
#include "tests/support/dimosim.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QTemporaryDir>
#include <QVariantMap>

#include <memory>

// One MCP session with the DIMO tools: `dimo-tray --headless --demo --environment <sim file>`
// (own socket and XDG directories) and the real `mcp-dimo` shim in front of it.
class ToolSession
{
public:
    struct Options
    {
        QString approval = QStringLiteral("never"); // the stored setting (tools/approvalPolicy)
        QString approvalEnv; // DIMOTRAY_APPROVAL for the tray (empty: unset); it can only tighten
        QString toolset; // DIMOTRAY_TOOLSET (empty: unset)
        bool elicitation = false; // the client declares the elicitation capability
        QJsonObject capabilities; // more client capabilities for initialize (e.g. extensions)
        bool waitForSignIn = true; // retry check_vehicle_access_status until "Signed in: wallet"
        bool fleetMode = false; // FLEET_MODE=true
        bool keychain = false; // keep tokens in the keychain (DIMOTRAY_KEYCHAIN; off by default in tests)
        bool demo = true; // --demo (the simulator's demo license); false: DIMO_* from tray.environment()
    };

    // Starts tray + shim and initializes; false with a reason in *why.
    bool start(DimoSim &sim, const QString &directory, const Options &options, QString *why);
    // Another AI client on `host`'s tray: its own shim, its own MCP session (no sign-in wait).
    bool join(ToolSession &host, const Options &options, QString *why);

    // tools/call; answers the JSON-RPC `result` (or {"rpcError": error} on a JSON-RPC error).
    QJsonObject call(const QString &tool, const QJsonObject &arguments = {}, int timeoutMs = 30000);
    // Sends tools/call without waiting (with _meta.progressToken when given); answers its id.
    int sendCall(const QString &tool, const QJsonObject &arguments = {}, const QString &progressToken = {});
    // Notifications with this method read so far (e.g. notifications/progress).
    QList<QJsonObject> notifications(const QString &method) const;
    QJsonObject waitForResult(int id, int timeoutMs = 30000);
    // The next server → client request with this method (e.g. elicitation/create); {} on timeout.
    QJsonObject waitForRequest(const QString &method, int timeoutMs = 15000);
    void reply(const QJsonValue &id, const QJsonObject &result);
    QJsonArray listTools();
    // Any request; answers its `result` (or {"rpcError": error}).
    QJsonObject request(const QString &method, const QJsonObject &params = {}, int timeoutMs = 10000);

    // Closes the shim's stdin; true when it exited 0 and every stdout line was JSON-RPC.
    bool finish(QString *why);
    QString diagnostics(); // both stderr texts

    static QString text(const QJsonObject &result); // the first text content

    static bool isError(const QJsonObject &result) { return result.value(QStringLiteral("isError")).toBool(); }

    static QJsonObject structured(const QJsonObject &result)
    {
        return result.value(QStringLiteral("structuredContent")).toObject();
    }

    HostProcess tray;
    HostProcess shim;
    QJsonObject initializeResult; // what the server answered to initialize

private:
    bool connectShim(const Options &options, QString *why);
    QJsonObject nextMessage(int timeoutMs);
    QString m_socket;
    int m_nextId = 100;
    QList<QJsonObject> m_pending; // messages read while waiting for something else
};

// Writes the tray's settings file under `configHome` ($XDG_CONFIG_HOME): `values` by key, e.g.
// {"tools/approvalPolicy": "never"}.
bool writeTraySettings(const QString &configHome, const QVariantMap &values);

// A call to the simulator's control API that DimoSim has no method for, e.g.
// simControl(sim, "POST", u"/command-delay"_s, QJsonObject{{u"ms"_s, 300}}). {} on failure.
QJsonObject simControl(DimoSim &sim, const QByteArray &method, const QString &path, const QJsonObject &body = {});

// Every GraphQL document the tray sent to the simulator, validated against DIMO's real schemas
// with tests/dimosim/tools/validate-documents.mjs.
class ContractDocuments
{
public:
    // Collects the identity and telemetry documents in the simulator's request log (call before reset).
    void collect(DimoSim &sim);

    // Documents a test sent on purpose broken (not checked).
    void expectInvalid(const QString &document) { m_invalid.insert(document); }

    qsizetype size() const { return m_documents.size(); }

    // 0 valid, 1 invalid (message in *why), 3 the real schemas are absent.
    int validate(QString *why) const;

private:
    QJsonArray m_documents;
    QSet<QString> m_seen;
    QSet<QString> m_invalid;
};
