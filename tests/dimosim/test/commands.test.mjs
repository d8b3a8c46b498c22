// tesla-oracle commands (dimo-api README §6.1): answers, errors, delayed effects, command log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSim } from '../src/index.mjs';
import { developerJwt, exchange, gql, form } from './helpers.mjs';

const NFT = '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF';
const SUPPORTED = 'frunk/open, trunk/open, doors/lock, doors/unlock, charge/start, charge/stop';
let sim;
let dev;
before(async () => {
  sim = await startSim();
  dev = await developerJwt(sim);
});
after(async () => { assert.equal(await sim.stop(), 0); });
const vehicleJwt = async (tokenId, privileges) => (await exchange(sim, dev, { nftContractAddress: NFT, privileges, tokenId })).body.token;
const command = async (tokenId, body, token) => {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(sim.url('teslaOracle', `/v1/commands/${tokenId}`), { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* plain text */ }
  return { status: res.status, body: json, text };
};
const LATEST = 'query($id:Int!){signalsLatest(tokenId:$id){lastSeen bodyTrunkRearIsOpen{timestamp value} powertrainTractionBatteryChargingIsCharging{timestamp value}}}';
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

test('the default command delay is 3 s and the environment names tesla-oracle', async () => {
  assert.equal(sim.env.teslaOracle, `${sim.baseUrl}/tesla-oracle`);
  assert.deepEqual(await sim.control('/command-delay'), { ms: 3000 });
});

test('an accepted command answers pending and takes effect after the delay', async () => {
  await sim.control('/reset', 'POST');
  dev = await developerJwt(sim);
  await sim.control('/command-delay', 'POST', { ms: 400 });
  const token = await vehicleJwt(24567, [1, 2]);
  const before = await gql(sim, 'telemetry', LATEST, { id: 24567 }, token);
  assert.equal(before.body.data.signalsLatest.bodyTrunkRearIsOpen.value, 0);
  await sim.control('/requests', 'DELETE');
  const t0 = Date.now();
  const r = await command(24567, { command: 'trunk/open' }, token);
  assert.equal(r.status, 200);
  assert.match(r.body.commandId, /^\d+$/);
  assert.deepEqual({ ...r.body, commandId: 'x' }, { commandId: 'x', status: 'pending', message: 'Command submitted successfully and queued for execution' });
  const pending = await sim.control('/commands');
  assert.equal(pending.commands.length, 1);
  assert.deepEqual([pending.commands[0].id, pending.commands[0].tokenId, pending.commands[0].command, pending.commands[0].service], [r.body.commandId, 24567, 'trunk/open', 'teslaOracle']);
  if (Date.now() - t0 < 300) {
    assert.equal(pending.commands[0].state, 'pending');
    assert.equal((await gql(sim, 'telemetry', LATEST, { id: 24567 }, token)).body.data.signalsLatest.bodyTrunkRearIsOpen.value, 0, 'not before the delay');
  }
  await sleep(450 - (Date.now() - t0));
  const afterDelay = (await gql(sim, 'telemetry', LATEST, { id: 24567 }, token)).body.data.signalsLatest;
  assert.equal(afterDelay.bodyTrunkRearIsOpen.value, 1);
  const effectAt = Date.parse((await sim.control('/commands')).commands[0].effectAt);
  assert.ok(Date.parse(afterDelay.bodyTrunkRearIsOpen.timestamp) >= effectAt);
  assert.ok(Date.parse(afterDelay.lastSeen) >= effectAt, 'the command counts for lastSeen');
  assert.equal((await sim.control('/commands')).commands[0].state, 'applied');
  const log = (await sim.control('/requests?service=teslaOracle')).requests;
  assert.deepEqual(log.map((e) => [e.method, e.path, e.status]), [['POST', '/v1/commands/24567', 200]]);
  assert.deepEqual(JSON.parse(log[0].body), { command: 'trunk/open' });

  const charge = await command(24567, { command: 'charge/start' }, token);
  assert.equal(charge.status, 200);
  assert.equal(Number(charge.body.commandId), Number(r.body.commandId) + 1);
  await sleep(450);
  const charging = (await gql(sim, 'telemetry', LATEST, { id: 24567 }, token)).body.data.signalsLatest;
  assert.equal(charging.powertrainTractionBatteryChargingIsCharging.value, 1);
  // the time series shows the commanded value from its effect time on
  const series = await gql(sim, 'telemetry', 'query($f:Time!,$t:Time!){signals(tokenId:24567, interval:"1h", from:$f, to:$t){timestamp open: bodyTrunkRearIsOpen(agg: MAX)}}',
    { f: new Date(Date.now() - 3 * 3600000).toISOString(), t: new Date(Date.now() + 3600000).toISOString() }, token);
  assert.equal(series.body.data.signals.at(-1).open, 1);
  assert.equal(series.body.data.signals[0].open, 0);
});

test('tesla-oracle errors', async () => {
  await sim.control('/command-delay', 'POST', { ms: 0 });
  const all = await vehicleJwt(24567, [1, 2]);
  const noCmd = await vehicleJwt(24567, [1]);
  assert.deepEqual(await command(24567, { command: 'doors/lock' }), { status: 400, body: null, text: 'missing or malformed JWT' });
  assert.deepEqual((await command(24567, { command: 'doors/lock' }, all.slice(0, -4) + 'AAAA')).text, 'Invalid or expired JWT');
  assert.deepEqual((await command(24567, { command: 'doors/lock' }, noCmd)).body, { code: 401, message: 'Unauthorized! Token does not contain required privileges' });
  assert.deepEqual((await command(24566, { command: 'doors/lock' }, all)).body, { code: 401, message: 'Unauthorized! Wrong device token provided' });
  // privilegetoken runs before the handler: a path id that is not the JWT's is a 401, not a 400
  assert.deepEqual((await command('abc', { command: 'doors/lock' }, all)).body, { code: 401, message: 'Unauthorized! Wrong device token provided' });
  assert.deepEqual((await command(24567, '{nope', noCmd)).body, { code: 401, message: 'Unauthorized! Token does not contain required privileges' });
  assert.deepEqual((await command(24567, '{nope', all)).body, { code: 400, message: 'Failed to parse request body' });
  const noType = await fetch(sim.url('teslaOracle', '/v1/commands/24567'), { method: 'POST', headers: { authorization: `Bearer ${all}` }, body: '{"command":"doors/lock"}' });
  assert.deepEqual([noType.status, await noType.json()], [400, { code: 400, message: 'Failed to parse request body' }]);
  assert.deepEqual((await command(24567, {}, all)).body, { code: 400, message: 'bad request: command field is required' });
  assert.deepEqual((await command(24567, { command: 'windows/open' }, all)).body,
    { code: 400, message: `unsupported command: command 'windows/open' is not supported. Supported commands: ${SUPPORTED}` });
  for (const name of ['wakeup', 'telemetry/subscribe', 'telemetry/start']) { // not on main (8e7e444)
    assert.deepEqual((await command(24567, { command: name }, all)).body,
      { code: 400, message: `unsupported command: command '${name}' is not supported. Supported commands: ${SUPPORTED}` });
  }
  // shared with privilege 2, but no Tesla connection (Smartcar / AutoPi)
  for (const id of [24565, 24562]) {
    assert.deepEqual(await command(id, { command: 'doors/unlock' }, await vehicleJwt(id, [2])),
      { status: 404, body: { code: 404, message: 'synthetic device not found: vehicle not found' }, text: JSON.stringify({ code: 404, message: 'synthetic device not found: vehicle not found' }) });
  }
  const inactive = await command(24555, { command: 'doors/lock' }, await vehicleJwt(24555, [1, 2]));
  assert.deepEqual([inactive.status, inactive.body], [403, { code: 403, message: 'vehicle subscription is not active' }]);
  // 24561 is a Tesla shared without privilege 2: token exchange refuses it
  assert.equal((await exchange(sim, dev, { nftContractAddress: NFT, privileges: [2], tokenId: 24561 })).status, 403);
  const { commands, attempts } = await sim.control('/commands');
  assert.equal(commands.filter((c) => c.tokenId !== 24567).length, 0, 'no rejected command takes effect');
  assert.ok(attempts.some((a) => a.status === 403 && a.tokenIdParam === '24555'));
});

test('fleet: the fleet license commands its Teslas (100001, 100012, …), not the others', async () => {
  const c = sim.testCredentials;
  const fleetDev = await developerJwt(sim, { clientId: c.fleetClientId, apiKey: c.fleetApiKey, domain: 'https://fleet.example.com/callback' });
  const jwt = async (tokenId) => (await exchange(sim, fleetDev, { nftContractAddress: NFT, privileges: [1, 2], tokenId })).body.token;
  const tesla = await command(100001, { command: 'doors/lock' }, await jwt(100001));
  assert.equal(tesla.status, 200);
  assert.equal((await command(100002, { command: 'doors/lock' }, await jwt(100002))).status, 404);
});

test('control: command delay validation, reset restores the default', async () => {
  const bad = await fetch(`${sim.controlUrl}/command-delay`, { method: 'POST', body: JSON.stringify({ ms: -1 }) });
  assert.equal(bad.status, 400);
  await sim.control('/command-delay', 'POST', { ms: 10 });
  await sim.control('/reset', 'POST');
  assert.deepEqual(await sim.control('/command-delay'), { ms: 3000 });
  assert.deepEqual((await sim.control('/commands')).commands, []);
});

test('--command-delay-ms and --no-legacy-devices', async () => {
  const other = await startSim({ args: ['--command-delay-ms', '0', '--no-legacy-devices'] });
  try {
    assert.deepEqual(await other.control('/command-delay'), { ms: 0 });
    const env = JSON.parse(readFileSync(other.environmentFile, 'utf8'));
    assert.equal(env.devices, undefined);
    assert.equal(env.teslaOracle, `${other.baseUrl}/tesla-oracle`);
    // the legacy route is still served for environment files that name it
    assert.equal((await fetch(`${other.baseUrl}/devices/v1/vehicle/24567/commands/doors/lock`, { method: 'POST' })).status, 400);
  } finally {
    await other.stop();
  }
});

test('--legacy-devices names the devices-api in the environment file', async () => {
  const other = await startSim({ args: ['--legacy-devices'] });
  try {
    const env = JSON.parse(readFileSync(other.environmentFile, 'utf8'));
    assert.equal(env.devices, `${other.baseUrl}/devices`);
    assert.equal(env.teslaOracle, `${other.baseUrl}/tesla-oracle`);
  } finally {
    await other.stop();
  }
});

const userJwt = async (target = sim, testUser = 1) => {
  const c = target.testCredentials;
  const res = await fetch(target.url('login', '/?' + form({ clientId: c.clientId, redirectUri: c.redirectUri, entryState: 'EMAIL_INPUT', testUser: String(testUser), autoApprove: '1' })), { redirect: 'manual' });
  return new URL(res.headers.get('location')).searchParams.get('token');
};
const call = async (target, method, path, token, body) => {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(target.url('teslaOracle', path), { method, headers, body });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* plain text */ }
  return { status: res.status, type: res.headers.get('content-type'), body: json, text };
};

test('unknown routes and methods answer like Fiber: JSON {code, message}', async () => {
  await sim.control('/reset', 'POST');
  dev = await developerJwt(sim);
  const token = await vehicleJwt(24567, [1, 2]);
  const user = await userJwt();
  assert.deepEqual((await call(sim, 'POST', '/v2/commands/24567', token, '{}')).body, { code: 404, message: 'Cannot POST /v2/commands/24567' });
  assert.deepEqual((await call(sim, 'GET', '/v1/commands/24567', token)).body, { code: 405, message: 'Method Not Allowed' });
  // under /v1 the group's jwtAuth answers first, even for a route that does not exist
  assert.equal((await call(sim, 'POST', '/v1/nothing', token, '{}')).text, 'Invalid or expired JWT');
  assert.deepEqual((await call(sim, 'POST', '/v1/nothing', user, '{}')).body, { code: 404, message: 'Cannot POST /v1/nothing' });
  assert.deepEqual((await call(sim, 'GET', '/health')).body, { data: 'Server is up and running' });
});

test('status route: wallet JWT, why a Tesla cannot take commands', async () => {
  const user = await userJwt();
  const token = await vehicleJwt(24567, [1, 2]);
  assert.deepEqual((await call(sim, 'GET', '/v1/24567/status', user)).body,
    { action: 'telemetry_configured', message: 'Telemetry configuration already set, no need to call /start endpoint', next: null });
  assert.equal((await call(sim, 'GET', '/v1/24567/status', token)).text, 'Invalid or expired JWT'); // a vehicle JWT is not a wallet JWT
  assert.deepEqual((await call(sim, 'GET', '/v1/24565/status', user)).body, { code: 404, message: 'synthetic device not found: vehicle not found' });
  assert.deepEqual((await call(sim, 'GET', '/v1/abc/status', user)).body, { code: 400, message: 'Invalid vehicle token ID format.' });
  await sim.control('/tesla-status', 'POST', { tokenId: 24567, action: 'open_tesla_deeplink' });
  assert.deepEqual((await call(sim, 'GET', '/v1/24567/status', user)).body,
    { action: 'open_tesla_deeplink', message: 'Virtual key not paired. Open Tesla app deeplink for pairing.', next: null });
  await sim.control('/tesla-status', 'POST', { tokenId: 24567, action: 'set_telemetry_config' });
  assert.deepEqual((await call(sim, 'GET', '/v1/24567/status', user)).body.next, { method: 'POST', endpoint: '/v1/telemetry/24567/start' });
  assert.equal((await fetch(`${sim.controlUrl}/tesla-status`, { method: 'POST', body: JSON.stringify({ tokenId: 24567, action: 'nope' }) })).status, 400);
  await sim.control('/reset', 'POST');
  dev = await developerJwt(sim);
  assert.deepEqual(await sim.control('/tesla-status'), { statuses: {} });
});

test('as-deployed: the /v1 group middleware refuses every command before the privilege check', async () => {
  const other = await startSim({ args: ['--tesla-oracle', 'as-deployed'] });
  try {
    assert.deepEqual(await other.control('/tesla-oracle'), { mode: 'as-deployed' });
    const otherDev = await developerJwt(other);
    const token = (await exchange(other, otherDev, { nftContractAddress: NFT, privileges: [1, 2], tokenId: 24567 })).body.token;
    const body = JSON.stringify({ command: 'doors/lock' });
    // the vehicle JWT is signed by token exchange's keys, not the auth service's: jwtAuth's 401 (plain text)
    const refused = await call(other, 'POST', '/v1/commands/24567', token, body);
    assert.deepEqual([refused.status, refused.text], [401, 'Invalid or expired JWT']);
    assert.match(refused.type, /^text\/plain/);
    assert.deepEqual((await call(other, 'POST', '/v1/commands/24567', null, body)).text, 'missing or malformed JWT');
    // a wallet JWT passes jwtAuth + walletMdw, then fails privilegeAuth (token exchange's keys)
    const user = await userJwt(other);
    assert.deepEqual((await call(other, 'POST', '/v1/commands/24567', user, body)).text, 'Invalid or expired JWT');
    // the status route works with the wallet JWT in both modes
    assert.equal((await call(other, 'GET', '/v1/24567/status', user)).body.action, 'telemetry_configured');
    assert.deepEqual((await other.control('/commands')).commands, [], 'nothing was queued');
    // the control route switches back; reset restores the command-line mode
    await other.control('/tesla-oracle', 'POST', { mode: 'as-intended' });
    assert.equal((await call(other, 'POST', '/v1/commands/24567', token, body)).status, 200);
    await other.control('/reset', 'POST');
    assert.deepEqual(await other.control('/tesla-oracle'), { mode: 'as-deployed' });
    assert.equal((await fetch(`${other.controlUrl}/tesla-oracle`, { method: 'POST', body: JSON.stringify({ mode: 'sometimes' }) })).status, 400);
  } finally {
    await other.stop();
  }
  // the default is as-intended
  assert.deepEqual(await sim.control('/tesla-oracle'), { mode: 'as-intended' });
});
