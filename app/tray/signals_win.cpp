// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Windows: a console control handler (Ctrl+C, Ctrl+Break, console close, logoff, shutdown)
// posts terminationRequested() to the main thread.
#include "app/tray/terminationwatcher.h"

#include <QPointer>

#include <windows.h>

namespace app {

namespace {

QPointer<TerminationWatcher> s_watcher;

BOOL WINAPI handleConsoleEvent(DWORD)
{
    if (TerminationWatcher *watcher = s_watcher.data()) {
        QMetaObject::invokeMethod(
            watcher,
            [watcher] {
                Q_EMIT watcher->terminationRequested();
            },
            Qt::QueuedConnection);
        return TRUE;
    }
    return FALSE;
}

} // namespace

TerminationWatcher::TerminationWatcher(QObject *parent)
    : QObject(parent)
{
    s_watcher = this;
    SetConsoleCtrlHandler(handleConsoleEvent, TRUE);
}

TerminationWatcher::~TerminationWatcher()
{
    SetConsoleCtrlHandler(handleConsoleEvent, FALSE);
    s_watcher = nullptr;
}

} // namespace app
