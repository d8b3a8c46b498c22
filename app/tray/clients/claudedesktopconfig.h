// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/clients/platform.h"

#include <QCoreApplication>
#include <QString>

namespace app {

/// What ClaudeDesktopConfig::install() did.
struct ClaudeDesktopInstall
{
    enum class Outcome {
        Added, ///< `mcpServers.dimo` was new (the file may have been created)
        Updated, ///< `mcpServers.dimo` existed and now points at the shim
        UpToDate, ///< nothing to do; the file was not written
        Failed, ///< see error; the file was not touched
    };

    Outcome outcome = Outcome::Failed;
    QString path; ///< the config file
    QString backupPath; ///< the backup written before the change; empty if there was nothing to back up
    QString error; ///< developer English, names the file and the problem (Failed only)

    bool ok() const { return outcome != Outcome::Failed; }

    /// One or two sentences for the user, e.g. "Added dimo to … (backup: ….bak). Restart Claude Desktop."
    QString summary() const;
};

/// Claude Desktop's `claude_desktop_config.json`: where it is, and adding DIMO Tray's shim to it.
class ClaudeDesktopConfig
{
    Q_DECLARE_TR_FUNCTIONS(ClaudeDesktopConfig)

public:
    /// The config file for `os` given that OS's directories (pure; see PlatformDirs). On Windows,
    /// `msixPackage` is the folder of Claude Desktop's MSIX package (findMsixPackage()); the
    /// packaged app reads its config inside it, not from %APPDATA%.
    static QString path(Os os, const PlatformDirs &dirs, const QString &msixPackage = {});
    /// The config file for the running OS and user (on Windows, looks for the MSIX package).
    static QString path();
    /// Windows: `localAppData`\Packages\Claude_<publisher id> if Claude Desktop is installed as
    /// an MSIX package (preferring one that has a config file), else empty.
    static QString findMsixPackage(const QString &localAppData);

    /// Adds or updates `mcpServers.dimo = {"command": shimPath, "args": []}`, keeping everything else.
    static ClaudeDesktopInstall install(const QString &path, const QString &shimPath);

    /// The name of the entry in `mcpServers`.
    static QString serverName();
};

} // namespace app
