// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace app {

class LoginProcess;

namespace tools {
class Backend;
}

// The tray's Login with DIMO flows in the embedded login window (the dimo-tray-login helper):
// log in, share vehicles (all, or one vehicle with the privileges it lacks), and the login the
// init_oauth tool asks for. The user JWT is verified by the DIMO client before it counts.
class LoginFlows : public QObject
{
    Q_OBJECT
public:
    explicit LoginFlows(tools::Backend &backend, QObject *parent = nullptr);

    void logIn();
    // Share vehicles with this license: `vehicles` preselected (empty = choose in the page),
    // `privileges` asked for (empty = DIMO's template 1: all six).
    void share(const QList<qint64> &vehicles = {}, const QList<int> &privileges = {});
    // init_oauth's login (DesktopHooks::openLoginWindow): the embedded window when the helper
    // exists; false otherwise, and the tool falls back to the loopback listener and a browser URL.
    bool openWindow(const QUrl &loginUrl);

    LoginProcess &process() { return *m_process; }

Q_SIGNALS:
    void openChanged(bool open);
    // Something the user should know (finished, failed), for a notification.
    void notify(const QString &title, const QString &message, bool warning);

private:
    bool start(const QUrl &loginUrl);

    tools::Backend &m_backend;
    LoginProcess *m_process;
};

} // namespace app
