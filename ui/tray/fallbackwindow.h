// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/tray/traystate.h"

#include <QWidget>

class QLabel;

namespace ui {

class TrayMenu;

// Stands in for the tray icon on desktops without a system tray: a small window with the same
// menu entries, saying why it is there. Closing it only hides it; launching DIMO Tray again
// brings it back.
class FallbackWindow : public QWidget
{
    Q_OBJECT
public:
    explicit FallbackWindow(TrayMenu &menu, QWidget *parent = nullptr);

    void apply(const TrayPresentation &presentation, const QIcon &icon);

    static QString explanation();

private:
    QLabel *m_icon;
    QLabel *m_state;
};

} // namespace ui
