// startSim(): spawn the simulator on port 0 for node tests; resolves with its announced JSON line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PREFIXES } from './sim.mjs';

const MAIN = fileURLToPath(new URL('./main.mjs', import.meta.url));

// Generous by default: a loaded CI machine may be slow to start Node. How fast the simulator
// starts is measured by bench.mjs (sim_start_ms), not asserted here.
const defaultTimeoutMs = 30000 * (Number(process.env.DIMOTRAY_TEST_TIMEOUT_FACTOR) || 1);

export function startSim({ args = [], timeoutMs = defaultTimeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, '--port', '0', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`dimosim did not start in ${timeoutMs} ms: ${err}`)); }, timeoutMs);
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => { clearTimeout(timer); if (!out.includes('\n')) reject(new Error(`dimosim exited (${code}): ${err}`)); });
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      const info = JSON.parse(out.slice(0, nl));
      const env = JSON.parse(readFileSync(info.environmentFile, 'utf8'));
      resolve({
        ...info, env, process: child, stderr: () => err, stdout: () => out,
        url: (service, path = '') => (env[service] ?? info.baseUrl + PREFIXES[service]) + path,
        control: async (path, method = 'GET', body) => {
          const res = await fetch(`${info.controlUrl}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
          return res.json();
        },
        stop: () => new Promise((ok) => { if (child.exitCode !== null) return ok(child.exitCode); child.once('exit', (c) => ok(c)); child.kill('SIGTERM'); }),
      });
    });
  });
}
