// Issue 18 "keep it true": every recorded row of FIDELITY.md's `contract` block is asked of the simulator and its
// answer compared (status, body shape or text, GraphQL error). A simulator change that drifts from DIMO fails here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSim } from '../src/index.mjs';
import { developerJwt, exchange } from './helpers.mjs';

const NFT = '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF';
const ROW = /^(GET|POST|PUT|DELETE) (\w+) (\S+)((?: (?:auth|mode)=\S+)*)(?: body=(.*?))? → (\d{3}) (json|keys|text|gql) (.*)$/;

/** The rows: [{line, method, service, path, auth, mode, body, status, kind, expect}]. */
export function readRows(markdown) {
  const block = /```contract\n([\s\S]*?)```/.exec(markdown);
  if (!block) throw new Error('FIDELITY.md has no ```contract block');
  return block[1].split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((line) => {
    const m = ROW.exec(line);
    if (!m) throw new Error(`unreadable contract row: ${line}`);
    const opts = Object.fromEntries([...m[4].matchAll(/ (auth|mode)=(\S+)/g)].map((x) => [x[1], x[2]]));
    return { line, method: m[1], service: m[2], path: m[3], auth: opts.auth || 'none', mode: opts.mode, body: m[5],
      status: Number(m[6]), kind: m[7], expect: m[8] };
  });
}

const rows = readRows(readFileSync(new URL('../FIDELITY.md', import.meta.url), 'utf8'));
let sim;
let dev;
const tokens = new Map();
before(async () => { sim = await startSim(); dev = await developerJwt(sim); });
after(async () => { assert.equal(await sim.stop(), 0); });

function expand(text) {
  const c = sim.testCredentials;
  return text.replaceAll('$NFT', NFT).replaceAll('$CLIENT', c.clientId).replaceAll('$DOMAIN', encodeURIComponent(c.redirectUri))
    .replace(/\$NOW([+-]\d+)h/g, (_, h) => new Date(Date.now() + Number(h) * 3600000).toISOString());
}

async function bearer(auth) {
  if (auth === 'none') return null;
  if (auth === 'developer') return dev;
  if (auth === 'bogus') return dev.slice(0, -4) + (dev.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  if (!tokens.has(auth)) {
    const [kind, id, privs] = auth.split(':');
    const body = kind === 'vehicle-ce'
      ? { asset: `did:erc721:137:${NFT}:${id}`, cloudEvents: { events: [{ eventType: 'dimo.attestation' }] } }
      : { nftContractAddress: NFT, privileges: privs.split(',').map(Number), tokenId: Number(id) };
    const r = await exchange(sim, dev, body);
    assert.equal(r.status, 200, `${auth}: ${r.text}`);
    tokens.set(auth, r.body.token);
  }
  return tokens.get(auth);
}

test('FIDELITY.md has contract rows for every service the product calls', () => {
  const services = new Set(rows.map((r) => r.service));
  for (const s of ['auth', 'tokenExchange', 'identity', 'telemetry', 'teslaOracle', 'deviceDefinitions', 'creditTracker']) assert.ok(services.has(s), s);
});

for (const row of rows) {
  test(row.line.slice(0, 160), async () => {
    await sim.control('/tesla-oracle', 'POST', { mode: row.mode || 'as-intended' });
    const headers = {};
    const token = await bearer(row.auth);
    if (token) headers.authorization = `Bearer ${token}`;
    if (row.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(sim.url(row.service, expand(row.path)), { method: row.method, headers, body: row.body === undefined ? undefined : expand(row.body) });
    const text = await res.text();
    let json;
    try { json = JSON.parse(text); } catch { json = undefined; }
    assert.equal(res.status, row.status, text.slice(0, 300));
    if (row.kind === 'text') assert.equal(text, row.expect);
    else if (row.kind === 'json') assert.deepEqual(json, JSON.parse(row.expect));
    else if (row.kind === 'keys') assert.deepEqual(Object.keys(json).sort(), JSON.parse(row.expect));
    else {
      const e = json?.errors?.[0];
      assert.ok(e, text.slice(0, 300));
      assert.deepEqual([e.message, e.extensions?.code ?? null], JSON.parse(row.expect));
    }
  });
}
