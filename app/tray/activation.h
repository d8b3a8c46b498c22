// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace app {

// One instance per user: the running tray listens on "<MCP socket>-activate"; a second
// `dimo-tray` launch (not --background) connects there, asks the first to show itself, and exits.
class ActivationServer : public QObject
{
    Q_OBJECT
public:
    explicit ActivationServer(const QString &mcpSocketName, QObject *parent = nullptr);

    // Call only once this process owns the MCP socket (a stale activation socket is replaced).
    bool listen();

    static QString nameFor(const QString &mcpSocketName);
    // The second instance: asks the running one to show itself; false when nobody listens.
    static bool requestActivation(const QString &mcpSocketName, int timeoutMs = 2000);

Q_SIGNALS:
    void activationRequested();

private:
    QLocalServer *m_server;
    QString m_name;
};

} // namespace app
