# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# Shared by scripts/run and scripts/test: install what is missing, configure and build.
# Everything here is idempotent and quick when the machine is already set up.

DT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DT_BUILD=${DIMOTRAY_BUILD_DIR:-$DT_ROOT/build}

# The tested apt line of ../shared/platform/README.md §1.1, plus what tests and fuzzing use.
DT_APT_PACKAGES=(
    qt6-base-dev qt6-webengine-dev qt6-httpserver-dev qt6-websockets-dev
    qtkeychain-qt6-dev libsecret-1-0 libsecp256k1-dev libssl-dev
    cmake ninja-build g++ pkg-config git
    xvfb xauth dbus gnome-keyring fonts-dejavu-core trayer
    clang libclang-rt-14-dev clang-format clang-tidy json-schema-test-suite
    # packaging (tests/packaging): dpkg-shlibdeps for cpack's Depends, icon rendering, the
    # desktop entry and metainfo validators, man page checks, unzip for the MCP bundle
    dpkg-dev librsvg2-bin desktop-file-utils appstream groff-base man-db unzip
)

dt_log() { printf '[dimo-tray] %s\n' "$*" >&2; }

dt_sudo() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

dt_missing_apt() {
    local p missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    echo "${missing[@]}"
}

dt_install_apt() {
    local missing
    missing=$(dt_missing_apt "${DT_APT_PACKAGES[@]}")
    # Node.js: the machine's own (>= 20) is used when present; Debian's otherwise.
    command -v node >/dev/null || missing="$missing nodejs npm"
    [ -n "${missing// /}" ] || return 0
    dt_log "installing apt packages:$missing"
    dt_sudo apt-get update -qq >&2
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive dt_sudo apt-get install -y -qq --no-install-recommends $missing >&2
}

# npm ci in DIR when node_modules is missing or older than the lockfile.
dt_npm_ci() {
    local dir=$1
    [ -f "$dir/package-lock.json" ] || return 0
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        dt_log "installing npm packages in ${dir#"$DT_ROOT"/}"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
    fi
}

dt_install_npm() {
    dt_npm_ci "$DT_ROOT/tests/dimosim"
    dt_npm_ci "$DT_ROOT/packaging/mcpb"
    if [ -x "$DT_ROOT/scripts/install-mcp-clients" ]; then
        "$DT_ROOT/scripts/install-mcp-clients" >&2
    fi
}

dt_build() {
    local type=${DIMOTRAY_BUILD_TYPE:-Release}
    if [ ! -f "$DT_BUILD/build.ninja" ]; then
        dt_log "configuring $DT_BUILD ($type)"
        # shellcheck disable=SC2086 # DT_CMAKE_EXTRA: extra -D options (scripts/test --sanitize)
        cmake -S "$DT_ROOT" -B "$DT_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="$type" ${DT_CMAKE_EXTRA:-} >&2
    elif [ "${CI:-}" = "true" ] && grep -q '^DIMOTRAY_WERROR:BOOL=OFF' "$DT_BUILD/CMakeCache.txt"; then
        # A build dir configured outside CI must not hide a warning CI would fail on.
        cmake -S "$DT_ROOT" -B "$DT_BUILD" -DDIMOTRAY_WERROR=ON >&2
    fi
    dt_log "building"
    cmake --build "$DT_BUILD" -j "$(nproc)" >&2
}
