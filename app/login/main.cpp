// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// dimo-tray-login: the Login with DIMO window, started by dimo-tray (see app/login/loginhelper.h).
#include "app/login/loginhelper.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts); // QtWebEngine wants it before QApplication
    QApplication application(argc, argv);
    QCoreApplication::setApplicationName(u"dimo-tray-login"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DIMOTRAY_VERSION));
    QApplication::setQuitOnLastWindowClosed(false); // the helper decides when to exit
    QCommandLineParser parser;
    parser.setApplicationDescription(u"DIMO Tray's Login with DIMO window (started by dimo-tray)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    app::LoginHelper::addOptions(parser);
    parser.process(application);
    app::LoginHelper helper;
    if (!helper.start(parser)) {
        return 2;
    }
    return application.exec();
}
