// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcessEnvironment>

namespace app {

// The environment the tray starts its helpers with (the dimo-tray-login window): an allowlist of
// what a Qt/QtWebEngine GUI process needs (display, Wayland, X authority, XDG, D-Bus, locale,
// HOME/PATH/temp, proxies and certificates, QT_* / QTWEBENGINE_*, the Windows and macOS session
// basics) and the helper's own test hook DIMOTRAY_LOGIN_TEST_CLICK. Everything else stays behind:
// the license's DIMO_PRIVATE_KEY, DIMOTRAY_HTTP_TOKEN and any other secret the tray was started
// with never reach a child process.
QProcessEnvironment helperEnvironment(const QProcessEnvironment &from = QProcessEnvironment::systemEnvironment());

} // namespace app
