#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# The size norm: no C++ or simulator source over 600 lines (house style), except what
# tests/checks/file-size-allow.txt lists with a reason.
set -u
cd "${1:?source dir}" || exit 2
allow=tests/checks/file-size-allow.txt
fail=0
while read -r f; do
    n=$(wc -l <"$f")
    if [ "$n" -gt 600 ] && ! grep -qE "^${f}[[:space:]]" "$allow" 2>/dev/null; then
        echo "too long: $f has $n lines (cap 600) — split it by responsibility"
        fail=1
    fi
done < <(bash tests/checks/sources.sh '\.(cpp|h|mjs|js)$')
[ $fail -eq 0 ] && echo "file-size: OK"
exit $fail
