// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/shim/traylauncher.h"

#include "app/shim/logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace shim {

namespace {

QString trayExecutable()
{
    if (qEnvironmentVariableIsSet("DIMOTRAY_TRAY_PATH")) {
        return qEnvironmentVariable("DIMOTRAY_TRAY_PATH");
    }
#if defined(Q_OS_WIN)
    const QString name = u"dimo-tray.exe"_s;
#elif defined(Q_OS_MACOS)
    // Inside "DIMO Tray.app/Contents/MacOS" the tray's executable carries the bundle's name.
    const QString bundled = QCoreApplication::applicationDirPath() + u"/DIMO Tray"_s;
    if (QFileInfo(bundled).isExecutable()) {
        return bundled;
    }
    const QString name = u"dimo-tray"_s;
#else
    const QString name = u"dimo-tray"_s;
#endif
    const QString beside = QCoreApplication::applicationDirPath() + u'/' + name;
    if (QFileInfo(beside).isExecutable()) {
        return beside;
    }
    return QStandardPaths::findExecutable(name);
}

} // namespace

QProcessEnvironment trayEnvironment(const QProcessEnvironment &shimEnvironment)
{
    QProcessEnvironment env = shimEnvironment;
    for (const QString &name : policyVariables()) {
        env.remove(name);
    }
    return env;
}

QStringList policyVariables()
{
    return {u"DIMOTRAY_APPROVAL"_s, u"DIMOTRAY_TOOLSET"_s, u"DIMOTRAY_HTTP_TOKEN"_s};
}

bool launchTray(const QString &socketOverride)
{
    const QString program = trayExecutable();
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        qCWarning(lcShim).noquote() << "cannot start DIMO Tray: no executable"
                                    << (program.isEmpty() ? u"dimo-tray on PATH"_s : program);
        return false;
    }
    QProcess process;
    process.setProgram(program);
    QStringList arguments{u"--background"_s};
    if (!socketOverride.isEmpty()) {
        arguments << u"--socket"_s << socketOverride;
    }
    process.setArguments(arguments);
    // The tray serves every AI client: the client that happens to start it does not choose its
    // policy (approval, toolset, HTTP token). Those come from the user's settings.
    process.setProcessEnvironment(trayEnvironment(QProcessEnvironment::systemEnvironment()));
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    const QString log = qEnvironmentVariable("DIMOTRAY_TRAY_LOG");
    if (log.isEmpty()) {
        process.setStandardErrorFile(QProcess::nullDevice());
    } else {
        process.setStandardErrorFile(log, QIODevice::Append);
    }
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        qCWarning(lcShim).noquote() << "cannot start" << program << ":" << process.errorString();
        return false;
    }
    qCInfo(lcShim).noquote() << u"started %1 %2 (pid %3)"_s.arg(program, arguments.join(u' ')).arg(pid);
    return true;
}

} // namespace shim
