#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# Fails when a C++ source is not clang-formatted (.clang-format at the top). Fix with scripts/format.
set -u
cd "${1:?source dir}" || exit 2
clang_format=${CLANG_FORMAT:-clang-format}
command -v "$clang_format" >/dev/null || { echo "clang-format not found"; exit 1; }
files=$(bash "$(dirname "$0")/sources.sh" '\.(cpp|h)$')
[ -n "$files" ] || { echo "no C++ sources found"; exit 1; }
# shellcheck disable=SC2086
if ! out=$(echo "$files" | xargs "$clang_format" --dry-run --Werror 2>&1); then
    echo "$out" | grep -E '^[^ ].*(error|warning):' | sed 's/:[0-9]*:[0-9]*: .*//' | sort -u | sed 's/^/not formatted: /'
    echo "Run scripts/format to fix."
    exit 1
fi
echo "format-check: $(echo "$files" | wc -l) files OK"
