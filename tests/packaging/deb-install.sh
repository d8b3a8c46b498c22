#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# ctest packaging_deb: the Debian package end to end, as a user gets it.
#   1. cpack -G DEB in the build directory; dpkg-deb -I fields (version, Depends, maintainer,
#      homepage) and contents.
#   2. apt-get install ./dimo-tray_<version>_<arch>.deb (resolves Depends like a user's install).
#   3. The INSTALLED /usr/bin/dimo-tray --headless --demo --environment <file>, pointed at the DIMO
#      simulator started from the source tree, and the INSTALLED /usr/bin/mcp-dimo in front of it:
#      initialize, tools/list, check_vehicle_access_status, vin_decode (mcp-session.py).
#   4. The installed desktop entry, metainfo and man pages (man finds them by name).
#   5. apt-get remove --purge: no packaged file is left behind.
# It changes /usr, so it needs root (CI runs as root) and exits 77 (skipped) otherwise, or when
# apt-get is missing, or when a dimo-tray package is already installed (it never replaces one).
# Usage: deb-install.sh SOURCE_DIR BUILD_DIR VERSION [WITH_LOGIN_HELPER(0|1)]
set -euo pipefail
src=$1 build=$2 version=$3 login=${4:-0}
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "not root: installing the .deb needs root (CI runs as root)"
for tool in apt-get dpkg-deb dpkg-query cpack python3; do
    command -v "$tool" >/dev/null || skip "$tool not found"
done
if dpkg-query -W -f='${Status}' dimo-tray 2>/dev/null | grep -q 'ok installed'; then
    skip "a dimo-tray package is already installed; this test does not replace it (apt-get remove --purge dimo-tray)"
fi
node=${NODE_EXECUTABLE:-node}

work=$(mktemp -d)
installed=0 sim_pid="" tray_pid=""
cleanup() {
    [ -z "$tray_pid" ] || kill "$tray_pid" 2>/dev/null || true
    [ -z "$sim_pid" ] || kill "$sim_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    if [ "$installed" = 1 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 remove --purge -y -qq dimo-tray >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# 1. The package.
cpack -G DEB -B "$work/pkg" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$work"/pkg/dimo-tray_*.deb)
ok "cpack built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = dimo-tray ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), not $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[[ "$(field Homepage)" == https://* ]] || fail "Homepage: $(field Homepage)"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
for dep in libsecret-1-0 libqt6core6 libqt6network6 libqt6widgets6 libqt6keychain1 "libsecp256k1-[0-9]+" libssl3 libc6; do
    grep -qE "(^|, )$dep([ ,(]|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
if [ "$login" = 1 ]; then
    for dep in libqt6webenginecore6-bin libqt6webenginewidgets6; do
        grep -qE "(^|, )$dep([ ,(]|$)" <<<"$depends" || fail "Depends lacks $dep (the login helper): $depends"
    done
fi
ok "dpkg-deb -I: Version $(field Version), Depends: $depends"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/dimo-tray /usr/bin/mcp-dimo \
    /usr/share/applications/io.github.dimotray.DimoTray.desktop \
    /usr/share/metainfo/io.github.dimotray.DimoTray.metainfo.xml \
    /usr/share/dimo-tray/autostart/dimo-tray.desktop \
    /usr/share/icons/hicolor/scalable/apps/dimo-tray.svg /usr/share/icons/hicolor/48x48/apps/dimo-tray.png \
    /usr/share/man/man1/dimo-tray.1.gz /usr/share/man/man1/mcp-dimo.1.gz /usr/share/doc/dimo-tray/copyright; do
    grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done
if [ "$login" = 1 ]; then
    grep -qxF /usr/libexec/dimo-tray/dimo-tray-login "$work/contents" || fail "the package lacks the login helper"
fi
if grep -qE '^/usr/(lib|include)/.*\.(a|h)$|node|dimosim' "$work/contents"; then
    fail "the package carries build or test files: $(grep -E '\.(a|h)$|node|dimosim' "$work/contents" | head -3)"
fi

# 2. Install it like a user.
if ! DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1; then
    cat "$work/apt.log"
    echo "FAIL: apt-get install"
    exit 1
fi
installed=1
ok "apt-get install $(basename "$deb")"
dpkg-query -L dimo-tray >"$work/files"
# Depends is complete when every installed executable finds all its libraries.
for exe in /usr/bin/dimo-tray /usr/bin/mcp-dimo /usr/libexec/dimo-tray/dimo-tray-login; do
    if [ -e "$exe" ] && ldd "$exe" | grep -q 'not found'; then
        fail "$exe misses libraries: $(ldd "$exe" | grep 'not found' | tr -d '\t' | tr '\n' ' ')"
    fi
done
[ "$(/usr/bin/dimo-tray --version)" = "dimo-tray $version" ] || fail "installed dimo-tray --version"
[ "$(/usr/bin/mcp-dimo --version)" = "mcp-dimo $version" ] || fail "installed mcp-dimo --version"

# 3. The installed binaries against the simulator from the source tree.
mkdir -m 0700 "$work/home" "$work/runtime"
"$node" "$src/tests/dimosim/src/main.mjs" --port 0 >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 100); do [ -s "$work/sim.out" ] && break; sleep 0.2; done
environment=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["environmentFile"])' "$work/sim.out") \
    || { cat "$work/sim.err"; echo "FAIL: the DIMO simulator did not start"; exit 1; }
socket=$work/runtime/mcp.sock
env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=offscreen \
    DIMOTRAY_KEYCHAIN=off /usr/bin/dimo-tray --headless --demo --environment "$environment" --socket "$socket" \
    --print-endpoints >"$work/tray.out" 2>"$work/tray.err" &
tray_pid=$!
for _ in $(seq 100); do [ -s "$work/tray.out" ] && break; sleep 0.2; done
[ -s "$work/tray.out" ] || { cat "$work/tray.err"; echo "FAIL: the installed dimo-tray did not start listening"; exit 1; }
ok "installed dimo-tray --headless listens: $(head -1 "$work/tray.out")"
if ! env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" \
    python3 "$src/tests/packaging/mcp-session.py" /usr/bin/mcp-dimo --socket "$socket" --no-autostart; then
    echo "--- dimo-tray stderr"; tail -40 "$work/tray.err"
    fail "MCP session through the installed mcp-dimo"
fi
kill -TERM "$tray_pid"
wait "$tray_pid" && ok "installed dimo-tray ends cleanly on SIGTERM" || fail "dimo-tray exited $? on SIGTERM"
tray_pid=""
[ ! -e "$socket" ] || fail "the socket is left behind after SIGTERM"

# 4. Desktop integration files as installed.
command -v desktop-file-validate >/dev/null \
    && { desktop-file-validate /usr/share/applications/io.github.dimotray.DimoTray.desktop || fail "installed desktop entry"; }
command -v appstreamcli >/dev/null \
    && { appstreamcli validate --no-net /usr/share/metainfo/io.github.dimotray.DimoTray.metainfo.xml >/dev/null \
        || fail "installed metainfo"; }
if command -v man >/dev/null; then
    for page in dimo-tray mcp-dimo; do
        [ "$(man -w "$page" 2>/dev/null)" = "/usr/share/man/man1/$page.1.gz" ] || fail "man -w $page: $(man -w "$page" 2>&1)"
    done
fi
ok "installed desktop entry, metainfo and man pages"

# 5. Remove it: nothing it installed stays.
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 remove --purge -y -qq dimo-tray >"$work/remove.log" 2>&1 \
    || { cat "$work/remove.log"; fail "apt-get remove --purge"; }
installed=0
dpkg-query -W -f='${Status}' dimo-tray 2>/dev/null | grep -q 'ok installed' && fail "dimo-tray is still installed"
left=0
while read -r path; do
    # Shared directories (/usr/bin, /usr/share/man/man1, ...) stay; files and our own directories go.
    if [ -e "$path" ] && { [ ! -d "$path" ] || [[ "$path" == */dimo-tray ]]; }; then
        fail "left behind: $path"
        left=1
    fi
done <"$work/files"
[ "$left" = 1 ] || ok "apt-get remove --purge left no packaged file behind ($(wc -l <"$work/files") paths checked)"

echo "$failures failed"
[ "$failures" -eq 0 ]
