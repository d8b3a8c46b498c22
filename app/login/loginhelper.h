// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QObject>

class QCommandLineParser;

namespace mcp::wire {
class StdinReader;
}

namespace ui {
class LoginWindow;
}

namespace app {

// The dimo-tray-login process: one LoginWindow driven by the tray over JSON lines.
//   helper → tray (stdout): {"event":"redirect","url"}, {"event":"provisioned","clientId","tokenId"[,"privateKey"]},
//                           {"event":"error","message"} (shown with Retry), {"event":"closed"}
//   tray → helper (stdin):  {"event":"verified","ok","message"}, {"event":"raise"}
// The process exits 0 after a verified success or when the user closes the window, and when
// stdin closes (the tray is gone). Nothing secret is written to stderr.
class LoginHelper : public QObject
{
    Q_OBJECT
public:
    explicit LoginHelper(QObject *parent = nullptr);
    ~LoginHelper() override;

    static void addOptions(QCommandLineParser &parser);
    // Reads the options and opens the window; false (with a message on stderr) if they are unusable.
    bool start(const QCommandLineParser &parser);

private:
    bool openFlow(const QCommandLineParser &parser); // --login or --provision, checked
    void forwardWindowEvents(); // window signals → JSON lines on stdout
    void saveScreenshotWhenReady(const QString &file);
    void listenToTray(); // JSON lines on stdin; exits when stdin closes
    void send(const QJsonObject &message);
    void handleLine(const QByteArray &line);

    ui::LoginWindow *m_window = nullptr;
    mcp::wire::StdinReader *m_stdin = nullptr;
};

} // namespace app
