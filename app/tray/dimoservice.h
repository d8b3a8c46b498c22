// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/options.h"

#include <QObject>

namespace mcp {
class Server;
}

namespace app {

class CountingNetworkAccessManager;

namespace tools {
class Backend;
}

// The DIMO side of dimo-tray: the network manager, the environment (production, or --environment
// FILE), the license (the old server's environment variables; demo mode: the simulator's test
// license, signed in as its first test user) and the MCP tools registered on the server.
class DimoService : public QObject
{
    Q_OBJECT
public:
    DimoService(const Options &options, QObject *parent = nullptr);
    ~DimoService() override;

    // Registers the toolset's tools on `server` (before any session starts).
    void attach(mcp::Server &server);

    tools::Backend *backend() const { return m_backend; }

    CountingNetworkAccessManager &network() const { return *m_nam; }

private:
    void restoreTokens();

    CountingNetworkAccessManager *m_nam;
    tools::Backend *m_backend = nullptr;
    Options m_options;
};

} // namespace app
