// Behaviour tests: a simulator process on port 0, driven over HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim } from '../src/index.mjs';
import { personalSign } from '../src/eth.mjs';
import { TEST_VECTOR_KEY, challenge, submit, developerJwt, exchange, gql, claimsOf, form } from './helpers.mjs';

const NFT = '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF';
let sim;
before(async () => { sim = await startSim(); });
after(async () => { assert.equal(sim.process.exitCode, null, 'simulator must still be alive'); assert.equal(await sim.stop(), 0); });
const vehicleJwt = async (tokenId, privileges, dev) => (await exchange(sim, dev ?? await developerJwt(sim), { nftContractAddress: NFT, privileges, tokenId })).body.token;
const LATEST = 'query($id:Int!){signalsLatest(tokenId:$id){lastSeen bodyLockIsLocked{timestamp value} bodyTrunkRearIsOpen{value}}}';

test('startup line and environment file', () => {
  assert.match(sim.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  // no legacy `devices` key unless asked for with `--legacy-devices` (commands.test.mjs)
  assert.deepEqual(Object.keys(sim.env).sort(), ['attestation', 'auth', 'creditTracker', 'deviceDefinitions', 'identity', 'login', 'telemetry', 'teslaOracle', 'tokenExchange']);
  assert.equal(sim.env.teslaOracle, `${sim.baseUrl}/tesla-oracle`);
  assert.equal(sim.testCredentials.apiKey, TEST_VECTOR_KEY);
  assert.equal(sim.stdout().trim().split('\n').length, 1);
});

test('developer JWT via web3 challenge signed with the test vector key', async () => {
  const c = sim.testCredentials;
  const ch = await challenge(sim, { clientId: c.clientId, domain: c.redirectUri });
  assert.equal(ch.status, 200);
  assert.match(ch.body.state, /^[a-z][a-z2-7]{24}$/);
  const lines = ch.body.challenge.split('\n');
  assert.equal(lines[0], `${new URL(sim.env.auth).host} wants you to sign in with your Ethereum account:`);
  assert.equal(lines[1], c.clientId);
  assert.equal(lines[3], 'example.com is asking you sign in.');
  assert.equal(lines[5], `URI: ${sim.env.auth}`);
  assert.match(lines[8], /^Nonce: [0-9a-zA-Z]{30}$/);
  assert.match(lines[9], /^Issued At: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const fields = { client_id: c.clientId, domain: c.redirectUri, grant_type: 'authorization_code', state: ch.body.state };
  const bad = await submit(sim, { ...fields, signature: personalSign(ch.body.challenge, '11'.repeat(32)) });
  assert.deepEqual(bad, { status: 400, body: { status: 400, message: 'Could not verify signature.' } });
  const ok = await submit(sim, { ...fields, signature: personalSign(ch.body.challenge, c.apiKey) });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.token_type, 'bearer');
  const cl = claimsOf(ok.body.access_token);
  assert.equal(cl.iss, sim.env.auth);
  assert.equal(cl.aud, c.clientId);
  assert.equal(cl.exp - cl.iat, 14 * 86400);
  assert.equal(cl.sub, 'CioweDg0YTBGNzg0NUUwMTJjODMzZDI1NTU3N0YyMzMyODRCNDY1MzM1NDMSBHdlYjM');
  const again = await submit(sim, { ...fields, signature: personalSign(ch.body.challenge, c.apiKey) });
  assert.deepEqual(again.body, { status: 400, message: 'Requested resource does not exist.' });
  const keys = await (await fetch(sim.url('auth', '/keys'))).json();
  assert.equal(keys.keys[0].kid, JSON.parse(Buffer.from(ok.body.access_token.split('.')[0], 'base64url')).kid);
  const oidc = await (await fetch(sim.url('auth', '/.well-known/openid-configuration'))).json();
  assert.equal(oidc.issuer, sim.env.auth);
  const ch2 = await challenge(sim, { clientId: c.clientId, domain: c.redirectUri });
  const mism = await submit(sim, { ...fields, state: ch2.body.state, domain: 'http://localhost:8765/callback', signature: personalSign(ch2.body.challenge, c.apiKey) });
  assert.equal(mism.body.error, 'invalid_request');
  assert.equal((await challenge(sim, { clientId: c.clientId, domain: c.redirectUri, address: 'nope' })).body.message, 'Invalid Ethereum address.');
  const unknown = await fetch(sim.url('auth', '/auth/web3/generate_challenge?' + form({ client_id: '0x' + '12'.repeat(20), domain: 'x', scope: 'openid email', response_type: 'code', address: c.clientId })), { method: 'POST' });
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /Invalid client_id/);
});

test('token exchange grants from the SACD table', async () => {
  const dev = await developerJwt(sim);
  const ok = await exchange(sim, dev, { nftContractAddress: NFT, privileges: [1, 4], tokenId: 24567 });
  assert.equal(ok.status, 200);
  const cl = claimsOf(ok.body.token);
  assert.deepEqual([cl.token_id, cl.privilege_ids, cl.aud, cl.exp - cl.iat, cl.contract_address], ['24567', [1, 4], ['dimo.zone'], 600, NFT.toLowerCase()]);
  const did = await exchange(sim, dev, { asset: `did:erc721:137:${NFT}:24567`, permissions: ['privilege:GetLocationHistory'] });
  assert.deepEqual(claimsOf(did.body.token).privilege_ids, [4]);
  const noLoc = await exchange(sim, dev, { nftContractAddress: NFT, privileges: [1, 4], tokenId: 24565 });
  assert.deepEqual(noLoc.body, { code: 403, message: `Address ${sim.testCredentials.clientId} lacks permissions [4] for asset did:erc721:137:${NFT}:24565.` });
  assert.equal((await exchange(sim, dev, { nftContractAddress: NFT, privileges: [1], tokenId: 24564 })).status, 403);
  assert.equal((await exchange(sim, dev, { nftContractAddress: NFT, privileges: [9], tokenId: 24567 })).body.message, 'unknown privileges [9]');
  assert.equal((await exchange(sim, dev, { nftContractAddress: NFT, privileges: [], tokenId: 24567 })).body.message, 'Please provide at least one privilege or cloudevent');
  const garbage = await fetch(sim.url('tokenExchange', '/v1/tokens/exchange'), { method: 'POST', headers: { authorization: `Bearer ${dev}`, 'content-type': 'application/json' }, body: '{nope' });
  assert.deepEqual(await garbage.json(), { code: 400, message: "Couldn't parse request body." });
  const none = await fetch(sim.url('tokenExchange', '/v1/tokens/exchange'), { method: 'POST', body: '{}' });
  assert.deepEqual([none.status, await none.text()], [400, 'missing or malformed JWT']);
  const forged = await exchange(sim, dev.slice(0, -4) + 'AAAA', { nftContractAddress: NFT, privileges: [1], tokenId: 24567 });
  assert.deepEqual([forged.status, forged.text], [401, 'Invalid or expired JWT']);
});

test('identity: public queries, errors, limits, fleet pagination', async () => {
  const q = 'query($g:Address!,$after:String){vehicles(first:100, after:$after, filterBy:{privileged:$g}){totalCount pageInfo{endCursor hasNextPage} nodes{tokenId}}}';
  const seen = [];
  let after = null;
  for (let page = 0; page < 5; page++) {
    const r = await gql(sim, 'identity', q, { g: sim.testCredentials.fleetClientId, after });
    assert.equal(r.status, 200);
    assert.equal(r.body.data.vehicles.totalCount, 250);
    seen.push(...r.body.data.vehicles.nodes.map((n) => n.tokenId));
    after = r.body.data.vehicles.pageInfo.endCursor;
    if (!r.body.data.vehicles.pageInfo.hasNextPage) break;
  }
  assert.equal(seen.length, 250);
  assert.equal(new Set(seen).size, 250);
  assert.deepEqual(seen, [...seen].sort((a, b) => b - a));
  const big = await gql(sim, 'identity', '{vehicles(first:500){totalCount}}');
  assert.deepEqual(big.body, { errors: [{ message: 'the value 500 for `first` exceeds the limit 100', path: ['vehicles'] }], data: null });
  const main = await gql(sim, 'identity', 'query($g:Address!){vehicles(first:100, filterBy:{privileged:$g}){nodes{tokenId sacd(grantee:$g){permissions}}}}', { g: sim.testCredentials.clientId });
  const ids = main.body.data.vehicles.nodes.map((n) => n.tokenId);
  assert.ok(ids.includes(24567) && ids.includes(24565) && !ids.includes(24564) && !ids.includes(24560));
  const lic = await gql(sim, 'identity', 'query($c:Address!){developerLicense(by:{clientId:$c}){alias signers{nodes{address}} redirectURIs{nodes{uri}}}}', { c: sim.testCredentials.clientId });
  assert.equal(lic.body.data.developerLicense.signers.nodes[0].address, '0xBBC07bD96ABB3b876418cA7542e42D64967c0033');
  const def = await gql(sim, 'identity', '{deviceDefinition(by:{id:"ford_f-150_2021"}){model year attributes{name value}}}');
  assert.equal(def.body.data.deviceDefinition.model, 'F-150');
  const invalid = await gql(sim, 'identity', '{vehicles(first:1){nope}}');
  assert.equal(invalid.status, 422);
  assert.equal(invalid.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED');
  const parseErr = await gql(sim, 'identity', '{vehicles(');
  assert.equal(parseErr.status, 422);
  assert.equal(parseErr.body.errors[0].extensions.code, 'GRAPHQL_PARSE_FAILED');
});

test('telemetry: refused without token, answered with one, privileges enforced', async () => {
  const no = await gql(sim, 'telemetry', LATEST, { id: 24567 });
  assert.equal(no.status, 200);
  assert.equal(no.body.data.signalsLatest, null);
  assert.match(no.body.errors[0].message, /^unauthorized/);
  const bad = await gql(sim, 'telemetry', LATEST, { id: 24567 }, 'garbage.token.here');
  assert.deepEqual([bad.status, bad.body], [401, { message: 'JWT is invalid.' }]);
  const dev = await developerJwt(sim);
  const devOnTelemetry = await gql(sim, 'telemetry', LATEST, { id: 24567 }, dev);
  assert.equal(devOnTelemetry.status, 401);
  const token = await vehicleJwt(24567, [1], dev);
  const ok = await gql(sim, 'telemetry', LATEST, { id: 24567 }, token);
  assert.equal(ok.status, 200);
  assert.ok(Date.parse(ok.body.data.signalsLatest.lastSeen) > Date.now() - 3600000);
  const loc = await gql(sim, 'telemetry', '{signalsLatest(tokenId:24567){currentLocationCoordinates{value{latitude}}}}', null, token);
  assert.equal(loc.body.errors[0].message, 'unauthorized: missing required privilege(s) privilege:GetLocationHistory');
  const other = await gql(sim, 'telemetry', LATEST, { id: 24566 }, token);
  assert.match(other.body.errors[0].message, /unauthorized: token id does not match/);
  const avail = await gql(sim, 'telemetry', '{availableSignals(tokenId:24567)}', null, token);
  assert.ok(avail.body.data.availableSignals.includes('powertrainTractionBatteryStateOfChargeCurrent'));
  const ev = await gql(sim, 'telemetry', 'query($f:Time!,$t:Time!){events(tokenId:24567, from:$f, to:$t){name}}', { f: new Date(Date.now() - 86400000).toISOString(), t: new Date().toISOString() }, token);
  assert.match(ev.body.errors[0].message, /missing required privilege/);
});

test('legacy devices-api: a command changes telemetry state; only Tesla accepts commands', async () => {
  await sim.control('/command-delay', 'POST', { ms: 0 });
  const dev = await developerJwt(sim);
  const token = await vehicleJwt(24567, [1, 2], dev);
  for (const [cmd, expect] of [['doors/lock', 1], ['doors/unlock', 0], ['doors/lock', 1]]) {
    const r = await fetch(sim.url('devices', `/v1/vehicle/24567/commands/${cmd}`), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200);
    assert.match((await r.json()).requestId, /^[0-9A-Za-z]{27}$/);
    const t = await gql(sim, 'telemetry', LATEST, { id: 24567 }, token);
    assert.equal(t.body.data.signalsLatest.bodyLockIsLocked.value, expect);
  }
  await fetch(sim.url('devices', '/v1/vehicle/24567/commands/trunk/open'), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  assert.equal((await gql(sim, 'telemetry', LATEST, { id: 24567 }, token)).body.data.signalsLatest.bodyTrunkRearIsOpen.value, 1);
  const noPriv = await fetch(sim.url('devices', '/v1/vehicle/24567/commands/doors/lock'), { method: 'POST', headers: { authorization: `Bearer ${await vehicleJwt(24567, [1], dev)}` } });
  assert.deepEqual(await noPriv.json(), { code: 401, message: 'Unauthorized! Token does not contain required privileges' });
  const toyota = await fetch(sim.url('devices', '/v1/vehicle/24565/commands/doors/lock'), { method: 'POST', headers: { authorization: `Bearer ${await vehicleJwt(24565, [2], dev)}` } });
  assert.deepEqual([toyota.status, await toyota.json()], [404, { code: 404, message: 'No command-capable integrations found for this vehicle.' }]);
  const inactive = await fetch(sim.url('devices', '/v1/vehicle/24555/commands/doors/lock'), { method: 'POST', headers: { authorization: `Bearer ${await vehicleJwt(24555, [2], dev)}` } });
  assert.deepEqual([inactive.status, await inactive.json()], [403, { code: 403, message: 'Vehicle subscription is not active.' }]);
  await sim.control('/reset', 'POST');
});

test('login page redirects with a real user JWT', async () => {
  const c = sim.testCredentials;
  const res = await fetch(sim.url('login', '/?' + form({ clientId: c.clientId, redirectUri: c.redirectUri, entryState: 'VEHICLE_MANAGER', permissionTemplateId: '1', testUser: '1', autoApprove: '1', shareEmail: '1' })), { redirect: 'manual' });
  assert.equal(res.status, 302);
  const loc = new URL(res.headers.get('location'));
  assert.equal(loc.origin + loc.pathname, c.redirectUri);
  const cl = claimsOf(loc.searchParams.get('token'));
  assert.equal(cl.aud, c.clientId);
  assert.equal(cl.iss, sim.env.auth);
  assert.equal(cl.ethereum_address, loc.searchParams.get('walletAddress'));
  assert.equal(loc.searchParams.get('email'), 'alice@example.com');
  assert.ok(loc.searchParams.get('sharedVehicles').split(',').includes('24567'));
  const keys = await (await fetch(sim.url('auth', '/keys'))).json();
  assert.equal(keys.keys[0].alg, 'RS256');
  // the user JWT is not a developer JWT
  const ex = await exchange(sim, loc.searchParams.get('token'), { nftContractAddress: NFT, privileges: [1], tokenId: 24567 });
  assert.deepEqual([ex.status, ex.body.message], [403, `not a dev license: ${cl.ethereum_address}`]);
  const html = await fetch(sim.url('login', '/?' + form({ clientId: c.clientId, redirectUri: c.redirectUri })));
  assert.equal(html.status, 200);
  assert.match(await html.text(), /<form/);
  const invalid = await fetch(sim.url('login', '/?' + form({ clientId: c.clientId, redirectUri: 'https://evil.example/cb', testUser: '1', autoApprove: '1' })), { redirect: 'manual' });
  assert.equal(invalid.status, 400);
});

test('fault injection knobs', async () => {
  const id = '{vehicles(first:1){totalCount}}';
  await sim.control('/faults', 'POST', { service: 'identity', path: '/query', status: 503, body: { message: 'down' }, times: 2 });
  assert.equal((await gql(sim, 'identity', id)).status, 503);
  assert.equal((await gql(sim, 'identity', id)).status, 503);
  assert.equal((await gql(sim, 'identity', id)).status, 200);
  await sim.control('/faults', 'POST', { service: 'identity', path: '^/qu', retryAfter: 7, times: 1 });
  const ra = await fetch(sim.url('identity', '/query'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: id }) });
  assert.deepEqual([ra.status, ra.headers.get('retry-after')], [429, '7']);
  await sim.control('/faults', 'POST', { service: 'identity', path: '/q*', malformed: true, times: 1 });
  const mal = await gql(sim, 'identity', id);
  assert.equal(mal.status, 200);
  assert.equal(mal.body, null);
  await sim.control('/faults', 'POST', { service: 'identity', path: '/query', bodyBytes: 200000, times: 1 });
  const big = await fetch(sim.url('identity', '/query'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: id }) });
  const bigText = await big.text();
  assert.deepEqual([big.status, bigText.length, big.headers.get('content-length')], [200, 200000, null]);
  assert.equal(JSON.parse(bigText).data.filler.length, 200000 - '{"data":{"filler":""}}'.length);
  await sim.control('/faults', 'POST', { service: 'identity', path: '/query', bodyBytes: 70000, contentLength: true, times: 1 });
  const declared = await fetch(sim.url('identity', '/query'), { method: 'POST', body: '{}' });
  assert.deepEqual([declared.headers.get('content-length'), (await declared.text()).length], ['70000', 70000]);
  await sim.control('/faults', 'POST', { service: 'auth', path: '^/auth/web3/generate_challenge$', contentType: 'text/plain; charset=utf-8', times: 1 });
  const c = sim.testCredentials;
  const plain = await fetch(sim.url('auth', '/auth/web3/generate_challenge?' + form({ client_id: c.clientId, domain: c.redirectUri, scope: 'openid email', response_type: 'code', address: c.clientId })), { method: 'POST' });
  assert.deepEqual([plain.status, plain.headers.get('content-type')], [200, 'text/plain; charset=utf-8']);
  assert.ok((await plain.json()).challenge, 'the real handler still answered');
  await sim.control('/faults', 'POST', { service: 'identity', drop: true, times: 1 });
  await assert.rejects(gql(sim, 'identity', id));
  await sim.control('/faults', 'POST', { service: 'identity', delayMs: 300, times: 1 });
  const t0 = Date.now();
  assert.equal((await gql(sim, 'identity', id)).status, 200);
  assert.ok(Date.now() - t0 >= 280);
  await sim.control('/faults', 'POST', { service: 'identity', hang: true });
  const hung = gql(sim, 'identity', id).then(() => 'answered', () => 'failed');
  const early = await Promise.race([hung, new Promise((r) => setTimeout(() => r('pending'), 300))]);
  assert.equal(early, 'pending');
  await sim.control('/faults', 'DELETE');
  assert.equal(await hung, 'failed');
  assert.equal((await gql(sim, 'identity', id)).status, 200);
  const unknown = await fetch(`${sim.controlUrl}/faults`, { method: 'POST', body: JSON.stringify({ service: 'nope' }) });
  assert.equal(unknown.status, 400);
});

test('request log, reset, expire-tokens and clock offset', async () => {
  await sim.control('/reset', 'POST');
  const dev = await developerJwt(sim);
  const token = await vehicleJwt(24567, [1], dev);
  await gql(sim, 'telemetry', LATEST, { id: 24567 }, token);
  const log = await sim.control('/requests?service=telemetry');
  assert.equal(log.requests.length, 1);
  assert.equal(log.requests[0].headers.authorization, `Bearer ${token}`);
  assert.equal(log.requests[0].status, 200);
  assert.match(JSON.parse(log.requests[0].body).query, /signalsLatest/);
  assert.ok((await sim.control('/requests')).requests.every((r) => r.service !== '_control'));
  await sim.control('/clock', 'POST', { offsetSeconds: 601 });
  assert.equal((await gql(sim, 'telemetry', LATEST, { id: 24567 }, token)).status, 401, 'vehicle JWT expired after 600 s');
  const dev2 = await developerJwt(sim);
  assert.equal(claimsOf(dev2).iat - claimsOf(dev).iat >= 600, true);
  await sim.control('/clock', 'POST', { offsetSeconds: 0 });
  assert.equal((await gql(sim, 'telemetry', LATEST, { id: 24567 }, token)).status, 200);
  await sim.control('/expire-tokens', 'POST');
  assert.equal((await gql(sim, 'telemetry', LATEST, { id: 24567 }, token)).status, 401);
  assert.equal((await exchange(sim, dev, { nftContractAddress: NFT, privileges: [1], tokenId: 24567 })).status, 401);
  await sim.control('/faults', 'POST', { service: 'identity', status: 500 });
  await sim.control('/clock', 'POST', { offsetSeconds: 100 });
  await sim.control('/reset', 'POST');
  assert.equal((await sim.control('/requests')).requests.length, 0);
  assert.equal((await sim.control('/faults')).faults.length, 0);
  assert.equal((await sim.control('/clock')).offsetSeconds, 0);
  assert.equal((await gql(sim, 'identity', '{vehicles(first:1){totalCount}}')).status, 200);
});

test('attestation VIN VC and body rules', async () => {
  const dev = await developerJwt(sim);
  const token = await vehicleJwt(24567, [1, 4, 5], dev);
  const hdr = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  assert.equal((await gql(sim, 'telemetry', '{vinVCLatest(tokenId:24567){vin}}', null, token)).body.data.vinVCLatest, null);
  const r = await fetch(sim.url('attestation', '/v2/attestation/vin/24567'), { method: 'POST', headers: hdr });
  assert.equal(r.status, 200);
  const vc = await gql(sim, 'telemetry', '{vinVCLatest(tokenId:24567){vin rawVC}}', null, token);
  assert.match(vc.body.data.vinVCLatest.vin, /^[A-HJ-NPR-Z0-9]{17}$/);
  const h = await fetch(sim.url('attestation', '/v2/attestation/vehicle-health/24567'), { method: 'POST', headers: hdr, body: JSON.stringify({ startTime: '2025-03-02T00:00:00Z', endTime: '2025-03-01T00:00:00Z' }) });
  assert.deepEqual(await h.json(), { message: 'startTime must be before endTime', code: 400 });
  const span = await fetch(sim.url('attestation', '/v2/attestation/vehicle-health/24567'), { method: 'POST', headers: hdr, body: JSON.stringify({ startTime: '2025-01-01T00:00:00Z', endTime: '2025-03-01T00:00:00Z' }) });
  assert.equal((await span.json()).message, 'time range cannot exceed 30 days');
  const wrong = await fetch(sim.url('attestation', '/v2/attestation/vin/24566'), { method: 'POST', headers: hdr });
  assert.equal((await wrong.json()).message, 'Unauthorized! mismatch token Id provided');
});

test('bad input gets DIMO error answers and never crashes the process', async () => {
  const post = (service, path, body, type) => fetch(sim.url(service, path), { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
  const wrongType = await post('identity', '/query', 'query { vehicles }', 'text/plain');
  assert.deepEqual([wrongType.status, (await wrongType.json()).errors[0].message], [400, 'transport not supported']);
  const garbage = await post('telemetry', '/query', '\u0000\u0001garbage', 'application/json');
  assert.equal(garbage.status, 400);
  assert.match((await garbage.json()).errors[0].message, /json request body could not be decoded/);
  const arr = await post('identity', '/query', '[1,2]', 'application/json');
  assert.equal(arr.status, 400);
  const noQuery = await post('identity', '/query', '{}', 'application/json');
  assert.equal(noQuery.status, 422);
  const huge = await post('identity', '/query', 'x'.repeat(5 * 1024 * 1024), 'application/json');
  assert.equal(huge.status, 413);
  const ddBad = await fetch(sim.url('deviceDefinitions', '/device-definitions/decode-vin'), { method: 'POST', headers: { authorization: `Bearer ${await developerJwt(sim)}`, 'content-type': 'application/json' }, body: 'nope' });
  assert.deepEqual((await ddBad.json()).detail, "Couldn't parse request body.");
  const submitGarbage = await post('auth', '/auth/web3/submit_challenge', '%%%&&&=', 'application/x-www-form-urlencoded');
  assert.equal(submitGarbage.status, 400);
  const badSig = await post('auth', '/auth/web3/generate_challenge', 'client_id=zz', 'application/x-www-form-urlencoded');
  assert.equal((await badSig.json()).message, "Couldn't parse parameters.");
  assert.equal((await fetch(`${sim.baseUrl}/nothing-here`)).status, 404);
  assert.equal((await gql(sim, 'identity', '{vehicles(first:1){totalCount}}')).status, 200);
});
