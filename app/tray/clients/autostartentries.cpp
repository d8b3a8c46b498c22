// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/clients/autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace app {

namespace {

// One argument of a desktop entry's Exec key (Desktop Entry Specification, "The Exec key").
QString execArgument(const QString &arg)
{
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    QString quoted = arg;
    if (std::any_of(arg.cbegin(), arg.cend(), [](QChar c) {
            return reserved.contains(c);
        })) {
        quoted.clear();
        for (const QChar c : arg) {
            if (c == u'"' || c == u'`' || c == u'$' || c == u'\\') {
                quoted += u'\\';
            }
            quoted += c;
        }
        quoted = u'"' + quoted + u'"';
    }
    // The string-value escapes apply on top of the quoting; '%' starts a field code.
    return quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"%%"_s);
}

} // namespace

QString autostartDesktopEntry(const QString &executable)
{
    return u"[Desktop Entry]\n"
           "Type=Application\n"
           "Name=DIMO Tray\n"
           "Comment=Starts DIMO Tray in the background when you log in\n"
           "Exec="_s
        + execArgument(executable)
        + u" --background\n"
          "Icon=dimo-tray\n"
          "Terminal=false\n"
          "X-GNOME-Autostart-enabled=true\n"_s;
}

QString launchAgentPlist(const QString &executable)
{
    return u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
           "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
           "<plist version=\"1.0\">\n"
           "<dict>\n"
           "    <key>Label</key>\n"
           "    <string>io.github.dimotray</string>\n"
           "    <key>ProgramArguments</key>\n"
           "    <array>\n"
           "        <string>"_s
        + executable.toHtmlEscaped()
        + u"</string>\n"
          "        <string>--background</string>\n"
          "    </array>\n"
          "    <key>RunAtLoad</key>\n"
          "    <true/>\n"
          "    <key>ProcessType</key>\n"
          "    <string>Interactive</string>\n"
          "</dict>\n"
          "</plist>\n"_s;
}

QString windowsRunCommand(const QString &executable)
{
    // Pure: QDir::toNativeSeparators only converts when built for Windows.
    return u'"' + QString(executable).replace(u'/', u'\\') + u"\" --background"_s;
}

namespace autostartdetail {

AutostartResult writeEntry(const QString &path, const QString &content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return {false, QCoreApplication::translate("app::Autostart", "Cannot create the folder of %1").arg(path)};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {false,
                QCoreApplication::translate("app::Autostart", "Cannot write %1: %2").arg(path, file.errorString())};
    }
    file.write(content.toUtf8());
    if (!file.commit()) {
        return {false,
                QCoreApplication::translate("app::Autostart", "Cannot write %1: %2").arg(path, file.errorString())};
    }
    return {};
}

AutostartResult removeEntry(const QString &path)
{
    QFile file(path);
    if (file.exists() && !file.remove()) {
        return {false,
                QCoreApplication::translate("app::Autostart", "Cannot remove %1: %2").arg(path, file.errorString())};
    }
    return {};
}

} // namespace autostartdetail

} // namespace app
