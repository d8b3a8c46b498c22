#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
"""DIMO Tray's security evidence: the attacks of issue 15, tried by a real second Unix user.

Run by scripts/security (as root: it creates two users for the run and removes them after):
an *owner* who runs the tray, the shim and the MCP clients, and an *intruder* on the same
machine. Every attack is one row: what was tried, what must happen, what happened. The exit code
is 1 when any row's observation is not the expected one (0: all as expected).

The same file holds the small programs that run as one of the users (`attacks.py as-user ...`):
root starts them with that user's uid, so every probe crosses the real permission checks.
"""
import json
import os
import pwd
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

VEHICLE = 24567  # a simulator vehicle that takes commands (tests/dimosim README)
# The users' programs run with the system's Python: the driver's own may live where only root can
# read (a pyenv under /root, for example).
USER_PYTHON = "/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else sys.executable


# ---------------------------------------------------------------------------------------------
# Programs that run as one user (argv: as-user <what> ...). They print one JSON line.
# ---------------------------------------------------------------------------------------------

class Mcp:
    """A line-delimited MCP client on a local socket."""

    def __init__(self, path, elicitation=False, name="attacks"):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(10)
        self.sock.connect(path)
        self.buf = b""
        self.next_id = 1
        caps = {"elicitation": {"form": {}}} if elicitation else {}
        self.init_reply = self.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": caps,
                                    "clientInfo": {"name": name, "version": "1"}})
        self.notify("notifications/initialized")

    def send(self, obj):
        self.sock.sendall(json.dumps(obj).encode() + b"\n")

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, **({"params": params} if params else {})})

    def start(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params or {}})
        return rid

    def read(self, timeout=10):
        deadline = time.time() + timeout
        while b"\n" not in self.buf:
            left = deadline - time.time()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.sock], [], [], left)
            if not ready:
                return None
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def wait_for(self, predicate, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            msg = self.read(deadline - time.time())
            if msg is None:
                return None
            if predicate(msg):
                return msg
        return None

    def request(self, method, params=None, timeout=10):
        rid = self.start(method, params)
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)


def text_of(result):
    if not result or "result" not in result:
        return json.dumps(result)[:300]
    return " ".join(c.get("text", "") for c in result["result"].get("content", []))[:300]


def as_user(args):
    what = args[0]
    out = {}
    if what == "connect":  # connect to a unix socket and try an MCP initialize
        try:
            m = Mcp(args[1])
            out = {"connected": True, "initialized": m.init_reply is not None}
        except OSError as e:
            out = {"connected": False, "error": e.strerror or str(e)}
        except Exception as e:  # the server dropped us while we talked
            out = {"connected": True, "dropped": True, "error": str(e)}
    elif what == "fake-server":  # a server that records whatever a client sends, until killed
        path, log = args[1], args[2]
        srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        srv.bind(path)
        os.chmod(path, 0o777)
        srv.listen(8)
        print(json.dumps({"listening": path}), flush=True)
        while True:
            conn, _ = srv.accept()
            data = conn.recv(1 << 16)
            with open(log, "ab") as f:
                f.write(data)
            conn.sendall(b'{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-06-18",'
                         b'"capabilities":{"tools":{}},"serverInfo":{"name":"fake","version":"0"}}}\n')
    elif what == "http":  # one HTTP request: url, headers JSON, body
        url, headers, body = args[1], json.loads(args[2]), args[3].encode()
        req = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                out = {"status": r.status, "session": r.headers.get("Mcp-Session-Id")}
        except urllib.error.HTTPError as e:
            out = {"status": e.code}
        except OSError as e:
            out = {"status": 0, "error": str(e)}
    elif what == "idle-connections":  # open N idle TCP connections and hold them
        port, n, seconds = int(args[1]), int(args[2]), float(args[3])
        conns = []
        for _ in range(n):
            try:
                conns.append(socket.create_connection(("127.0.0.1", port), timeout=2))
            except OSError:
                break
        print(json.dumps({"opened": len(conns)}), flush=True)
        time.sleep(seconds)
    elif what == "cross-client-approval":
        path = args[1]
        a = Mcp(path, elicitation=True, name="client-a")
        b = Mcp(path, elicitation=True, name="client-b")
        rid = a.start("tools/call", {"name": "unlock_doors", "arguments": {"tokenId": VEHICLE}})
        ask = a.wait_for(lambda m: m.get("method") == "elicitation/create")
        if ask is None:
            out = {"a_asked": False}
        else:
            # A (an AI client answering its own elicitation) claims "always".
            a.send({"jsonrpc": "2.0", "id": ask["id"],
                    "result": {"action": "accept", "content": {"decision": "always"}}})
            a.wait_for(lambda m: m.get("id") == rid, 30)
            rid_b = b.start("tools/call", {"name": "unlock_doors", "arguments": {"tokenId": VEHICLE}})
            ask_b = b.wait_for(lambda m: m.get("method") == "elicitation/create" or m.get("id") == rid_b, 15)
            out = {"a_asked": True, "b_asked": bool(ask_b and ask_b.get("method") == "elicitation/create"),
                   "b_result": text_of(ask_b) if ask_b and "result" in ask_b else ""}
            rid_a2 = a.start("tools/call", {"name": "unlock_doors", "arguments": {"tokenId": VEHICLE}})
            ask_a2 = a.wait_for(lambda m: m.get("method") == "elicitation/create" or m.get("id") == rid_a2, 15)
            out["a_asked_again"] = bool(ask_a2 and ask_a2.get("method") == "elicitation/create")
    elif what == "command-asks":  # does an unlock through this socket ask (elicitation) first?
        m = Mcp(args[1], elicitation=True)
        rid = m.start("tools/call", {"name": "unlock_doors", "arguments": {"tokenId": VEHICLE}})
        first = m.wait_for(lambda x: x.get("method") == "elicitation/create" or x.get("id") == rid, 20)
        out = {"asked": bool(first and first.get("method") == "elicitation/create"),
               "result": text_of(first) if first and "result" in first else ""}
    elif what == "oversized":  # a 3.9 MB argument on one session, a ping on another
        path, tool, field = args[1], args[2], args[3]
        a, b = Mcp(path), Mcp(path)
        big = "x" * (3900 * 1024)
        arguments = {"tokenId": VEHICLE, field: [big] if field == "signalNames" else big}
        t0 = time.time()
        rid = a.start("tools/call", {"name": tool, "arguments": arguments})
        time.sleep(0.2)
        t1 = time.time()
        pong = b.request("ping", timeout=120)
        ping_ms = (time.time() - t1) * 1000
        answer = a.wait_for(lambda m: m.get("id") == rid, 120)
        out = {"ping_ms": round(ping_ms), "answer_ms": round((time.time() - t0) * 1000), "pong": pong is not None,
               "is_error": bool(answer and (answer.get("result", {}).get("isError") or "error" in answer)),
               "text": text_of(answer) if answer and "result" in answer else json.dumps(answer)[:200]}
    elif what == "never-reads":  # floods requests and never reads the answers
        path, n = args[1], int(args[2])
        m = Mcp(path)
        m.sock.setblocking(False)
        sent = 0
        line = json.dumps({"jsonrpc": "2.0", "id": 0, "method": "tools/list"}).encode() + b"\n"
        deadline = time.time() + 20
        while sent < n and time.time() < deadline:
            try:
                m.sock.sendall(line)
                sent += 1
            except BlockingIOError:
                time.sleep(0.01)
            except OSError:
                break
        time.sleep(3)
        out = {"sent": sent}
    elif what == "tool":  # one tools/call: socket, tool, arguments JSON
        m = Mcp(args[1])
        answer = m.request("tools/call", {"name": args[2], "arguments": json.loads(args[3])}, timeout=60)
        out = {"text": text_of(answer), "is_error": bool(answer and answer.get("result", {}).get("isError"))}
    elif what == "login-callback":  # a redirect to the headless login listener
        try:
            with urllib.request.urlopen(args[1], timeout=5) as r:
                out = {"status": r.status}
        except urllib.error.HTTPError as e:
            out = {"status": e.code}
        except OSError as e:
            out = {"status": 0, "error": str(getattr(e, "reason", e))}
    print(json.dumps(out), flush=True)


# ---------------------------------------------------------------------------------------------
# The driver (root): users, processes, rows.
# ---------------------------------------------------------------------------------------------

class Run:
    def __init__(self, build, source):
        self.source = source
        self.rows = []
        self.procs = []
        self.scratch = tempfile.mkdtemp(prefix="dimotray-security-")
        os.chmod(self.scratch, 0o755)
        self.bin = os.path.join(self.scratch, "bin")
        os.mkdir(self.bin)
        for exe in ("dimo-tray", "mcp-dimo"):
            shutil.copy2(os.path.join(build, "bin", exe), self.bin)
        shutil.copy2(__file__, os.path.join(self.bin, "attacks.py"))
        # Under AddressSanitizer (scripts/test --sanitize) the tray rests at ~250 MB of shadow
        # memory: the memory rows then bound the growth instead of the peak.
        try:
            with open(os.path.join(build, "CMakeCache.txt")) as f:
                self.sanitized = "DIMOTRAY_ASAN:BOOL=ON" in f.read()
        except OSError:
            self.sanitized = False
        tag = str(os.getpid())
        self.owner = self.make_user("dtsec-own" + tag)
        self.intruder = self.make_user("dtsec-int" + tag)
        self.sim_env = self.start_simulator()

    # users ----------------------------------------------------------------------------------
    def make_user(self, name):
        home = os.path.join(self.scratch, name)
        subprocess.run(["useradd", "--no-user-group", "--gid", "nogroup", "--home-dir", home, "--create-home",
                        "--shell", "/usr/sbin/nologin", name], check=True, stdout=subprocess.DEVNULL)
        pw = pwd.getpwnam(name)
        runtime = os.path.join(self.scratch, name + "-runtime")
        os.mkdir(runtime, 0o700)
        os.chown(runtime, pw.pw_uid, pw.pw_gid)
        return {"name": name, "uid": pw.pw_uid, "gid": pw.pw_gid, "home": home, "runtime": runtime}

    def env_of(self, user, runtime=True, extra=None):
        env = {"HOME": user["home"], "USER": user["name"], "LOGNAME": user["name"], "PATH": "/usr/bin:/bin",
               "QT_QPA_PLATFORM": "offscreen", "DIMOTRAY_KEYCHAIN": "off", "LANG": "C.UTF-8", "TMPDIR": "/tmp"}
        if runtime:
            env["XDG_RUNTIME_DIR"] = user["runtime"]
        env.update(extra or {})
        return env

    def as_user(self, user, *args, timeout=180, env=None):
        cmd = [USER_PYTHON, os.path.join(self.bin, "attacks.py"), "as-user", *map(str, args)]
        p = subprocess.run(cmd, user=user["uid"], group=user["gid"], env=env or self.env_of(user),
                           capture_output=True, text=True, timeout=timeout, cwd="/")
        lines = [line for line in p.stdout.splitlines() if line.startswith("{")]
        return json.loads(lines[-1]) if lines else {"crashed": p.stderr[-300:]}

    # processes ------------------------------------------------------------------------------
    def start_simulator(self):
        p = subprocess.Popen(["bash", os.path.join(self.source, "scripts", "dimo-sim"), "--port", "0",
                              "--command-delay-ms", "200"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
        self.procs.append(p)
        info = json.loads(p.stdout.readline())
        self.credentials = info["testCredentials"]
        self.control = info["controlUrl"]
        env = os.path.join(self.scratch, "environment.json")
        shutil.copy(info["environmentFile"], env)
        os.chmod(env, 0o644)
        return env

    def start_tray(self, user, args=(), env=None, expect_endpoints=True):
        cmd = [os.path.join(self.bin, "dimo-tray"), "--headless", "--demo", "--environment", self.sim_env,
               "--print-endpoints", *args]
        p = subprocess.Popen(cmd, user=user["uid"], group=user["gid"], env=env or self.env_of(user),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd="/")
        self.procs.append(p)
        if not expect_endpoints:
            try:
                _, err = p.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
                return p, None, "still running"
            lines = [line for line in err.strip().splitlines() if line.strip() and "--help" not in line]
            return p, None, " ".join(lines)[-300:] if lines else f"exit {p.returncode}"
        ready, _, _ = select.select([p.stdout], [], [], 30)
        line = p.stdout.readline() if ready else ""
        return p, (json.loads(line) if line.startswith("{") else None), ""

    def stop(self, p):
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()

    def fault(self, fault):
        req = urllib.request.Request(self.control + "/faults", data=json.dumps(fault).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
        urllib.request.urlopen(req, timeout=10).read()

    def clear_faults(self):
        urllib.request.urlopen(urllib.request.Request(self.control + "/faults", method="DELETE"), timeout=10).read()

    def rss_mb(self, p):
        try:
            with open(f"/proc/{p.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def memory_bound(self, before, limit_mb=150):
        """(expected text, ceiling in MB) for a row whose tray started at `before` MB."""
        if self.sanitized:
            return f"grows under {limit_mb} MB (ASan build)", before + limit_mb
        return f"peak under {limit_mb} MB", limit_mb

    def row(self, attack, expected, observed, ok):
        self.rows.append((attack, expected, observed, ok))
        print(f"{'ok ' if ok else 'BAD'} {attack}: {observed}", file=sys.stderr, flush=True)

    def end_attack(self):
        """Whatever an attack left running (trays, shims, probes) ends before the next one."""
        for user in (self.owner, self.intruder):
            subprocess.run(["pkill", "-TERM", "-u", user["name"]], stderr=subprocess.DEVNULL)
        time.sleep(1)
        for user in (self.owner, self.intruder):
            subprocess.run(["pkill", "-KILL", "-u", user["name"]], stderr=subprocess.DEVNULL)

    def cleanup(self):
        for p in self.procs:
            if p.poll() is None:
                p.kill()
        for user in (self.owner, self.intruder):
            subprocess.run(["pkill", "-KILL", "-u", user["name"]], stderr=subprocess.DEVNULL)
            time.sleep(0.2)
            subprocess.run(["userdel", user["name"]], stderr=subprocess.DEVNULL)
        shutil.rmtree(self.scratch, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The attacks. Each adds rows; none depends on another's outcome.
# ---------------------------------------------------------------------------------------------

def attack_socket(run):
    tray, endpoints, _ = run.start_tray(run.owner)
    path = (endpoints or {}).get("socket", "")
    probe = run.as_user(run.intruder, "connect", path)
    run.row("intruder connects to the owner's socket", "refused",
            json.dumps(probe), bool(path) and not probe.get("initialized"))
    own = run.as_user(run.owner, "connect", path)
    run.row("owner connects to its own socket", "served", json.dumps(own), bool(own.get("initialized")))
    run.stop(tray)


def attack_planted_fallback(run):
    """No runtime dir: the old fallback was <tmp>/app/dimo-tray, which the intruder can make first."""
    planted = "/tmp/app/dimo-tray"
    shutil.rmtree("/tmp/app", ignore_errors=True)
    os.makedirs(planted, mode=0o777)
    os.chmod("/tmp/app", 0o777)
    os.chmod(planted, 0o777)
    for d in ("/tmp/app", planted):
        os.chown(d, run.intruder["uid"], run.intruder["gid"])
    log = os.path.join(run.scratch, "fake.log")
    open(log, "wb").close()
    os.chmod(log, 0o666)
    fake = subprocess.Popen([USER_PYTHON, os.path.join(run.bin, "attacks.py"), "as-user", "fake-server",
                             planted + "/mcp.sock", log], user=run.intruder["uid"], group=run.intruder["gid"],
                            env=run.env_of(run.intruder), stdout=subprocess.PIPE, text=True)
    run.procs.append(fake)
    fake.stdout.readline()
    with open(planted + "/mcp.sock.lock", "w") as f:  # a lock naming a live process
        f.write(f"{fake.pid}\ndimo-tray\n{os.uname().nodename}\n")
    os.chown(planted + "/mcp.sock.lock", run.intruder["uid"], run.intruder["gid"])
    # Qt's own fallback for a missing XDG_RUNTIME_DIR, planted as a symlink to the intruder's folder.
    qt_runtime = f"/tmp/runtime-{run.owner['name']}"
    target = os.path.join(run.scratch, "intruder-target")
    os.mkdir(target, 0o777)
    os.chmod(target, 0o777)
    os.chown(target, run.intruder["uid"], run.intruder["gid"])
    if os.path.lexists(qt_runtime):
        os.remove(qt_runtime)
    os.symlink(target, qt_runtime)
    os.lchown(qt_runtime, run.intruder["uid"], run.intruder["gid"])

    env = run.env_of(run.owner, runtime=False)
    tray, endpoints, err = run.start_tray(run.owner, env=env)
    path = (endpoints or {}).get("socket", "")
    run.row("planted <tmp>/app/dimo-tray + live lock, owner without runtime dir",
            "tray starts in a folder of the owner's own",
            path or f"did not start: {err or 'no endpoints'}",
            bool(path) and path.startswith(run.owner["home"] + "/") and not path.startswith("/tmp/app/"))
    mode = oct(os.stat(target).st_mode & 0o777)
    run.row("planted /tmp/runtime-<owner> symlink to the intruder's folder", "not used, not chmod-ed (0o777)",
            f"target mode {mode}, {len(os.listdir(target))} entries", mode == "0o777" and not os.listdir(target))
    shim = subprocess.run([os.path.join(run.bin, "mcp-dimo")], user=run.owner["uid"], group=run.owner["gid"],
                          env={**env, "DIMOTRAY_NO_AUTOSTART": "1"}, cwd="/", capture_output=True, text=True,
                          timeout=30,
                          input='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":'
                                '"2025-06-18","capabilities":{},"clientInfo":{"name":"a","version":"1"}}}\n')
    with open(log, "rb") as f:
        leaked = f.read()
    run.row("owner's shim without runtime dir", "talks to the owner's tray, never to the planted server",
            f"planted server received {len(leaked)} bytes; shim said {shim.stdout[:120]!r}",
            not leaked and '"fake"' not in shim.stdout and shim.stdout.strip() != "")
    run.stop(tray)
    fake.kill()
    os.remove(qt_runtime)
    shutil.rmtree("/tmp/app", ignore_errors=True)


def attack_http(run):
    token = "sec-" + os.urandom(16).hex()
    token_file = os.path.join(run.owner["home"], "http-token")
    with open(token_file, "w") as f:
        f.write(token)
    os.chown(token_file, run.owner["uid"], run.owner["gid"])
    os.chmod(token_file, 0o600)

    _, _, err = run.start_tray(run.owner, ["--http-port", "0"], expect_endpoints=False)
    run.row("HTTP endpoint without a token", "refuses to start", err[:160], "token" in err.lower())
    _, _, err = run.start_tray(run.owner, ["--http-port", "0", "--http-token", token], expect_endpoints=False)
    run.row("HTTP token on the command line (visible in ps)", "refused", err[:160],
            "still running" not in err and "token" in err.lower())

    tray, endpoints, _ = run.start_tray(run.owner, ["--http-port", "0", "--http-token-file", token_file])
    url = (endpoints or {}).get("http", "")
    if not url:
        run.row("HTTP endpoint with a 0600 token file", "starts", "no endpoint", False)
        run.stop(tray)
        return
    with open(f"/proc/{tray.pid}/cmdline", "rb") as f:
        cmdline = f.read()
    run.row("intruder reads the tray's command line", "no token in it",
            "token visible" if token.encode() in cmdline else "no token", token.encode() not in cmdline)
    init = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                                  "clientInfo": {"name": "x", "version": "1"}}})
    base = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    cases = [
        ("intruder, no token", {}, 401),
        ("intruder, wrong token", {"Authorization": "Bearer wrong"}, 401),
        ("leaked token, foreign Origin", {"Authorization": f"Bearer {token}", "Origin": "http://localhost:1"}, 403),
        ("leaked token, Content-Type text/plain; x=application/json",
         {"Authorization": f"Bearer {token}", "Content-Type": "text/plain; x=application/json"}, 415),
    ]
    for name, headers, want in cases:
        got = run.as_user(run.intruder, "http", url, json.dumps({**base, **headers}), init)
        run.row(f"HTTP: {name}", str(want), str(got.get("status")), got.get("status") == want)

    owner_headers = json.dumps({**base, "Authorization": f"Bearer {token}"})
    first = run.as_user(run.owner, "http", url, owner_headers, init)
    for _ in range(70):
        run.as_user(run.intruder, "http", url, json.dumps(base), init)
    ping = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "ping"})
    again = run.as_user(run.owner, "http", url,
                        json.dumps({**base, "Authorization": f"Bearer {token}",
                                    "Mcp-Session-Id": first.get("session") or "",
                                    "MCP-Protocol-Version": "2025-06-18"}), ping)
    run.row("70 unauthenticated initializes, then the owner's session", "owner's session still served (200)",
            f"{again.get('status')}", again.get("status") == 200)

    hold = subprocess.Popen([USER_PYTHON, os.path.join(run.bin, "attacks.py"), "as-user", "idle-connections",
                             str(port), "130", "20"], user=run.intruder["uid"], group=run.intruder["gid"],
                            env=run.env_of(run.intruder), stdout=subprocess.PIPE, text=True)
    run.procs.append(hold)
    opened = json.loads(hold.stdout.readline() or "{}").get("opened", 0)
    t0 = time.time()
    served = run.as_user(run.owner, "http", url, owner_headers, init)
    took = time.time() - t0
    run.row(f"intruder holds {opened} idle connections, owner initializes", "served within 6 s",
            f"{served.get('status')} after {took:.1f} s", served.get("status") == 200 and took < 6)
    hold.kill()
    run.stop(tray)


def attack_login_listener(run):
    # The simulator's license with its loopback redirect URI (demo mode's redirects to example.com).
    env = run.env_of(run.owner, extra={"DIMO_CLIENT_ID": run.credentials["clientId"],
                                       "DIMO_PRIVATE_KEY": run.credentials["apiKey"],
                                       "DIMO_DOMAIN": "http://localhost:8765/callback"})
    cmd = [os.path.join(run.bin, "dimo-tray"), "--headless", "--environment", run.sim_env, "--print-endpoints"]
    tray = subprocess.Popen(cmd, user=run.owner["uid"], group=run.owner["gid"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd="/")
    run.procs.append(tray)
    ready, _, _ = select.select([tray.stdout], [], [], 30)
    endpoints = json.loads(tray.stdout.readline()) if ready else {}
    path = (endpoints or {}).get("socket", "")
    forged = "http://127.0.0.1:8765/callback?token=garbage.garbage.garbage&walletAddress=0x" + "11" * 20
    got = run.as_user(run.intruder, "login-callback", forged)
    run.row("intruder sends a login redirect when no login was started", "nothing listens (connection refused)",
            json.dumps(got), got.get("status") == 0)
    before = run.as_user(run.owner, "tool", path, "check_vehicle_access_status", "{}").get("text", "")
    started = run.as_user(run.owner, "tool", path, "init_oauth", json.dumps({"port": 8765}))
    got = run.as_user(run.intruder, "login-callback", forged)
    after = run.as_user(run.owner, "tool", path, "check_vehicle_access_status", "{}").get("text", "")
    signed_in = "Signed in" in before
    run.row("during the owner's login, the intruder's forged redirect", "refused; the owner's state unchanged",
            f"listener answered {got.get('status')}; signed in before {signed_in}, after {'Signed in' in after}"
            + ("" if not started.get("is_error") else f"; init_oauth failed: {started.get('text', '')[:80]}"),
            not started.get("is_error") and got.get("status", 0) >= 400 and signed_in == ("Signed in" in after))
    # The attempt's state is random and only in the owner's link: the intruder cannot complete it,
    # and a wrong state does not use the attempt up (so junk cannot block the owner's login).
    again = run.as_user(run.intruder, "login-callback", forged + "&utm=state%3Dguess")
    run.row("another forged redirect with a guessed state", "refused (403)", json.dumps(again),
            again.get("status") in (0, 403))
    run.stop(tray)


def attack_approvals(run):
    tray, endpoints, _ = run.start_tray(run.owner)
    path = (endpoints or {}).get("socket", "")
    got = run.as_user(run.owner, "cross-client-approval", path, timeout=240)
    run.row("client A answers its own elicitation with \"always\"; client B unlocks",
            "B is asked", json.dumps(got)[:200], got.get("a_asked") and got.get("b_asked"))
    run.row("client A unlocks again after its \"always\"", "A is asked again (elicitation grants one call)",
            str(got.get("a_asked_again")), bool(got.get("a_asked_again")))
    run.stop(tray)


def attack_env_policy(run):
    """A client whose environment says DIMOTRAY_APPROVAL=never starts the tray through its shim."""
    wrapper = os.path.join(run.bin, "tray-for-shim")
    with open(wrapper, "w") as f:
        f.write(f'#!/bin/sh\nexec "{run.bin}/dimo-tray" "$@" --demo --environment "{run.sim_env}"\n')
    os.chmod(wrapper, 0o755)
    env = run.env_of(run.owner, extra={"DIMOTRAY_APPROVAL": "never", "DIMOTRAY_TRAY_PATH": wrapper})
    shim = subprocess.Popen([os.path.join(run.bin, "mcp-dimo")], user=run.owner["uid"], group=run.owner["gid"],
                            env=env, cwd="/", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    run.procs.append(shim)
    shim.stdin.write('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",'
                     '"capabilities":{},"clientInfo":{"name":"never-client","version":"1"}}}\n')
    shim.stdin.flush()
    ready, _, _ = select.select([shim.stdout], [], [], 30)
    shim.stdout.readline() if ready else None
    socket_path = os.path.join(run.owner["runtime"], "app", "dimo-tray", "mcp.sock")
    deadline = time.time() + 20
    while not os.path.exists(socket_path) and time.time() < deadline:
        time.sleep(0.2)
    got = run.as_user(run.owner, "command-asks", socket_path, timeout=60)
    run.row("shim with DIMOTRAY_APPROVAL=never starts the tray; another client unlocks",
            "the other client is asked", json.dumps(got)[:160], bool(got.get("asked")))
    shim.stdin.close()
    run.stop(shim)
    subprocess.run(["pkill", "-TERM", "-u", run.owner["name"], "dimo-tray"], stderr=subprocess.DEVNULL)
    time.sleep(1)


def attack_exhaustion(run):
    tray, endpoints, _ = run.start_tray(run.owner)
    path = (endpoints or {}).get("socket", "")
    for tool, field in (("telemetry_get_latest_signals", "signalNames"), ("telemetry_introspect", "search")):
        got = run.as_user(run.owner, "oversized", path, tool, field)
        run.row(f"3.9 MB {field} to {tool}; another session pings",
                "isError at once; ping under 1 s",
                f"isError={got.get('is_error')} answer {got.get('answer_ms')} ms, ping {got.get('ping_ms')} ms",
                bool(got.get("is_error")) and got.get("ping_ms", 1e9) < 1000)
    before = run.rss_mb(tray)
    flood = run.as_user(run.owner, "never-reads", path, 20000)
    after = run.rss_mb(tray)
    still = run.as_user(run.owner, "connect", path)
    bound, ceiling = run.memory_bound(before)
    run.row(f"a client sends {flood.get('sent')} tools/list and never reads", f"tray {bound}, serves others",
            f"peak RSS {before:.0f} -> {after:.0f} MB; other client served: {still.get('initialized')}",
            after < ceiling and bool(still.get("initialized")))
    run.stop(tray)
    # DIMO (or whoever answers in its place) streams a 400 MB body: the tray stops reading at its
    # 32 MB cap, answers with the cap's error, and its peak RSS stays far below the body's size.
    run.end_attack()
    tray, endpoints, _ = run.start_tray(run.owner)
    path = (endpoints or {}).get("socket", "")
    run.fault({"service": "telemetry", "bodyBytes": 400 * 1024 * 1024, "times": 1})
    before = run.rss_mb(tray)
    got = run.as_user(run.owner, "tool", path, "telemetry_get_latest_signals", json.dumps({"tokenId": VEHICLE, "signalNames": ["speed"]}))
    after = run.rss_mb(tray)
    run.clear_faults()
    bound, ceiling = run.memory_bound(before)
    run.row("telemetry answers with a 400 MB body (chunked)", f"isError naming the 32 MB cap; tray {bound}",
            f"isError={got.get('is_error')} \"{got.get('text', '')[:70]}\"; peak RSS {before:.0f} -> {after:.0f} MB",
            bool(got.get("is_error")) and "larger than 32 MB" in got.get("text", "") and after < ceiling)
    run.stop(tray)


ATTACKS = [attack_socket, attack_planted_fallback, attack_http, attack_login_listener, attack_approvals,
           attack_env_policy, attack_exhaustion]


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "as-user":
        as_user(sys.argv[2:])
        return 0
    build, source = sys.argv[1], sys.argv[2]
    if os.geteuid() != 0:
        print("security: needs root (it creates two users for the run)", file=sys.stderr)
        return 77
    run = Run(build, source)
    try:
        only = os.environ.get("DIMOTRAY_SECURITY_ONLY", "")  # e.g. "http,approvals": attack_<name>
        for attack in ATTACKS:
            if only and attack.__name__.removeprefix("attack_") not in only.split(","):
                continue
            try:
                attack(run)
            except Exception as e:  # an attack that could not run is a failed row, not a crash
                run.row(attack.__name__, "runs", f"could not run: {type(e).__name__}: {e}"[:200], False)
            run.end_attack()
    finally:
        run.cleanup()
    width = max(len(r[0]) for r in run.rows)
    print(f"{'attack':<{width}} | expected | observed | result")
    for attack, expected, observed, ok in run.rows:
        print(f"{attack:<{width}} | {expected} | {observed} | {'as expected' if ok else 'UNEXPECTED'}")
    bad = sum(1 for r in run.rows if not r[3])
    print(f"security: {len(run.rows) - bad} passed, {bad} failed")
    return min(bad, 1)


if __name__ == "__main__":
    sys.exit(main())
