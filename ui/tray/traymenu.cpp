// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/tray/traymenu.h"

#include <QAction>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace ui {

TrayMenu::TrayMenu(QObject *parent)
    : QObject(parent)
    , m_menu(new QMenu)
{
    m_state = m_menu->addAction(QString());
    m_state->setEnabled(false);
    m_menu->addSeparator();
    m_vehicles = m_menu->addAction(tr("Vehicles…"), this, &TrayMenu::vehiclesRequested);
    m_login = m_menu->addAction(tr("Log in…"), this, [this] {
        if (m_signedIn) {
            Q_EMIT logOutRequested();
        } else {
            Q_EMIT logInRequested();
        }
    });
    m_share = m_menu->addAction(tr("Share vehicles…"), this, &TrayMenu::shareRequested);
    m_menu->addSeparator();
    m_settings = m_menu->addAction(tr("Settings…"), this, &TrayMenu::settingsRequested);
    m_connect = m_menu->addAction(tr("Connect an AI client…"), this, &TrayMenu::connectRequested);
    m_activity = m_menu->addAction(tr("Activity…"), this, &TrayMenu::activityRequested);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("Quit"), this, &TrayMenu::quitRequested);
    m_quit->setMenuRole(QAction::QuitRole);
    m_settings->setMenuRole(QAction::PreferencesRole);
}

TrayMenu::~TrayMenu()
{
    delete m_menu;
}

void TrayMenu::apply(const TrayPresentation &presentation)
{
    m_state->setText(presentation.stateLine);
    m_signedIn = presentation.signedIn;
    m_login->setText(presentation.loginText);
    m_login->setEnabled(presentation.canLogIn);
    m_share->setEnabled(presentation.canLogIn);
    m_vehicles->setEnabled(presentation.vehiclesEnabled);
}

QList<QAction *> TrayMenu::actions() const
{
    return {m_state, m_vehicles, m_login, m_share, m_settings, m_connect, m_activity, m_quit};
}

} // namespace ui
