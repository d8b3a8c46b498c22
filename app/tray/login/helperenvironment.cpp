// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/login/helperenvironment.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace app {

namespace {

// Exact names (compared case-insensitively: Windows variable names are).
const QStringList Names{
    // POSIX session
    u"HOME"_s,
    u"PATH"_s,
    u"USER"_s,
    u"LOGNAME"_s,
    u"SHELL"_s,
    u"TMPDIR"_s,
    u"TZ"_s,
    u"LANG"_s,
    u"LANGUAGE"_s,
    u"DISPLAY"_s,
    u"XAUTHORITY"_s,
    u"WAYLAND_DISPLAY"_s,
    u"DBUS_SESSION_BUS_ADDRESS"_s,
    u"DESKTOP_SESSION"_s,
    u"KDE_FULL_SESSION"_s,
    u"KDE_SESSION_VERSION"_s,
    u"GNOME_DESKTOP_SESSION_ID"_s,
    u"XMODIFIERS"_s,
    u"GTK_IM_MODULE"_s,
    u"GTK_THEME"_s,
    u"LD_LIBRARY_PATH"_s, // a Qt outside the system's (developer builds, bundles)
    u"SSL_CERT_FILE"_s,
    u"SSL_CERT_DIR"_s,
    u"HTTP_PROXY"_s,
    u"HTTPS_PROXY"_s,
    u"NO_PROXY"_s,
    u"ALL_PROXY"_s,
    // macOS
    u"__CF_USER_TEXT_ENCODING"_s,
    u"DYLD_FRAMEWORK_PATH"_s,
    u"DYLD_LIBRARY_PATH"_s,
    // Windows session
    u"SYSTEMROOT"_s,
    u"SYSTEMDRIVE"_s,
    u"WINDIR"_s,
    u"TEMP"_s,
    u"TMP"_s,
    u"USERPROFILE"_s,
    u"USERNAME"_s,
    u"USERDOMAIN"_s,
    u"HOMEDRIVE"_s,
    u"HOMEPATH"_s,
    u"APPDATA"_s,
    u"LOCALAPPDATA"_s,
    u"PROGRAMDATA"_s,
    u"PROGRAMFILES"_s,
    u"PROGRAMFILES(X86)"_s,
    u"COMMONPROGRAMFILES"_s,
    u"PATHEXT"_s,
    u"COMSPEC"_s,
    u"COMPUTERNAME"_s,
    u"NUMBER_OF_PROCESSORS"_s,
    u"PROCESSOR_ARCHITECTURE"_s,
    u"ALLUSERSPROFILE"_s,
    u"PUBLIC"_s,
    u"OS"_s,
    // the helper's own test hook (tests/ui/tst_loginprocess)
    u"DIMOTRAY_LOGIN_TEST_CLICK"_s,
};

// Prefixes: XDG base and session directories, locale categories, Qt and QtWebEngine settings
// (platform plugin, scaling, logging rules, Chromium flags), fontconfig, cursors, sanitizers.
const QStringList Prefixes{u"XDG_"_s,
                           u"LC_"_s,
                           u"QT_"_s,
                           u"QTWEBENGINE_"_s,
                           u"FONTCONFIG_"_s,
                           u"XCURSOR_"_s,
                           u"ASAN_"_s,
                           u"LSAN_"_s,
                           u"UBSAN_"_s};

bool allowed(const QString &name)
{
    if (Names.contains(name, Qt::CaseInsensitive)) {
        return true;
    }
    for (const QString &prefix : Prefixes) {
        if (name.startsWith(prefix, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace

QProcessEnvironment helperEnvironment(const QProcessEnvironment &from)
{
    QProcessEnvironment env;
    for (const QString &name : from.keys()) {
        if (allowed(name)) {
            env.insert(name, from.value(name));
        }
    }
    return env;
}

} // namespace app
