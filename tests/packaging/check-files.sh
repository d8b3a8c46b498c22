#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# ctest packaging_files: the files the packages carry, checked in the build tree (no root needed).
#   desktop entries (desktop-file-validate), AppStream metainfo (appstreamcli validate --no-net),
#   man pages (groff, no warnings), --help and the man pages list the same options and environment
#   variables, --version and every generated file carry the project version, the PNG icons have
#   their nominal sizes.
# Usage: check-files.sh SOURCE_DIR BUILD_DIR VERSION DIMO_TRAY MCP_DIMO
set -euo pipefail
src=$1 build=$2 version=$3 tray=$4 shim=$5
pkg=$build/packaging
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
need() { command -v "$1" >/dev/null || { echo "SKIP: $1 not installed (scripts/lib/common.sh installs it)"; exit 77; }; }
need desktop-file-validate
need appstreamcli
need groff
export QT_QPA_PLATFORM=offscreen

for f in "$src"/packaging/linux/*.desktop; do
    if out=$(desktop-file-validate "$f" 2>&1) && ! grep -qE 'error|warning' <<<"$out"; then
        ok "desktop-file-validate $(basename "$f")"
    else
        fail "desktop-file-validate $(basename "$f"): $out"
    fi
done
grep -q '^Exec=dimo-tray --background$' "$src/packaging/linux/dimo-tray-autostart.desktop" \
    || fail "the autostart entry must start dimo-tray --background"

for f in "$pkg"/linux/*.metainfo.xml; do
    if out=$(appstreamcli validate --no-net "$f" 2>&1); then
        ok "appstreamcli validate $(basename "$f")"
    else
        fail "appstreamcli validate $(basename "$f"): $out"
    fi
    grep -q "<release version=\"$version\"" "$f" || fail "$(basename "$f") has no release $version"
done

# Option and environment variable names: from --help, and from the man page's roff source.
help_options() { grep -oE -- '(^|[ ,])--[a-z][a-z-]*' <<<"$1" | sed 's/^[ ,]*//' | sort -u; }
man_options() { sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$1" | sed 's/\\-/-/g' | grep -oE -- '--[a-z][a-z-]*' | sort -u; }
help_env() { sed -n '/^Environment:/,/^$/p' <<<"$1" | grep -oE '^  [A-Z][A-Z_]+' | tr -d ' ' | sort -u; }
man_env() { sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$1" | sed -n 's/^\.B \([A-Z][A-Z_]*\)$/\1/p' | sort -u; }
for pair in "dimo-tray:$tray" "mcp-dimo:$shim"; do
    name=${pair%%:*} exe=${pair#*:}
    page=$pkg/man/$name.1
    help=$("$exe" --help)
    if out=$(groff -man -ww -z "$page" 2>&1) && [ -z "$out" ]; then
        ok "groff $name.1"
    else
        fail "groff $name.1: $out"
    fi
    if command -v man >/dev/null; then
        # (a locale the machine lacks is man's complaint, not the page's)
        out=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null | grep -v 'set the locale') || true
        [ -z "$out" ] || fail "man -l $name.1: $out"
    fi
    if diff <(help_options "$help") <(man_options "$page") >/dev/null; then
        ok "$name: --help and $name.1 list the same options"
    else
        fail "$name: options differ between --help (<) and $name.1 (>):"$'\n'"$(diff <(help_options "$help") <(man_options "$page"))"
    fi
    if [ -n "$(help_env "$help")" ] && diff <(help_env "$help") <(man_env "$page") >/dev/null; then
        ok "$name: --help and $name.1 list the same environment variables"
    else
        fail "$name: environment variables differ between --help (<) and $name.1 (>):"$'\n'"$(diff <(help_env "$help") <(man_env "$page"))"
    fi
    [ "$("$exe" --version)" = "$name $version" ] || fail "$name --version says '$("$exe" --version)', not '$name $version'"
    grep -q "\"$name $version\"" "$page" || fail "$name.1 does not carry version $version"
done

python3 - "$pkg/icons" "$pkg/mcpb/manifest.json" "$version" <<'PY' || failures=$((failures + 1))
import json, struct, sys, pathlib
icons, manifest, version = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
bad = 0
sizes = sorted(int(d.name.split("x")[0]) for d in icons.iterdir() if d.is_dir())
if sizes != [16, 22, 24, 32, 48, 64, 128, 256, 512]:
    print(f"FAIL: icon sizes {sizes}"); bad += 1
for size in sizes:
    data = (icons / f"{size}x{size}" / "dimo-tray.png").read_bytes()
    w, h = struct.unpack(">II", data[16:24])
    if data[:8] != b"\x89PNG\r\n\x1a\n" or (w, h) != (size, size):
        print(f"FAIL: {size}x{size}/dimo-tray.png is {w}x{h}"); bad += 1
m = json.load(open(manifest))
if m["version"] != version:
    print(f"FAIL: mcpb manifest version {m['version']}"); bad += 1
print("ok: icons " + " ".join(map(str, sizes)) + ", manifest version" if not bad else "")
sys.exit(1 if bad else 0)
PY

echo "$failures failed"
[ "$failures" -eq 0 ]
