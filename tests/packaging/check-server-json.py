#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
"""Checks server.json (the MCP registry entry) by shape: the registry's server.schema.json is not
available offline, so this follows its rules for the fields we use (ServerDetail, Package,
Repository, StdioTransport; MCPB packages need fileSha256 and an identifier URL containing "mcp").
Usage: check-server-json.py SERVER_JSON VERSION [BUNDLE]   (BUNDLE: the .mcpb, to check the hash)"""
import hashlib
import json
import re
import sys

path, version = sys.argv[1], sys.argv[2]
bundle = sys.argv[3] if len(sys.argv) > 3 else None
errors = []


def check(cond, message):
    if not cond:
        errors.append(message)


doc = json.load(open(path, encoding="utf-8"))
check(re.fullmatch(r"https://static\.modelcontextprotocol\.io/schemas/\d{4}-\d{2}-\d{2}/server\.schema\.json",
                   doc.get("$schema", "")), "$schema is not a server.schema.json URL")
name = doc.get("name", "")
check(re.fullmatch(r"[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+", name) and 3 <= len(name) <= 200,
      f"name {name!r} is not reverse-DNS/server")
description = doc.get("description", "")
check(isinstance(description, str) and 1 <= len(description) <= 100, "description must be 1-100 characters")
check(doc.get("version") == version, f"version {doc.get('version')!r} is not {version}")
check(re.fullmatch(r"https?://\S+", doc.get("websiteUrl", "")), "websiteUrl is not a URL")
repo = doc.get("repository", {})
check(set(repo) <= {"url", "source", "id", "subfolder"} and repo.get("url") and repo.get("source"),
      "repository needs url and source only")
allowed = {"registryType", "registryBaseUrl", "identifier", "version", "fileSha256", "runtimeHint", "transport",
           "runtimeArguments", "packageArguments", "environmentVariables"}
packages = doc.get("packages", [])
check(isinstance(packages, list) and packages, "packages must be a non-empty list")
for i, p in enumerate(packages):
    check(set(p) <= allowed, f"packages[{i}] has unknown fields {sorted(set(p) - allowed)}")
    for key in ("registryType", "identifier", "version", "transport"):
        check(key in p, f"packages[{i}] lacks {key}")
    check(p.get("version") == version, f"packages[{i}].version is not {version}")
    check(p.get("transport", {}).get("type") == "stdio", f"packages[{i}].transport is not stdio")
    if p.get("registryType") == "mcpb":
        ident = p.get("identifier", "")
        check(re.fullmatch(r"https://\S+\.mcpb", ident) and "mcp" in ident.rsplit("/", 1)[-1],
              f"packages[{i}].identifier must be a release URL of a .mcpb whose name contains 'mcp'")
        check(re.fullmatch(r"[a-f0-9]{64}", p.get("fileSha256", "")), f"packages[{i}].fileSha256 is not a SHA-256")
        if bundle:
            digest = hashlib.sha256(open(bundle, "rb").read()).hexdigest()
            check(p.get("fileSha256") == digest, f"packages[{i}].fileSha256 is not the bundle's hash")
            check(ident.endswith("/" + bundle.rsplit("/", 1)[-1]), f"packages[{i}].identifier does not name the bundle")

for e in errors:
    print("FAIL: server.json: " + e)
if not errors:
    print(f"ok: server.json ({name} {version}, {len(packages)} package)")
sys.exit(1 if errors else 0)
