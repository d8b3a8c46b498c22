#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
"""Figures of the DIMO tools (issue 8), measured against the DIMO simulator through the real shim.

Starts the simulator and `dimo-tray --headless --demo --environment <file>` on temporary paths,
then prints one JSON object (or a table without --json):
  tools_list_bytes            size of the tools/list result
  identity_introspect_bytes   identity_introspect text (the simulator's schema has no descriptions:
  telemetry_introspect_bytes  DIMO's real schemas render larger, see tst_toolsrealschema)
  cold_query_dimo_requests    HTTP requests of the first telemetry_query (access check, challenge,
                              submit, exchange, query)
  warm_query_dimo_requests    HTTP requests of the same query again
  restart_query_dimo_requests HTTP requests of the first query after a tray restart (keychain)
  warm_query_p50_ms           telemetry_query round trip through the shim, p50 of 20
Usage: scripts/bench-tools.py BUILD_DIR [--json]. Nothing is asserted.
"""
import json, os, subprocess, sys, tempfile, time, urllib.request

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = os.path.abspath(sys.argv[1])
as_json = '--json' in sys.argv
QUERY = 'query Speed($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { lastSeen speed { value } } }'


class Shim:
    """One MCP session through mcp-dimo (stdio) to the tray's socket."""

    def __init__(self, socket):
        env = dict(os.environ, DIMOTRAY_MCP_SOCKET=socket, DIMOTRAY_NO_AUTOSTART='1')
        self.p = subprocess.Popen([f'{build}/bin/mcp-dimo'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, env=env)
        self.next = 1
        self.request('initialize', {'protocolVersion': '2025-06-18', 'capabilities': {},
                                    'clientInfo': {'name': 'bench-tools', 'version': '1'}})
        self.send({'jsonrpc': '2.0', 'method': 'notifications/initialized'})

    def send(self, message):
        self.p.stdin.write((json.dumps(message) + '\n').encode())
        self.p.stdin.flush()

    def request(self, method, params):
        rid = self.next
        self.next += 1
        self.send({'jsonrpc': '2.0', 'id': rid, 'method': method, 'params': params})
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError('the shim closed stdout')
            message = json.loads(line)
            if message.get('id') == rid:
                return line, message

    def call(self, name, arguments):
        return self.request('tools/call', {'name': name, 'arguments': arguments})[1]['result']

    def close(self):
        self.p.stdin.close()
        self.p.wait(timeout=10)


def requests_count(control):
    with urllib.request.urlopen(control + '/requests') as r:
        data = json.load(r)
    return len(data.get('requests', data) if isinstance(data, dict) else data)


def main():
    tmp = tempfile.mkdtemp(prefix='bench-tools-')
    env = dict(os.environ, QT_QPA_PLATFORM='offscreen', XDG_CACHE_HOME=f'{tmp}/cache', DIMOTRAY_APPROVAL='never')
    sim = subprocess.Popen(['node', f'{root}/tests/dimosim/src/main.mjs', '--port', '0'], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL)
    info = json.loads(sim.stdout.readline())
    socket = f'{tmp}/mcp.sock'
    trays = []

    def start_tray():
        tray = subprocess.Popen([f'{build}/bin/dimo-tray', '--headless', '--demo', '--environment',
                                 info['environmentFile'], '--socket', socket], env=env, stderr=subprocess.DEVNULL)
        trays.append(tray)
        for _ in range(100):
            if os.path.exists(socket):
                break
            time.sleep(0.1)
        time.sleep(4)  # the keychain read and the demo sign-in
        return tray

    figures = {}
    try:
        tray = start_tray()
        shim = Shim(socket)
        line, _ = shim.request('tools/list', {})
        figures['tools_list_bytes'] = len(json.dumps(json.loads(line)['result'], separators=(',', ':')))
        for service in ('identity', 'telemetry'):
            text = shim.call(f'{service}_introspect', {})['content'][0]['text']
            figures[f'{service}_introspect_bytes'] = len(text.encode())
        control = info['controlUrl']
        before = requests_count(control)
        shim.call('telemetry_query', {'query': QUERY, 'tokenId': 24567})
        figures['cold_query_dimo_requests'] = requests_count(control) - before
        before = requests_count(control)
        shim.call('telemetry_query', {'query': QUERY, 'tokenId': 24567})
        figures['warm_query_dimo_requests'] = requests_count(control) - before
        times = []
        for _ in range(20):
            t = time.perf_counter()
            shim.call('telemetry_query', {'query': QUERY, 'tokenId': 24567})
            times.append((time.perf_counter() - t) * 1000)
        figures['warm_query_p50_ms'] = round(sorted(times)[len(times) // 2], 2)
        shim.close()
        tray.terminate()
        tray.wait(timeout=10)
        tray = start_tray()
        shim = Shim(socket)
        before = requests_count(control)
        shim.call('telemetry_query', {'query': QUERY, 'tokenId': 24567})
        figures['restart_query_dimo_requests'] = requests_count(control) - before
        shim.close()
    finally:
        for t in trays:
            t.terminate()
        sim.terminate()
    if as_json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f'{k:30} {v}')


main()
