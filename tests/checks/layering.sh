#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# The module dependency rule (README "Layout"), checked on #include lines and on link edges:
#   dimo/ and mcp/ never include each other; ui/ never includes mcp/; nothing below app/ includes app/;
#   mcp/wire/ (the wire library) includes only itself and QtCore, and links QtCore only;
#   mcp/transport/ includes no engine header (only itself and mcp/wire/); the engine (mcp/ outside
#   http/, transport/ and wire/) includes no transport; product code never includes tests/ (the
#   conformance fixtures are test code); the shim includes only mcp/wire/ and app/shim/ from the tree
#   and links QtCore, QtNetwork and dimotray_mcp_wire, never the engine; QtKeychain is used in app/ only.
# Link edges: the engine links neither dimo nor a transport; dimotray_mcp_http links the engine; no
# shipped binary (dimo-tray, mcp-dimo) links the fixtures library dimotray_mcp_fixtures, directly
# or through another library; the shim's closure (mcp-dimo+) holds dimotray_mcp_wire only.
# The tools library (app/tools/ → dimotray_tools) includes only dimo/, mcp/ and itself from the tree, no
# GUI module, and links dimotray_dimo, dimotray_mcp, QtCore and QtNetwork only; the tool tests
# (tests/tools/) link it, never the tray (dimotray_app).
# QtWebEngine only in ui/login/ (dimotray_ui_web) and app/login/ (the dimo-tray-login helper): the tray
# (dimotray_ui, dimotray_app, dimo-tray) never includes, links or loads it.
# Usage: layering.sh <source dir> [<link report file>] [<shim binary>] [<tray binary>]
set -u
src=${1:?source dir}
links=${2:-}
shim=${3:-}
tray=${4:-}
cd "$src" || exit 2
fail=0

# forbid <dir> <regex> <why>
forbid() {
    local dir=$1 pattern=$2 why=$3 hits
    [ -d "$dir" ] || return 0
    hits=$(grep -rnE --include='*.h' --include='*.cpp' "^[[:space:]]*#[[:space:]]*include[[:space:]]*${pattern}" "$dir" || true)
    if [ -n "$hits" ]; then
        echo "LAYERING: $why"
        echo "$hits" | sed 's/^/  /'
        fail=1
    fi
}

gui='<(QtGui/|QtWidgets/|QtWebEngine|qt6keychain/|QWidget>|QApplication>|QGuiApplication>|QIcon>|QSystemTrayIcon>)'
forbid dimo '"(mcp|ui|app)/' 'dimo/ must not include mcp/, ui/ or app/'
forbid dimo "$gui" 'dimo/ must not use GUI modules or QtKeychain'
forbid mcp '"(dimo|ui|app)/' 'mcp/ must not include dimo/, ui/ or app/'
forbid mcp "$gui" 'mcp/ must not use GUI modules or QtKeychain'
if [ -d mcp/transport ]; then
    hits=$(grep -rnE --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include[[:space:]]*"mcp/' mcp/transport | grep -vE '"mcp/(transport|wire)/' || true)
    [ -z "$hits" ] || { echo "LAYERING: mcp/transport/ must not include the MCP engine"; echo "$hits" | sed 's/^/  /'; fail=1; }
fi
if [ -d mcp/wire ]; then
    hits=$(grep -rnE --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' mcp/wire | grep -v '"mcp/wire/' || true)
    [ -z "$hits" ] || { echo "LAYERING: mcp/wire/ includes only mcp/wire/"; echo "$hits" | sed 's/^/  /'; fail=1; }
    forbid mcp/wire '<(QtNetwork/|QLocal|QTcp|QNetwork|QAbstractSocket|QHostAddress)' 'mcp/wire/ is QtCore only'
fi
forbid ui '"(mcp|app)/' 'ui/ must not include mcp/ or app/'
# Inside dimo/ the folders stack core < net < auth < graphql < vehicles (the top-level files sit
# above them): a folder never includes one above it.
forbid dimo/core '"dimo/(net|auth|graphql|vehicles)/' 'dimo/core/ includes only dimo/core/'
forbid dimo/core '"dimo/[a-z]+\.h"' 'dimo/core/ includes only dimo/core/'
forbid dimo/net '"dimo/(auth|graphql|vehicles)/' 'dimo/net/ must not include auth/, graphql/ or vehicles/'
forbid dimo/auth '"dimo/(graphql|vehicles)/' 'dimo/auth/ must not include graphql/ or vehicles/'
forbid dimo/graphql '"dimo/vehicles/' 'dimo/graphql/ must not include vehicles/'
# Inside the MCP engine the session sits on top: what it drives never includes it back.
# mcp_engine_forbid <file> <header regex> <why>
mcp_engine_forbid() {
    local file=$1 pattern=$2 hits
    [ -f "$file" ] || return 0
    hits=$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*\"mcp/${pattern}\"" "$file" || true)
    [ -z "$hits" ] || { echo "LAYERING: $file must not include its caller ($3)"; echo "$hits" | sed "s|^|  $file:|"; fail=1; }
}
for f in mcp/responder.h mcp/responder.cpp mcp/requestcontext.h mcp/requesthost.h mcp/server.h mcp/server.cpp; do
    mcp_engine_forbid "$f" '(session|sessioncore|era)\.h' 'the session and its era'
done
mcp_engine_forbid mcp/schemawalker.h 'schemavalidator\.h' 'SchemaValidator'
if [ -d app/tools ]; then
    hits=$(grep -rnE --include='*.h' --include='*.cpp' --include='*.inc' '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(ui|app)/' app/tools \
        | grep -vE '"app/tools/' || true)
    [ -z "$hits" ] || { echo "LAYERING: app/tools/ (dimotray_tools) may include only dimo/, mcp/ and app/tools/ from the tree (no ui/, no app/tray/)"; echo "$hits" | sed 's/^/  /'; fail=1; }
    forbid app/tools "$gui" 'app/tools/ (dimotray_tools) is headless: no QtGui, QtWidgets, QtWebEngine or QtKeychain'
    forbid app/tools '<(QtWebEngine|QWebEngine|QtWebChannel/|QWebChannel)' 'app/tools/ (dimotray_tools) must not use QtWebEngine'
fi
# The headless service (DimoService and the settings it applies) takes no UI type: the Settings
# dialog's form is converted on the desktop side (app/tray/settings/settingsform.*).
for f in app/tray/dimoservice.{h,cpp} app/tray/settings/{settings,settingsstore,secretstore,storedcredentialsource,settingscontroller}.{h,cpp}; do
    if [ ! -f "$f" ]; then
        echo "LAYERING: the headless-service rule names $f, which does not exist (update tests/checks/layering.sh)"
        fail=1
        continue
    fi
    hits=$(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*("ui/|<(QtGui/|QtWidgets/|QtWebEngine|QWidget>|QApplication>|QGuiApplication>|QIcon>|QSystemTrayIcon>))' "$f" || true)
    [ -z "$hits" ] || { echo "LAYERING: $f is the headless service: no ui/ and no GUI module (the keychain is fine)"; echo "$hits" | sed "s|^|  $f:|"; fail=1; }
done
for dir in app dimo mcp ui; do
    forbid $dir '"tests/' "$dir/ must not include test code (tests/)"
done
if [ -d mcp ]; then
    hits=$(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"mcp/(http|transport)/' mcp/*.h mcp/*.cpp 2>/dev/null || true)
    [ -z "$hits" ] || { echo "LAYERING: the MCP engine must not include a transport (mcp/http/, mcp/transport/)"; echo "$hits" | sed 's/^/  /'; fail=1; }
fi
forbid ui '<qt6keychain/' 'only app/ talks to the keychain'
webengine='<(QtWebEngine|QWebEngine|QtWebChannel/|QWebChannel)'
hits=$(grep -rnE --include='*.h' --include='*.cpp' "^[[:space:]]*#[[:space:]]*include[[:space:]]*${webengine}" ui app 2>/dev/null \
    | grep -vE '^(ui/login|app/login)/' || true)
[ -z "$hits" ] || { echo "LAYERING: QtWebEngine only in ui/login/ and app/login/ (the helper process)"; echo "$hits" | sed 's/^/  /'; fail=1; }
if [ -d app/shim ]; then
    hits=$(grep -rnE --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(dimo|mcp|ui|app)/' app/shim \
        | grep -vE '"(mcp/wire|app/shim)/' || true)
    [ -z "$hits" ] || { echo "LAYERING: the shim may include only mcp/wire/ (and itself) from the tree"; echo "$hits" | sed 's/^/  /'; fail=1; }
    forbid app/shim "$gui" 'the shim links QtCore + QtNetwork only'
fi

# Link edges, as CMake resolved them (written at generate time by tests/checks/CMakeLists.txt).
if [ -n "$links" ] && [ -f "$links" ]; then
    grep -q '^dimotray_mcp_http=' "$links" || { echo "LAYERING: $links lacks dimotray_mcp_http"; fail=1; }
    while IFS='=' read -r target libs; do
        case "$target" in
        dimotray_dimo | dimotray_mcp_wire | dimotray_mcp | dimotray_mcp_http | dimotray_mcp_transport | dimotray_mcp_fixtures | mcp-dimo | mcp-dimo+)
            bad=$(echo "$libs" | tr ';' '\n' | grep -E 'Gui|Widgets|WebEngine|Keychain|dimotray_ui|dimotray_app' || true)
            [ -z "$bad" ] || { echo "LAYERING: $target links $bad"; fail=1; } ;;
        esac
        case "$target" in
        dimotray_dimo) echo "$libs" | grep -qE 'dimotray_mcp' && { echo "LAYERING: dimotray_dimo links mcp"; fail=1; } ;;
        dimotray_mcp | dimotray_mcp_http | dimotray_mcp_transport | dimotray_mcp_fixtures)
            echo "$libs" | grep -qE 'dimotray_(dimo|core)' && { echo "LAYERING: $target links dimo"; fail=1; } ;;
        esac
        case "$target" in
        dimotray_mcp) echo "$libs" | grep -qE 'dimotray_mcp_(http|transport|fixtures)' && { echo "LAYERING: the engine links a transport or the fixtures"; fail=1; } ;;
        dimotray_mcp_http) echo "$libs" | tr ';' '\n' | grep -qxE '(dimotray_mcp|dimotray::mcp)' || { echo "LAYERING: dimotray_mcp_http does not link the engine"; fail=1; } ;;
        dimotray_ui) echo "$libs" | grep -qE 'dimotray_mcp' && { echo "LAYERING: dimotray_ui links mcp"; fail=1; } ;;
        dimotray_mcp_wire)
            bad=$(echo "$libs" | tr ';' '\n' | grep -vE '^(Qt6::Core|)$' || true)
            [ -z "$bad" ] || { echo "LAYERING: dimotray_mcp_wire links more than QtCore:" $bad; fail=1; } ;;
        mcp-dimo | mcp-dimo+)
            bad=$(echo "$libs" | tr ';' '\n' | grep -E 'dimotray' | grep -vxE 'dimotray_mcp_wire|dimotray::mcp_wire' || true)
            [ -z "$bad" ] || { echo "LAYERING: the shim links" $bad "(only dimotray_mcp_wire, never the engine)"; fail=1; } ;;
        esac
        case "$target" in
        dimotray_tools)
            bad=$(echo "$libs" | tr ';' '\n' | grep -vxE '(dimotray_dimo|dimotray::dimo|dimotray_mcp|dimotray::mcp|Qt6::Core|Qt6::Network|)' || true)
            [ -z "$bad" ] || { echo "LAYERING: dimotray_tools links" $bad "(only dimo, the MCP engine, QtCore and QtNetwork)"; fail=1; } ;;
        tst_tools* | tst_loginlistener | tst_approvalgrants | tst_vehiclestate)
            echo "$libs" | grep -qE 'dimotray_app|dimotray::app|dimotray_ui' && { echo "LAYERING: the tool test $target links the tray (link dimotray_tools alone)"; fail=1; } ;;
        esac
        case "$target" in
        dimotray_ui | dimotray_app | dimo-tray | dimo-tray+)
            echo "$libs" | grep -qE 'WebEngine|WebChannel|dimotray_ui_web' && { echo "LAYERING: $target links QtWebEngine (only dimo-tray-login may)"; fail=1; } ;;
        esac
        case "$target" in
        dimo-tray | dimo-tray+ | mcp-dimo | mcp-dimo+)
            echo "$libs" | grep -qE 'mcp_fixtures' && { echo "LAYERING: the shipped ${target%+} links the conformance fixtures"; fail=1; } ;;
        esac
    done <"$links"
fi

# The shim binary itself: only QtCore and QtNetwork among Qt libraries.
if [ -n "$shim" ] && [ -f "$shim" ] && command -v readelf >/dev/null; then
    qt=$(readelf -d "$shim" | sed -n 's/.*Shared library: \[\(libQt6[A-Za-z]*\).*/\1/p' | sort -u)
    bad=$(echo "$qt" | grep -vE '^(libQt6Core|libQt6Network)$' || true)
    [ -z "$bad" ] || { echo "LAYERING: mcp-dimo links $bad"; fail=1; }
    echo "mcp-dimo links: $(echo $qt)"
fi

# The tray binary itself: no QtWebEngine (it costs 30-90 MB of idle memory; the helper has it).
if [ -n "$tray" ] && [ -f "$tray" ] && command -v readelf >/dev/null; then
    bad=$(readelf -d "$tray" | sed -n 's/.*Shared library: \[\(libQt6WebEngine[A-Za-z]*\|libQt6WebChannel\).*/\1/p' | sort -u)
    [ -z "$bad" ] || { echo "LAYERING: dimo-tray links" $bad; fail=1; }
fi

[ $fail -eq 0 ] && echo "layering: OK"
exit $fail
