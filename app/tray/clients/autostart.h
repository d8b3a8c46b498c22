// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace app {

/// The outcome of changing the start-at-login entry.
struct AutostartResult
{
    bool ok = true;
    QString error; ///< developer English naming the file or key (when !ok)

    explicit operator bool() const { return ok; }
};

/// "Start at login" for the running user: dimo-tray started with `--background` when the user
/// logs in. One implementation per platform (autostart_linux.cpp, autostart_mac.cpp,
/// autostart_win.cpp); the entry contents are pure functions below, tested on every OS.
class Autostart
{
public:
    /// The running dimo-tray (QCoreApplication::applicationFilePath()) in the platform's place.
    Autostart();
    /// `executable`: the absolute dimo-tray path to start. `base`: where the platform keeps the
    /// entry — Linux: the XDG config home (entry `base/autostart/dimo-tray.desktop`); macOS: the
    /// home directory (`base/Library/LaunchAgents/io.github.dimotray.plist`); Windows: the
    /// registry key (`HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run`).
    Autostart(QString executable, QString base);

    bool isEnabled() const;
    /// Writes (enabled) or removes (disabled) the entry. Disabling without an entry is fine.
    AutostartResult setEnabled(bool enabled);
    /// The entry's file, or the registry key on Windows.
    QString location() const;

private:
    QString m_executable;
    QString m_base;
};

/// The XDG autostart desktop entry that runs `executable --background`.
QString autostartDesktopEntry(const QString &executable);
/// The LaunchAgent property list (label io.github.dimotray, RunAtLoad) for `executable --background`.
QString launchAgentPlist(const QString &executable);
/// The Windows Run value: the quoted native path + " --background".
QString windowsRunCommand(const QString &executable);

namespace autostartdetail {
/// Writes `content` to `path` atomically, creating the folder.
AutostartResult writeEntry(const QString &path, const QString &content);
/// Removes `path` if it exists.
AutostartResult removeEntry(const QString &path);
} // namespace autostartdetail

} // namespace app
