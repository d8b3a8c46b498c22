#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# screenshots_smoke: dimotray-screenshots writes every window as a non-trivial PNG.
set -euo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$1" "$out"
for name in tray-menu welcome settings login vehicles approval connect activity fallback; do
    file="$out/$name.png"
    [ -s "$file" ] || { echo "missing $file"; exit 1; }
    size=$(stat -c %s "$file")
    [ "$size" -gt 2000 ] || { echo "$file is only $size bytes"; exit 1; }
    head -c 8 "$file" | od -An -tx1 | grep -q '89 50 4e 47' || { echo "$file is not a PNG"; exit 1; }
done
echo "all screenshots written"
