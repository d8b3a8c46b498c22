// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/tray/traystate.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
// Translation context for the free functions here (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ui::TrayState)
};
} // namespace

namespace {

QString vehiclesText(int n)
{
    return n == 1 ? Text::tr("1 vehicle") : Text::tr("%1 vehicles").arg(n);
}

QString clientsText(int n)
{
    if (n == 0) {
        return Text::tr("no AI client connected");
    }
    return n == 1 ? Text::tr("1 AI client connected") : Text::tr("%1 AI clients connected").arg(n);
}

} // namespace

QString toString(Connection connection)
{
    switch (connection) {
    case Connection::NotConfigured:
        return Text::tr("Not configured");
    case Connection::SignedOut:
        return Text::tr("Signed out");
    case Connection::SigningIn:
        return Text::tr("Signing in…");
    case Connection::Connected:
        return Text::tr("Connected");
    case Connection::Unreachable:
        return Text::tr("DIMO unreachable");
    case Connection::CredentialsRejected:
        return Text::tr("Credentials rejected");
    }
    return {};
}

TrayPresentation present(const TrayState &state)
{
    TrayPresentation p;
    p.stateLine = toString(state.connection);
    switch (state.connection) {
    case Connection::NotConfigured:
        p.stateLine = Text::tr("Not configured — add a developer license in Settings");
        p.badge = QColor(0x9e, 0x9e, 0x9e);
        break;
    case Connection::SignedOut:
        p.stateLine = state.fleet ? Text::tr("Signed out") : Text::tr("Signed out — log in to reach your vehicles");
        p.badge = QColor(0x9e, 0x9e, 0x9e);
        break;
    case Connection::SigningIn:
        p.badge = QColor(0xf5, 0xa6, 0x23);
        break;
    case Connection::Connected:
        p.stateLine = Text::tr("Connected — ") + vehiclesText(state.vehicles);
        p.badge = QColor(0x2e, 0xb8, 0x5c);
        break;
    case Connection::Unreachable:
    case Connection::CredentialsRejected:
        p.badge = QColor(0xd9, 0x3f, 0x3f);
        break;
    }
    if (state.demo) {
        p.stateLine = Text::tr("Demo mode · ") + p.stateLine;
    }
    p.busy = state.activeCalls > 0;
    QString tooltip = Text::tr("DIMO Tray — ") + p.stateLine;
    if (!state.detail.isEmpty()
        && (state.connection == Connection::Unreachable || state.connection == Connection::CredentialsRejected)) {
        tooltip += u"\n"_s + state.detail;
    }
    tooltip += u"\n"_s + clientsText(state.clients);
    if (p.busy) {
        tooltip += state.activeCalls == 1 ? Text::tr(" · 1 call running")
                                          : Text::tr(" · %1 calls running").arg(state.activeCalls);
    }
    if (!state.approval.isEmpty()) {
        tooltip += Text::tr("\nCommand approval: ") + state.approval;
    }
    if (!state.credits.isEmpty() && state.connection == Connection::Connected) {
        tooltip += Text::tr("\nDIMO credits: ") + state.credits;
    }
    p.tooltip = tooltip;
    p.canLogIn = state.connection != Connection::NotConfigured;
    // Fleet mode reads every shared vehicle with the license alone: there is nobody to log out.
    p.signedIn = state.connection == Connection::Connected && !state.fleet;
    p.loginText = p.signedIn ? Text::tr("Log out") : Text::tr("Log in…");
    p.vehiclesEnabled = state.connection != Connection::NotConfigured;
    return p;
}

QIcon renderIcon(const QIcon &base, const TrayPresentation &presentation)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        // QIcon never scales up: make every size exactly `size`, or a larger size would replace it.
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        base.paint(&painter, QRect(0, 0, size, size));
        const qreal dot = size * 0.42;
        const QRectF badge(size - dot, size - dot, dot, dot);
        painter.setPen(QPen(Qt::white, qMax(1.0, size / 16.0)));
        painter.setBrush(presentation.badge);
        painter.drawEllipse(badge.adjusted(0.5, 0.5, -0.5, -0.5));
        if (presentation.busy) {
            const QRectF mark(size - dot, 0, dot, dot);
            painter.setBrush(QColor(0x1e, 0x88, 0xe5));
            painter.drawEllipse(mark.adjusted(0.5, 0.5, -0.5, -0.5));
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace ui
