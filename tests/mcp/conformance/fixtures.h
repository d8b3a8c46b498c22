// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace mcp {

class Server;

/// The official conformance suite's fixtures (`test_*` tools, `test://` resources, `test_*`
/// prompts; see the suite's server scenarios, shared/mcp/README.md §2.2 next to the repository).
/// Test code (library dimotray_mcp_fixtures): linked into mcp-testserver and the tests, never
/// into a shipped binary.
namespace conformance {

void registerFixtures(Server &server);

/// Internal parts of registerFixtures.
void registerFixtureTools(Server &server);
void registerInteractiveFixtureTools(Server &server);
void registerFixtureResourcesAndPrompts(Server &server);
/// A 1x1 PNG and a short 8 kHz WAV, base64-encoded.
QByteArray pngBase64();
QByteArray wavBase64();

} // namespace conformance
} // namespace mcp
