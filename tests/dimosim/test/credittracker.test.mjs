// credit-tracker (DIMO-Network/credit-tracker 4cc9b9a): routes, auth, shapes and errors as FIDELITY.md records them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim } from '../src/index.mjs';
import { developerJwt } from './helpers.mjs';

let sim;
let jwt;
before(async () => { sim = await startSim(); jwt = await developerJwt(sim); });
after(async () => { assert.equal(await sim.stop(), 0); });

const CONTRACT = '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF';
const did = (id) => `did:erc721:137:${CONTRACT}:${id}`;
const FROM = '2020-01-01T00:00:00Z';

async function get(path, token = jwt) {
  const res = await fetch(sim.url('creditTracker', path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* plain text */ }
  return { status: res.status, body: json, text };
}

test('the asset route answers the balance of one (license, vehicle); the low fixture vehicle has 12 left', async () => {
  const lic = sim.testCredentials.clientId;
  const r = await get(`/v1/credits/${lic}/assets/${did(24558)}/usage?fromDate=${FROM}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body), ['licenseId', 'assetDid', 'fromDate', 'toDate', 'numOfCreditsUsed', 'numOfCreditsGrantsPurchased', 'currentCreditsRemaining']);
  assert.equal(r.body.licenseId, lic);
  assert.equal(r.body.assetDid, did(24558));
  assert.equal(r.body.fromDate, FROM);
  assert.equal(r.body.toDate, '0001-01-01T00:00:00Z'); // Go's zero time
  assert.equal(r.body.currentCreditsRemaining, 12);
  assert.equal(r.body.numOfCreditsUsed, 988);
  assert.equal(r.body.numOfCreditsGrantsPurchased, 1);
  // percent-encoded DIDs are unescaped by the handler; an unknown asset is zero, not an error
  const enc = await get(`/v1/credits/${lic}/assets/${encodeURIComponent(did(24567))}/usage?fromDate=${FROM}`);
  assert.equal(enc.status, 200);
  assert.ok(enc.body.currentCreditsRemaining > 0 && enc.body.currentCreditsRemaining < 1000);
  const unknown = await get(`/v1/credits/${lic}/assets/${did(999999)}/usage?fromDate=${FROM}`);
  assert.equal(unknown.body.currentCreditsRemaining, 0);
});

test('the license route sums the period; the balance is not in it', async () => {
  const lic = sim.testCredentials.clientId;
  const r = await get(`/v1/credits/${lic}/usage?fromDate=${FROM}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(Object.keys(r.body), ['licenseId', 'fromDate', 'toDate', 'numOfAssets', 'numOfCreditsGrantsPurchased', 'numOfCreditsUsed']);
  assert.ok(r.body.numOfAssets > 5);
  assert.equal(r.body.numOfCreditsGrantsPurchased, r.body.numOfAssets);
  assert.ok(r.body.numOfCreditsUsed > 988);
});

test('auth: jwtAuth first (plain text), then the license must be the JWT\'s ethereum_address (exact string)', async () => {
  const lic = sim.testCredentials.clientId;
  let r = await get(`/v1/credits/${lic}/usage?fromDate=${FROM}`, null);
  assert.deepEqual([r.status, r.text], [400, 'missing or malformed JWT']);
  r = await get(`/v1/credits/${lic}/usage?fromDate=${FROM}`, 'x.y.z');
  assert.deepEqual([r.status, r.text], [401, 'Invalid or expired JWT']);
  for (const other of [lic.toLowerCase(), '0x0000000000000000000000000000000000000001']) {
    r = await get(`/v1/credits/${other}/usage`); // license check before the date checks
    assert.equal(r.status, 401);
    assert.deepEqual(r.body, { message: 'Unauthorized license does not match', code: 401 });
  }
});

test('date errors: 400 for unparsable dates, 500 for ranges the repository refuses', async () => {
  const lic = sim.testCredentials.clientId;
  const cases = [
    [`/v1/credits/${lic}/usage`, 400, 'fromDate is required'],
    [`/v1/credits/${lic}/usage?fromDate=2020-01-01`, 400, 'Invalid fromDate'],
    [`/v1/credits/${lic}/usage?fromDate=${FROM}&toDate=yesterday`, 400, 'Invalid toDate'],
    [`/v1/credits/${lic}/usage?fromDate=2999-01-01T00:00:00Z`, 500, 'Failed to get license usage report'],
    [`/v1/credits/${lic}/assets/${did(24558)}/usage`, 400, 'Invalid fromDate'],
    [`/v1/credits/${lic}/assets/%zz/usage?fromDate=${FROM}`, 400, 'Invalid assetDID'],
    [`/v1/credits/${lic}/assets/${did(24558)}/usage?fromDate=${FROM}&toDate=2019-01-01T00:00:00Z`, 500, 'Failed to get asset usage report'],
  ];
  for (const [path, status, message] of cases) {
    const r = await get(path);
    assert.equal(r.status, status, path);
    assert.deepEqual(r.body, { message, code: status }, path);
  }
  const missing = await get('/v1/credits');
  assert.deepEqual([missing.status, missing.body], [404, { message: 'Cannot GET /v1/credits', code: 404 }]);
});

test('control: a balance is set until reset', async () => {
  const lic = sim.testCredentials.clientId;
  assert.deepEqual(await sim.control('/credits', 'POST', { tokenId: 24567, remaining: 3 }), { licenseId: lic, tokenId: 24567, remaining: 3 });
  let r = await get(`/v1/credits/${lic}/assets/${did(24567)}/usage?fromDate=${FROM}`);
  assert.equal(r.body.currentCreditsRemaining, 3);
  await sim.control('/reset', 'POST'); // also revokes every JWT
  jwt = await developerJwt(sim);
  r = await get(`/v1/credits/${lic}/assets/${did(24567)}/usage?fromDate=${FROM}`);
  assert.notEqual(r.body.currentCreditsRemaining, 3);
});
