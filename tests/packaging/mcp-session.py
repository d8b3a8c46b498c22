#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
"""One MCP session through a shim, as an AI client runs it: initialize, notifications/initialized,
tools/list, then tools/call check_vehicle_access_status and vin_decode. Every stdout line of the shim
must be JSON-RPC. Exits non-zero with the reason on any failure.
Usage: mcp-session.py SHIM [SHIM ARGS...]"""
import json
import queue
import subprocess
import sys
import threading

TIMEOUT = 60
shim = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
lines = queue.Queue()
threading.Thread(target=lambda: [lines.put(line) for line in shim.stdout] + [lines.put(None)], daemon=True).start()
stderr = []
threading.Thread(target=lambda: stderr.extend(shim.stderr), daemon=True).start()


def fail(message):
    shim.kill()
    print("FAIL: " + message)
    print("shim stderr:\n" + b"".join(stderr).decode(errors="replace"))
    sys.exit(1)


def send(message):
    shim.stdin.write((json.dumps(message) + "\n").encode())
    shim.stdin.flush()


def answer(request_id):
    while True:
        try:
            line = lines.get(timeout=TIMEOUT)
        except queue.Empty:
            fail(f"no answer to request {request_id} within {TIMEOUT} s")
        if line is None:
            fail(f"the shim closed stdout before answering request {request_id}")
        try:
            message = json.loads(line)
        except ValueError:
            fail(f"stdout carried a line that is not JSON: {line!r}")
        if message.get("id") == request_id:
            if "error" in message:
                fail(f"request {request_id} failed: {message['error']}")
            return message["result"]


send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                 "clientInfo": {"name": "packaging-test", "version": "1"}}})
init = answer(1)
if init.get("serverInfo", {}).get("name") in (None, ""):
    fail(f"initialize has no serverInfo: {init}")
send({"jsonrpc": "2.0", "method": "notifications/initialized"})
send({"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {}})
tools = {t["name"] for t in answer(2)["tools"]}
for needed in ("check_vehicle_access_status", "vin_decode", "lock_doors"):
    if needed not in tools:
        fail(f"tools/list lacks {needed} ({len(tools)} tools)")
print(f"ok: initialize ({init['serverInfo']['name']} {init['serverInfo'].get('version')}), {len(tools)} tools")


def call(request_id, name, arguments):
    send({"jsonrpc": "2.0", "id": request_id, "method": "tools/call", "params": {"name": name, "arguments": arguments}})
    result = answer(request_id)
    text = "\n".join(c.get("text", "") for c in result.get("content", []))
    if result.get("isError"):
        fail(f"{name} returned an error: {text}")
    return text


access = call(3, "check_vehicle_access_status", {})
if "24567" not in access:  # the simulator's Tesla, owned by its first test user (the demo login)
    fail(f"check_vehicle_access_status does not list vehicle 24567: {access[:2000]}")
print("ok: check_vehicle_access_status lists the demo user's vehicles")
vin = call(4, "vin_decode", {"vin": "5YJA1E5A0PF024567"})
if "tesla" not in vin.lower():
    fail(f"vin_decode did not decode a Tesla VIN: {vin[:2000]}")
print("ok: vin_decode through the DIMO simulator")

shim.stdin.close()
try:
    code = shim.wait(timeout=10)
except subprocess.TimeoutExpired:
    fail("the shim did not exit when stdin closed")
if code != 0:
    fail(f"the shim exited with {code} when stdin closed")
print("ok: the shim exits 0 when stdin closes")
