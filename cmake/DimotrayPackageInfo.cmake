# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# The one place for what packages, the AppStream metainfo, the MCP bundle manifest, server.json
# and `--version` say about DIMO Tray. Version, one-line description and homepage are the
# top-level project() (PROJECT_VERSION, PROJECT_DESCRIPTION, PROJECT_HOMEPAGE_URL); the rest is here. Files that carry these values are
# generated with configure_file(@ONLY) from *.in templates in packaging/.

set(DIMOTRAY_VERSION "${PROJECT_VERSION}")
# Reverse-DNS application id: AppStream component id, desktop file name, macOS bundle id.
set(DIMOTRAY_APP_ID "io.github.dimotray.DimoTray")
set(DIMOTRAY_DISPLAY_NAME "DIMO Tray")
set(DIMOTRAY_SUMMARY "${PROJECT_DESCRIPTION}")
set(DIMOTRAY_DESCRIPTION
    "A tray app and MCP server that lets AI assistants such as Claude Desktop, Claude Code, Cursor and VS Code query \
vehicle data, run vehicle commands with your approval, decode VINs and create verifiable credentials on the DIMO \
vehicle network.")
set(DIMOTRAY_VENDOR "DIMO Tray developers")
set(DIMOTRAY_MAINTAINER "DIMO Tray developers <dev@dimo-tray.invalid>")
set(DIMOTRAY_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(DIMOTRAY_ISSUES_URL "${DIMOTRAY_HOMEPAGE}/issues")
set(DIMOTRAY_LICENSE "Apache-2.0")
# The MCP registry name (reverse DNS + "/" + server name; must match the publisher's namespace).
set(DIMOTRAY_MCP_NAME "io.github.dimotray/dimo-tray")
# Release date of this version, for the metainfo <release> and the man pages (YYYY-MM-DD).
set(DIMOTRAY_RELEASE_DATE "2026-12-01")
