#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
"""Figures of the tray application (issue 9), on an X display with a tray host (scripts/bench runs
this under Xvfb with trayer):
  tray_idle_rss_mb                 dimo-tray --demo, signed in (demo user), tray icon, no window open
  tray_after_login_rss_mb          the same tray after a whole Login with DIMO in the embedded login
                                   window (init_oauth, page approved, JWT verified, window closed)
  vehicles_window_first_paint_ms   the vehicles window with 250 vehicles (dimotray-ui-bench)
Usage: scripts/bench-tray.py BUILD_DIR [--json]. Nothing is asserted.
"""
import json, os, shutil, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = os.path.abspath(sys.argv[1])
as_json = '--json' in sys.argv
sys.path.insert(0, os.path.join(root, 'scripts'))


def rss_mb(pid):
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def shim_call(socket, name, arguments):
    env = dict(os.environ, DIMOTRAY_MCP_SOCKET=socket, DIMOTRAY_NO_AUTOSTART='1')
    p = subprocess.Popen([f'{build}/bin/mcp-dimo'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, env=env)
    messages = [
        {'jsonrpc': '2.0', 'id': 1, 'method': 'initialize',
         'params': {'protocolVersion': '2025-06-18', 'capabilities': {}, 'clientInfo': {'name': 'bench-tray', 'version': '1'}}},
        {'jsonrpc': '2.0', 'method': 'notifications/initialized'},
        {'jsonrpc': '2.0', 'id': 2, 'method': 'tools/call', 'params': {'name': name, 'arguments': arguments}},
    ]
    for m in messages:
        p.stdin.write((json.dumps(m) + '\n').encode())
    p.stdin.flush()
    result = None
    while True:
        line = p.stdout.readline()
        if not line:
            break
        message = json.loads(line)
        if message.get('id') == 2:
            result = message.get('result')
            break
    p.stdin.close()
    p.wait(timeout=10)
    return result


def helper_running():
    out = subprocess.run(['pgrep', '-f', 'dimo-tray-login'], capture_output=True, text=True).stdout
    return bool(out.strip())


def main():
    tmp = tempfile.mkdtemp(prefix='bench-tray-')
    env = dict(os.environ, XDG_CACHE_HOME=f'{tmp}/cache', DIMOTRAY_LOGIN_TEST_CLICK='approve')
    env.pop('QT_QPA_PLATFORM', None)  # the X display
    sim = subprocess.Popen(['node', f'{root}/tests/dimosim/src/main.mjs', '--port', '0'], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL)
    info = json.loads(sim.stdout.readline())
    socket = f'{tmp}/mcp.sock'
    trayer = None
    if shutil.which('trayer'):
        trayer = subprocess.Popen(['trayer', '--edge', 'top', '--align', 'right', '--widthtype', 'pixel',
                                   '--width', '120', '--height', '32'], stderr=subprocess.DEVNULL)
        time.sleep(1)
    figures = {}
    tray = subprocess.Popen([f'{build}/bin/dimo-tray', '--demo', '--environment', info['environmentFile'],
                             '--socket', socket], env=env, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if os.path.exists(socket):
                break
            time.sleep(0.1)
        time.sleep(5)  # the demo sign-in, the vehicle list, then idle
        figures['tray_idle_rss_mb'] = rss_mb(tray.pid)
        answer = shim_call(socket, 'init_oauth', {})  # opens the embedded login window (a helper process)
        seen = helper_running()
        for _ in range(300):  # the page loads, the test click approves, the JWT is verified
            if not helper_running():
                break
            time.sleep(0.1)
        time.sleep(2)
        figures['tray_after_login_rss_mb'] = rss_mb(tray.pid)
        if not seen:
            print('bench-tray: the login window did not open: %s' % json.dumps(answer), file=sys.stderr)
    finally:
        tray.terminate()
        tray.wait(timeout=10)
        if trayer:
            trayer.terminate()
        sim.terminate()
    out = subprocess.run([f'{build}/bin/dimotray-ui-bench', '--json'], capture_output=True, text=True, env=env)
    figures.update(json.loads(out.stdout.strip().splitlines()[-1]))
    if as_json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f'{k:32} {v}')


main()
