// CLI entry: node src/main.mjs [--port N] [--seed N] [--environment-out FILE] [--command-delay-ms N] [--legacy-devices | --no-legacy-devices]
//                               [--tesla-oracle as-intended|as-deployed]
//                               [--verbose] [--exit-on-stdin-eof]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSim, PREFIXES, DEFAULT_COMMAND_DELAY_MS } from './sim.mjs';
import { TESLA_ORACLE_MODES } from './services/teslaoracle.mjs';

// The environment file names tesla-oracle for commands, as DIMO does since devices-api stopped
// resolving; `--legacy-devices` adds the old `devices` key (`--no-legacy-devices`, the default, is
// still accepted). The legacy route is served either way.
const LEGACY_DEVICES_IN_ENVIRONMENT = false;
const USAGE = 'usage: dimo-sim [--port N] [--seed N] [--environment-out FILE] [--command-delay-ms N] [--legacy-devices | --no-legacy-devices] [--tesla-oracle as-intended|as-deployed] [--verbose] [--exit-on-stdin-eof]\n';

function parseArgs(argv) {
  const o = { port: 0, seed: 1, environmentOut: null, verbose: false, exitOnStdinEof: false, commandDelayMs: DEFAULT_COMMAND_DELAY_MS,
    legacyDevices: LEGACY_DEVICES_IN_ENVIRONMENT, teslaOracle: 'as-intended' };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split(/=(.*)/s, 2);
    const val = () => (inline !== undefined ? inline : argv[++i]);
    if (k === '--port') o.port = Number(val());
    else if (k === '--seed') o.seed = Number(val());
    else if (k === '--environment-out') o.environmentOut = val();
    else if (k === '--command-delay-ms') o.commandDelayMs = Number(val());
    else if (k === '--no-legacy-devices') o.legacyDevices = false;
    else if (k === '--legacy-devices') o.legacyDevices = true;
    else if (k === '--tesla-oracle') o.teslaOracle = val();
    else if (k === '--verbose') o.verbose = true;
    else if (k === '--exit-on-stdin-eof') o.exitOnStdinEof = true;
    else if (k === '--help' || k === '-h') { process.stderr.write(USAGE); process.exit(0); }
    else { process.stderr.write(`dimosim: unknown argument ${argv[i]}\n`); process.exit(2); }
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) { process.stderr.write('dimosim: bad --port\n'); process.exit(2); }
  if (!Number.isFinite(o.seed)) { process.stderr.write('dimosim: bad --seed\n'); process.exit(2); }
  if (!TESLA_ORACLE_MODES.includes(o.teslaOracle)) { process.stderr.write(`dimosim: bad --tesla-oracle (${TESLA_ORACLE_MODES.join(' or ')})\n`); process.exit(2); }
  if (!Number.isInteger(o.commandDelayMs) || o.commandDelayMs < 0) { process.stderr.write('dimosim: bad --command-delay-ms\n'); process.exit(2); }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const sim = await createSim(opts);
const envFile = resolve(opts.environmentOut || join(mkdtempSync(join(tmpdir(), 'dimosim-')), 'environment.json'));
const envKeys = Object.keys(PREFIXES).filter((k) => k !== 'devices' || opts.legacyDevices);
writeFileSync(envFile, JSON.stringify(Object.fromEntries(envKeys.map((k) => [k, sim.urls[k]])), null, 2) + '\n');
process.stdout.write(JSON.stringify({ baseUrl: sim.baseUrl, environmentFile: envFile, controlUrl: `${sim.baseUrl}/_control`, testCredentials: sim.testCredentials }) + '\n');
if (opts.verbose) process.stderr.write(`[dimosim] listening on ${sim.baseUrl} (seed ${opts.seed})\n`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await Promise.race([sim.close(), new Promise((ok) => setTimeout(ok, 1000))]);
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
if (opts.exitOnStdinEof) {
  process.stdin.on('end', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
}
