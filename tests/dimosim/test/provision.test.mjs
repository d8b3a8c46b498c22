// PROVISION_DEVELOPER_LICENSE (popup/embed protocol, server side): mint a license for a locally
// generated signer, register the domain, and get a developer JWT with the new credentials.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startSim } from '../src/index.mjs';
import { addressFromPrivateKey } from '../src/eth.mjs';
import { developerJwt, claimsOf } from './helpers.mjs';

let sim;
before(async () => { sim = await startSim(); });
after(async () => { assert.equal(await sim.stop(), 0); });

const provision = async (body) => {
  const res = await fetch(sim.url('login', '/provision'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};
const DOMAIN = 'http://127.0.0.1:8765/dimotray/callback';

test('the app shell answers the bare login URL (popup/embed mode)', async () => {
  const res = await fetch(sim.url('login', '/'));
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /id="approve"/);
  assert.match(html, /eventType: 'READY'/);
  assert.match(html, /provisionResponse/);
});

test('a new license for a local signer: developer JWT works, Identity lists it, reset forgets it', async () => {
  const key = randomBytes(32).toString('hex');
  const signerAddress = addressFromPrivateKey(key);
  const out = await provision({ clientId: sim.testCredentials.clientId, redirectUri: DOMAIN, testUser: 1,
    provisionData: { alias: 'DIMO Tray test', domain: DOMAIN, signerAddress } });
  assert.equal(out.status, 200, JSON.stringify(out.body));
  assert.match(out.body.clientId, /^0x[0-9a-fA-F]{40}$/);
  assert.ok(out.body.tokenId > 44);
  assert.equal(out.body.privateKey, undefined, 'the key stays with the caller');
  const jwt = await developerJwt(sim, { clientId: out.body.clientId, apiKey: key, domain: DOMAIN });
  assert.equal(claimsOf(jwt).aud, out.body.clientId);
  const q = `{ developerLicense(by: {clientId: "${out.body.clientId}"}) { tokenId alias signers(first: 10) { nodes { address } } redirectURIs(first: 10) { nodes { uri } } } }`;
  const idres = await fetch(sim.url('identity', '/query'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
  const lic = (await idres.json()).data.developerLicense;
  assert.equal(lic.tokenId, out.body.tokenId);
  assert.equal(lic.alias, 'DIMO Tray test');
  assert.deepEqual(lic.signers.nodes.map((n) => n.address), [signerAddress]);
  assert.deepEqual(lic.redirectURIs.nodes.map((n) => n.uri), [DOMAIN]);
  // Another key is not a signer of the new license.
  await assert.rejects(developerJwt(sim, { clientId: out.body.clientId, apiKey: '11'.repeat(32), domain: DOMAIN }));
  await sim.control('/reset', 'POST');
  await assert.rejects(developerJwt(sim, { clientId: out.body.clientId, apiKey: key, domain: DOMAIN }));
});

test('without signerAddress the login app generates the key (privateKey in the answer, raw hex)', async () => {
  const out = await provision({ clientId: sim.testCredentials.clientId, testUser: 2, provisionData: { domain: DOMAIN } });
  assert.equal(out.status, 200);
  assert.match(out.body.privateKey, /^[0-9a-f]{64}$/);
  const jwt = await developerJwt(sim, { clientId: out.body.clientId, apiKey: out.body.privateKey, domain: DOMAIN });
  assert.equal(claimsOf(jwt).aud, out.body.clientId);
});

test('an existing license of the user gets the new signer; errors are 400 with a message', async () => {
  const first = await provision({ clientId: sim.testCredentials.clientId, testUser: 3, provisionData: { domain: DOMAIN, signerAddress: addressFromPrivateKey('22'.repeat(32)) } });
  const key = '33'.repeat(32);
  const again = await provision({ clientId: sim.testCredentials.clientId, testUser: 3,
    provisionData: { domain: 'https://other.example.com/cb', signerAddress: addressFromPrivateKey(key), existingTokenId: first.body.tokenId, existingClientId: first.body.clientId } });
  assert.deepEqual([again.status, again.body.clientId, again.body.tokenId], [200, first.body.clientId, first.body.tokenId]);
  await developerJwt(sim, { clientId: first.body.clientId, apiKey: key, domain: 'https://other.example.com/cb' });
  const notYours = await provision({ clientId: sim.testCredentials.clientId, testUser: 1,
    provisionData: { domain: DOMAIN, signerAddress: addressFromPrivateKey(key), existingTokenId: first.body.tokenId, existingClientId: first.body.clientId } });
  assert.equal(notYours.status, 400);
  assert.equal((await provision({ testUser: 1, provisionData: { domain: DOMAIN } })).status, 400);
  assert.equal((await provision({ clientId: sim.testCredentials.clientId, testUser: 9, provisionData: { domain: DOMAIN } })).status, 400);
  assert.equal((await provision({ clientId: sim.testCredentials.clientId, testUser: 1, provisionData: { domain: 'ftp://x', signerAddress: addressFromPrivateKey(key) } })).status, 400);
  assert.equal((await provision({ clientId: sim.testCredentials.clientId, testUser: 1, provisionData: { domain: DOMAIN, signerAddress: '0x12' } })).status, 400);
});
