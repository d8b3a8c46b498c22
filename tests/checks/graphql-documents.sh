#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# Our GraphQL documents live in dimo/graphql (files, or builders in documents.cpp, all listed in
# graphql::registry() and validated by tst_dimo_documents). A string literal in C++ under app/, ui/
# or dimo/ (outside documents.cpp) that starts a document ("query …", "mutation …",
# "subscription …") fails here: move it to dimo/graphql.
set -euo pipefail
root=${1:?usage: graphql-documents.sh SOURCE_DIR}
cd "$root"
hits=$(grep -rnE --include='*.cpp' --include='*.h' '(u|u8|L)?"(query|mutation|subscription)( |\(|\{|[A-Z][A-Za-z0-9_]*[ ({])' app ui dimo \
    | grep -v '^dimo/graphql/documents.cpp:' || true)
if [[ -n $hits ]]; then
    echo "inline GraphQL documents (move them to dimo/graphql and list them in graphql::registry()):"
    echo "$hits"
    exit 1
fi
echo "no inline GraphQL documents in app/, ui/, dimo/"
