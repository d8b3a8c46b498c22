#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# Lists the project's own source files matching an extended regex (tracked files in a git checkout,
# otherwise a find that skips build trees and node_modules).
set -u
pattern=${1:?regex}
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    { git ls-files; git ls-files --others --exclude-standard; } | sort -u
else
    find . -type f -not -path './build*' -not -path '*/node_modules/*' -not -path './.git/*' | sed 's|^\./||'
fi | grep -E "$pattern" | grep -vE '(^|/)(node_modules|build[^/]*)/' | while read -r f; do [ -f "$f" ] && echo "$f"; done
