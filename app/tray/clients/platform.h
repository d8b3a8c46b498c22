// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace app {

/// The desktop OSes whose per-user file locations DIMO Tray knows.
enum class Os { Linux, MacOs, Windows };

/// The OS this binary was built for (every non-Apple, non-Windows OS counts as Linux: XDG rules).
Os currentOs();

/// The per-user base directories file locations are derived from. Absent values fall back as
/// documented on each member, so tests can pass only what they need.
struct PlatformDirs
{
    QString home; ///< the user's home directory
    QString xdgConfigHome; ///< Linux: $XDG_CONFIG_HOME; empty means home + "/.config"
    QString appData; ///< Windows: %APPDATA% (the roaming profile); empty means home + "\AppData\Roaming"
    QString localAppData; ///< Windows: %LOCALAPPDATA%; empty means home + "\AppData\Local"

    /// The running user's directories (QDir::homePath(), $XDG_CONFIG_HOME, %APPDATA%, %LOCALAPPDATA%).
    static PlatformDirs current();

    /// XDG config home with its fallback ($XDG_CONFIG_HOME must be absolute to count, as the spec says).
    QString configHome() const;
    /// %APPDATA% with its fallback.
    QString roamingAppData() const;
    /// %LOCALAPPDATA% with its fallback.
    QString localAppDataDir() const;
};

/// The shim's absolute path: applicationDirPath()/mcp-dimo (+".exe" on Windows).
QString shimPath();
/// The shim's path in `dir` for `os` (pure).
QString shimPathIn(const QString &dir, Os os);

} // namespace app
