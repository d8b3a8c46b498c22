// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

namespace app {

// Turns SIGTERM/SIGINT/SIGHUP (Unix) or console close/Ctrl+C (Windows) into a queued
// terminationRequested() on the main thread, so the app can quit cleanly and remove its socket.
// Platform code: signals_unix.cpp, signals_win.cpp. One instance at a time.
class TerminationWatcher : public QObject
{
    Q_OBJECT
public:
    explicit TerminationWatcher(QObject *parent = nullptr);
    ~TerminationWatcher() override;

Q_SIGNALS:
    void terminationRequested();
};

} // namespace app
