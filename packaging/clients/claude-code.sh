#!/bin/sh
# Registers DIMO Tray with Claude Code for the current user.
exec claude mcp add --scope user dimo -- /usr/bin/mcp-dimo
