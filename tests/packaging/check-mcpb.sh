#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# ctest packaging_mcpb: builds the MCP Bundle with packaging/mcpb/build-mcpb.sh (which runs
# `mcpb validate`), checks its contents, runs the bundled shim, checks that `mcpb validate` does
# refuse a broken manifest, and checks server.json by shape (check-server-json.py).
# Usage: check-mcpb.sh SOURCE_DIR BUILD_DIR VERSION
set -euo pipefail
src=$1 build=$2 version=$3
command -v npm >/dev/null || { echo "SKIP: npm not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

mapfile -t outputs < <(bash "$src/packaging/mcpb/build-mcpb.sh" --build "$build" --out "$work/out")
bundle=${outputs[0]} server=${outputs[1]}
echo "ok: built and validated $(basename "$bundle")"

mkdir "$work/unpacked"
(cd "$work/unpacked" && unzip -q "$bundle")
for f in manifest.json icon.png server/mcp-dimo; do
    [ -f "$work/unpacked/$f" ] || fail "$f is not in the bundle"
done
[ -x "$work/unpacked/server/mcp-dimo" ] || fail "server/mcp-dimo is not executable in the bundle"
got=$("$work/unpacked/server/mcp-dimo" --version 2>&1) || true
[ "$got" = "mcp-dimo $version" ] && echo "ok: the bundled shim runs ($got)" || fail "bundled mcp-dimo --version: $got"
python3 - "$work/unpacked/manifest.json" "$version" <<'PY' || failures=$((failures + 1))
import json, sys
m = json.load(open(sys.argv[1]))
s = m["server"]
problems = [p for p, bad in [
    ("type is not binary", s["type"] != "binary"),
    ("entry point is not the shim", s["entry_point"] != "server/mcp-dimo"),
    ("command is not the bundled shim", s["mcp_config"]["command"] != "${__dirname}/server/mcp-dimo"),
    ("no win32 .exe override", not s["mcp_config"]["platform_overrides"]["win32"]["command"].endswith("mcp-dimo.exe")),
    ("no darwin override", "darwin" not in s["mcp_config"]["platform_overrides"]),
    ("version", m["version"] != sys.argv[2]),
    ("user_config: the shim needs none", "user_config" in m),
] if bad]
for p in problems:
    print("FAIL: manifest: " + p)
if not problems:
    print("ok: manifest (binary, shim entry point, per-OS overrides)")
sys.exit(1 if problems else 0)
PY

# mcpb validate must refuse a manifest without a server.
python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); del m["server"]; json.dump(m, open(sys.argv[2], "w"))' \
    "$work/unpacked/manifest.json" "$work/broken.json"
if node "$src/packaging/mcpb/node_modules/@anthropic-ai/mcpb/dist/cli/cli.js" validate "$work/broken.json" >/dev/null 2>&1; then
    fail "mcpb validate accepted a manifest without server"
else
    echo "ok: mcpb validate refuses a broken manifest"
fi

python3 "$src/tests/packaging/check-server-json.py" "$server" "$version" "$bundle" || failures=$((failures + 1))
echo "$failures failed"
[ "$failures" -eq 0 ]
