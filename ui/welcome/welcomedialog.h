// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

namespace ui {

// The first-run window: what a DIMO developer license is and why DIMO Tray needs one, and three
// ways on: create a license (DIMO charges a fee, said before anything is committed), enter an
// existing one, or try demo mode. choice() says which; closing the window is Choice::Later.
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice {
        Later, // closed without choosing: ask again next time
        CreateLicense, // the provisioning flow (Login with DIMO, PROVISION_DEVELOPER_LICENSE)
        EnterLicense, // the Settings dialog
        DemoMode, // the DIMO simulator's test license
    };
    Q_ENUM(Choice)

    explicit WelcomeDialog(QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }

Q_SIGNALS:
    void chosen(ui::WelcomeDialog::Choice choice); // emitted once, just before the dialog closes

private:
    void choose(Choice choice);

    Choice m_choice = Choice::Later;
};

} // namespace ui
