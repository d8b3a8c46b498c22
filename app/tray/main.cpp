// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// dimo-tray: the DIMO Tray app and MCP host. Option parsing lives in options.cpp, the
// composition in application.cpp.
#include "app/tray/application.h"
#include "app/tray/options.h"

#include <cstdio>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    const app::ParsedOptions parsed = app::parseOptions(arguments);
    switch (parsed.action) {
    case app::ParsedOptions::Action::ShowHelp:
    case app::ParsedOptions::Action::ShowVersion:
        std::printf("%s\n", parsed.text.toLocal8Bit().constData());
        return 0;
    case app::ParsedOptions::Action::Error:
        std::fprintf(stderr, "dimo-tray: %s\nTry 'dimo-tray --help'.\n", parsed.text.toLocal8Bit().constData());
        return 2;
    case app::ParsedOptions::Action::Run:
        break;
    }
    return app::run(argc, argv, parsed.options);
}
