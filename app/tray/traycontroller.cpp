// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/traycontroller.h"

#include "app/tray/logging.h"
#include "app/tray/status.h"
#include "ui/tray/fallbackwindow.h"
#include "ui/tray/traymenu.h"

#include <QLoggingCategory>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace app {

TrayController::TrayController(StatusTracker &status, QObject *parent)
    : QObject(parent)
    , m_status(status)
    , m_menu(new ui::TrayMenu(this))
    , m_base(u":/dimotray/tray/icons/dimo-tray.png"_s)
{
    connect(&m_status, &StatusTracker::changed, this, &TrayController::apply);
}

TrayController::~TrayController()
{
    delete m_fallback;
}

void TrayController::show()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_icon = new QSystemTrayIcon(this);
        m_icon->setContextMenu(m_menu->menu());
        connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                Q_EMIT activated();
            }
        });
        apply(m_status.state());
        m_icon->show();
        qCInfo(lcApp) << "system tray icon shown";
        return;
    }
    qCInfo(lcApp) << "note: no system tray on this desktop; showing the DIMO Tray window instead";
    m_fallback = new ui::FallbackWindow(*m_menu);
    apply(m_status.state());
    m_fallback->show();
}

void TrayController::raise()
{
    if (m_fallback) {
        m_fallback->show();
        m_fallback->raise();
        m_fallback->activateWindow();
    }
    Q_EMIT activated();
}

void TrayController::notify(const QString &title, const QString &message, bool warning)
{
    qCInfo(lcApp).noquote() << "notification:" << title << "—" << message;
    Q_EMIT notified(title, message, warning);
    if (m_icon && QSystemTrayIcon::supportsMessages()) {
        m_icon->showMessage(title, message, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    }
}

void TrayController::apply(const ui::TrayState &state)
{
    const ui::TrayPresentation p = ui::present(state);
    m_menu->apply(p);
    const QIcon icon = ui::renderIcon(m_base, p);
    if (m_icon) {
        m_icon->setIcon(icon);
        m_icon->setToolTip(p.tooltip);
    }
    if (m_fallback) {
        m_fallback->apply(p, icon);
    }
    if (state.connection != m_last) {
        if (state.connection == ui::Connection::CredentialsRejected) {
            notify(tr("DIMO rejected the developer license"),
                   state.detail + u"\nCheck the client ID and API key in Settings."_s,
                   true);
        } else if (state.connection == ui::Connection::Unreachable) {
            notify(tr("DIMO is unreachable"), state.detail, true);
        }
        m_last = state.connection;
    }
}

} // namespace app
