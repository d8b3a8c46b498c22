// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/options.h"

#include <QObject>

namespace app {

class DimoService;
class McpHost;
class StdioHost;
class TerminationWatcher;
class ActivationServer;
class Desktop;

// The composition root of dimo-tray: the MCP host, then (by mode) the desktop (tray icon and
// windows) or the stdio session, single-instance handling and clean termination. finished(exitCode) ends the run.
class Application : public QObject
{
    Q_OBJECT
public:
    explicit Application(Options options, QObject *parent = nullptr);
    ~Application() override;

    void start();

    McpHost &host() { return *m_host; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void handleReady();
    void handleAlreadyRunning();
    void handleFailed(const QString &error);
    void showDesktop();
    void startHttpFromSettings();
    void printEndpoints();
    void quit(int exitCode);

    Options m_options;
    McpHost *m_host = nullptr;
    DimoService *m_dimo = nullptr;
    StdioHost *m_stdio = nullptr;
    Desktop *m_desktop = nullptr;
    ActivationServer *m_activation = nullptr;
    TerminationWatcher *m_termination = nullptr;
};

// Creates the right application object for the mode (QApplication only with a desktop), runs
// the event loop and returns the exit code.
int run(int &argc, char **argv, const Options &options);

} // namespace app
