// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace app {

// The command line of dimo-tray.
struct Options
{
    enum class Mode {
        Tray, // default: tray icon (headless with a note when there is no tray)
        Background, // started by the shim: no window; tray icon if a tray exists, else headless
        Headless, // no UI at all: local socket (and HTTP if asked)
        Stdio, // one MCP session on stdin/stdout, no socket
    };

    Mode mode = Mode::Tray;
    QString socketName; // resolved: --socket, $DIMOTRAY_MCP_SOCKET or the per-user default
    std::optional<quint16> httpPort;
    QByteArray httpToken; // read from --http-token-file (never argv or the environment)
    bool insecureNoToken = false; // --insecure-no-token: HTTP without a bearer token (tests only)
    bool modernEra = false; // also serve stateless MCP 2026-07-28 requests
    bool printEndpoints = false;
    bool demo = false;
    QString environmentFile;

    bool wantsGui() const { return mode == Mode::Tray || mode == Mode::Background; }
};

struct ParsedOptions
{
    enum class Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Action::Run;
    Options options;
    QString text; // help text, version line or error message
};

// Parses arguments (argv[0] first). Needs no QCoreApplication instance.
ParsedOptions parseOptions(const QStringList &arguments);

} // namespace app
