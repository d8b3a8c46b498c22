// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace ui {

// The one state the tray shows (README "The tray icon"). The app computes it from the license,
// the DIMO session and the last DIMO answer; icon, tooltip and menu are a pure function of it.
enum class Connection {
    NotConfigured, // no developer license (no settings, no environment variables)
    SignedOut, // a license, but nobody signed in with Login with DIMO (user mode)
    SigningIn, // the login window is open, or a sign-in is being verified
    Connected, // signed in (or fleet mode with a working license); `vehicles` reachable
    Unreachable, // DIMO did not answer (network, DNS, TLS, timeout)
    CredentialsRejected, // DIMO refused the license (client ID / API key)
};

struct TrayState
{
    Connection connection = Connection::NotConfigured;
    int vehicles = 0;
    bool fleet = false;
    bool demo = false; // demo mode: the DIMO simulator
    int activeCalls = 0; // AI tool calls running now (the activity mark)
    int clients = 0; // connected AI clients
    QString detail; // one sentence for Unreachable / CredentialsRejected
    QString approval; // the command approval policy in force and its source: "ask (settings)"
    QString credits; // DIMO credits left (tooltip): "4,210 left on 3 vehicles · lowest: 24558, 12 left"

    bool operator==(const TrayState &) const = default;
};

struct TrayPresentation
{
    QString stateLine; // the menu's first line, e.g. "Connected — 3 vehicles"
    QString tooltip;
    QColor badge; // the status dot painted on the icon
    bool busy = false; // the activity mark
    QString loginText; // "Log in…" or "Log out"
    bool signedIn = false; // the login action logs out
    bool canLogIn = false; // a license exists, so Log in / Share vehicles make sense
    bool vehiclesEnabled = false;
};

QString toString(Connection connection);
TrayPresentation present(const TrayState &state);
// The tray icon: `base` with the status dot (bottom right) and, when busy, the activity mark
// (top right). Sizes 16–64 px.
QIcon renderIcon(const QIcon &base, const TrayPresentation &presentation);

} // namespace ui
