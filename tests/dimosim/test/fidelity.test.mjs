// Issue 18: the simulator answers as DIMO's real services do (FIDELITY.md names the source lines).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim } from '../src/index.mjs';
import { developerJwt, exchange, gql } from './helpers.mjs';

let sim;
before(async () => { sim = await startSim(); });
after(async () => { assert.equal(await sim.stop(), 0); });

const VEHICLE_DID = 'did:erc721:137:0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF:999999';
const ADDRESS = '0x00000000000000000000000000000000000000aa';

test('identity: a missing root is null with identity-api\'s own error, never a bare null', async () => {
  const cases = [
    ['vehicle(tokenId: 999999) { tokenId }', 'No vehicle with token id 999999.', 'NOT_FOUND'],
    [`vehicle(tokenDID: "${VEHICLE_DID}") { tokenId }`, `No vehicle with DID "${VEHICLE_DID}".`, 'NOT_FOUND'],
    ['aftermarketDevice(by: { serial: "nope" }) { tokenId }', 'sql: no rows in result set', undefined],
    ['syntheticDevice(by: { tokenId: 999999 }) { tokenId }', 'No synthetic device with token id 999999.', 'NOT_FOUND'],
    [`syntheticDevice(by: { address: "${ADDRESS}" }) { tokenId }`, 'No synthetic device with address 0x00000000000000000000000000000000000000AA.', 'NOT_FOUND'],
    ['developerLicense(by: { tokenId: 999999 }) { tokenId }', 'No developer license with token id 999999.', 'NOT_FOUND'],
    ['developerLicense(by: { alias: "nobody" }) { tokenId }', 'No developer license with alias "nobody".', 'NOT_FOUND'],
    ['connection(by: { name: "Nobody" }) { name }', 'No connection with name "Nobody".', 'NOT_FOUND'],
    ['deviceDefinition(by: { id: "ford_nope_2020" }) { model }', 'no device definition found with that id', undefined],
    ['deviceDefinition(by: { id: "nomake_nope_2020" }) { model }', 'sql: no rows in result set', undefined],
    ['deviceDefinition(by: { id: "nounderscore" }) { model }', 'The `ID` is incorrect.', undefined],
    ['manufacturer(by: { name: "Nobody" }) { name }', 'sql: no rows in result set', undefined],
    ['dcn(by: { name: "nobody.dimo" }) { name }', 'sql: no rows in result set', undefined],
  ];
  for (const [selection, message, code] of cases) {
    const r = await gql(sim, 'identity', `{ ${selection} }`);
    assert.equal(r.status, 200, selection);
    const root = selection.slice(0, selection.indexOf('('));
    assert.deepEqual(r.body.data, { [root]: null }, selection);
    assert.equal(r.body.errors.length, 1, selection);
    assert.equal(r.body.errors[0].message, message, selection);
    assert.deepEqual(r.body.errors[0].path, [root], selection);
    assert.equal(r.body.errors[0].extensions?.code, code, selection);
  }
});

test('token exchange: the current body and the legacy one, with token-exchange-api\'s messages', async () => {
  const NFT = '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF';
  const dev = await developerJwt(sim);
  const me = sim.testCredentials.clientId;
  const msg = async (body) => { const r = await exchange(sim, dev, body); return [r.status, r.body?.message ?? r.body?.token?.slice(0, 2)]; };
  // current body: asset DID + permission names; missing ones are reported by privilege id
  assert.deepEqual(await msg({ asset: `did:erc721:137:${NFT}:24567`, permissions: ['privilege:GetNonLocationHistory'] }), [200, 'ey']);
  assert.deepEqual(await msg({ asset: `did:erc721:137:${NFT}:24565`, permissions: ['privilege:GetNonLocationHistory', 'privilege:GetLocationHistory'] }),
    [403, `Address ${me} lacks permissions [4] for asset did:erc721:137:${NFT}:24565.`]);
  // a name DIMO does not know is "lacking", not a 400
  assert.deepEqual(await msg({ asset: `did:erc721:137:${NFT}:24567`, permissions: ['privilege:Bogus'] }),
    [403, `Address ${me} lacks permissions [privilege:Bogus] for asset did:erc721:137:${NFT}:24567.`]);
  // encoding/json into int64 / []string: wrong JSON types are a parse error
  for (const bad of [{ nftContractAddress: NFT, privileges: [1], tokenId: 1.5 }, { nftContractAddress: NFT, privileges: [1], tokenId: '24567' },
    { nftContractAddress: NFT, privileges: ['1'], tokenId: 24567 }, { asset: 7, permissions: ['privilege:GetNonLocationHistory'] },
    { asset: `did:erc721:137:${NFT}:24567`, permissions: [1] }]) {
    assert.deepEqual(await msg(bad), [400, "Couldn't parse request body."], JSON.stringify(bad));
  }
  // a negative or missing id is not refused by the handler: it reaches the access check
  assert.deepEqual(await msg({ nftContractAddress: NFT, privileges: [1], tokenId: -5 }), [403, `Address ${me} lacks permissions [1] for asset did:erc721:137:${NFT}:-5.`]);
  assert.deepEqual(await msg({ nftContractAddress: NFT, privileges: [1] }), [403, `Address ${me} lacks permissions [1] for asset did:erc721:137:${NFT}:0.`]);
});

test('telemetry attestations: a cloud_events grant for dimo.attestation and subject == asset, else invalid claims', async () => {
  const NFT = '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF';
  const dev = await developerJwt(sim);
  const token = async (body) => (await exchange(sim, dev, body)).body.token;
  const q = '{ attestations(tokenId: 24567) { id } }';
  const bitsOnly = await token({ nftContractAddress: NFT, privileges: [1, 4, 5], tokenId: 24567 });
  const refused = await gql(sim, 'telemetry', q, null, bitsOnly);
  assert.deepEqual(refused.body, { errors: [{ message: 'invalid claims', path: ['attestations'], extensions: { code: 'UNAUTHORIZED' } }], data: { attestations: null } });
  const events = await token({ asset: `did:erc721:137:${NFT}:24567`, cloudEvents: { events: [{ eventType: 'dimo.attestation' }] } });
  assert.deepEqual((await gql(sim, 'telemetry', q, null, events)).body, { data: { attestations: [] } });
  // the grant is for the token's own asset only, and for the event type it names
  assert.equal((await gql(sim, 'telemetry', '{ attestations(tokenId: 24566) { id } }', null, events)).body.errors[0].message, 'invalid claims');
  const other = await token({ asset: `did:erc721:137:${NFT}:24567`, cloudEvents: { events: [{ eventType: 'dimo.status' }] } });
  assert.equal((await gql(sim, 'telemetry', q, null, other)).body.errors[0].message, 'invalid claims');
  // cloud events are checked against the grant's SACD document only (TX access.go l.84-96, no fallback to the bits):
  // no grant or a legacy grant without a document (24564: not shared; 24557: legacy) → 400, a document without
  // the event type (24563) → 403; the bits alone still work for both
  const ce = (id, extra = {}) => exchange(sim, dev, { asset: `did:erc721:137:${NFT}:${id}`, cloudEvents: { events: [{ eventType: 'dimo.attestation' }] }, ...extra });
  const said = async (p) => { const r = await p; return [r.status, r.body]; };
  assert.deepEqual(await said(ce(24564)), [400, { code: 400, message: 'failed to fetch source document from IPFS' }]);
  assert.deepEqual(await said(ce(24557)), [400, { code: 400, message: 'failed to fetch source document from IPFS' }]);
  assert.deepEqual(await said(ce(24563)), [403, { code: 403, message: 'failed to evaluate cloudevents' }]);
  assert.equal((await exchange(sim, dev, { nftContractAddress: NFT, privileges: [1], tokenId: 24563 })).status, 200);
  assert.equal((await exchange(sim, dev, { nftContractAddress: NFT, privileges: [1], tokenId: 24557 })).status, 200);
  // the events pass, then the permission names: a missing one is still `lacks permissions [ids]`
  const lacks = await said(ce(24561, { permissions: ['privilege:ExecuteCommands'] }));
  assert.equal(lacks[0], 403);
  assert.match(lacks[1].message, new RegExp(`^Address 0x[0-9a-fA-F]{40} lacks permissions \\[2\\] for asset did:erc721:137:${NFT}:24561\\.$`));
  // the body the product sends (asset DID + permission names + dimo.attestation) yields a token telemetry accepts
  const product = await token({ asset: `did:erc721:137:${NFT}:24567`, permissions: ['privilege:GetNonLocationHistory'], cloudEvents: { events: [{ eventType: 'dimo.attestation' }] } });
  assert.deepEqual((await gql(sim, 'telemetry', q, null, product)).body, { data: { attestations: [] } });
});

test('telemetry resolvers: argument rules beyond the schema, with telemetry-api\'s words and codes', async () => {
  const NFT = '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF';
  const dev = await developerJwt(sim);
  const tok = (await exchange(sim, dev, { nftContractAddress: NFT, privileges: [1, 4], tokenId: 24567 })).body.token;
  const HOUR = 3600000;
  const now = Date.now();
  const at = (h) => new Date(now - h * HOUR).toISOString();
  const err = async (q, v) => { const e = (await gql(sim, 'telemetry', q, v, tok)).body.errors?.[0]; return e && [e.message, e.extensions?.code]; };
  const SEG = 'query($f:Time!,$t:Time!,$m:DetectionMechanism!,$c:SegmentConfig,$l:Int){ segments(tokenId:24567, from:$f, to:$t, mechanism:$m, config:$c, limit:$l) { duration } }';
  const seg = (f, t, extra = {}) => err(SEG, { f, t, m: 'frequencyAnalysis', ...extra });
  // segments.go l.18-55: 32 days + 1 s is the most; from > to, from == to
  assert.equal(await seg(at(32 * 24), at(0)), undefined);
  assert.deepEqual(await seg(new Date(now - 32 * 24 * HOUR - 2000).toISOString(), new Date(now).toISOString()), ['date range exceeds maximum of 32 days', 'BAD_REQUEST']);
  assert.deepEqual(await seg(at(1), at(2)), ['from time must be before to time', 'BAD_REQUEST']);
  assert.deepEqual(await seg(at(2), at(2)), ['from and to times cannot be equal', 'BAD_REQUEST']);
  // l.59-110: config and limit ranges
  assert.deepEqual(await seg(at(5), at(0), { c: { maxGapSeconds: 59 } }), ['maxGapSeconds must be between 60 and 3600', 'BAD_REQUEST']);
  assert.deepEqual(await seg(at(5), at(0), { c: { minSegmentDurationSeconds: 3601 } }), ['minSegmentDurationSeconds must be between 60 and 3600', 'BAD_REQUEST']);
  assert.deepEqual(await seg(at(5), at(0), { c: { signalCountThreshold: 0 } }), ['signalCountThreshold must be between 1 and 3600', 'BAD_REQUEST']);
  assert.deepEqual(await seg(at(5), at(0), { m: 'idling', c: { maxIdleRpm: 200 } }), ['maxIdleRpm must be between 300 and 3000', 'BAD_REQUEST']);
  assert.equal(await seg(at(5), at(0), { c: { maxIdleRpm: 200 } }), undefined); // only checked for idling
  assert.deepEqual(await seg(at(5), at(0), { m: 'refuel', c: { minIncreasePercent: 101 } }), ['minIncreasePercent must be between 1 and 100', 'BAD_REQUEST']);
  assert.deepEqual(await seg(at(5), at(0), { l: 201 }), ['limit must be between 1 and 200', 'BAD_REQUEST']);
  // a `to` in the future is capped to now, not refused (GetSegments l.203-205)
  assert.equal(await seg(at(5), new Date(now + 48 * HOUR).toISOString()), undefined);
  // dailyActivity (l.502-526): mechanism, time zone, calendar dates, a future to date
  const DAILY = 'query($f:Time!,$t:Time!,$m:DetectionMechanism!,$z:String){ dailyActivity(tokenId:24567, from:$f, to:$t, mechanism:$m, timezone:$z) { segmentCount } }';
  const daily = (f, t, extra = {}) => err(DAILY, { f, t, m: 'frequencyAnalysis', ...extra });
  assert.deepEqual(await daily(at(5), at(0), { m: 'idling' }), ['dailyActivity does not accept mechanism idling; use ignitionDetection, frequencyAnalysis, or changePointDetection', 'BAD_REQUEST']);
  assert.deepEqual(await daily(at(5), at(0), { z: 'Mars/Olympus' }), ['invalid timezone "Mars/Olympus": unknown time zone Mars/Olympus', 'BAD_REQUEST']);
  assert.deepEqual(await daily(at(0), at(48)), ['from date must be before to date', 'BAD_REQUEST']);
  assert.deepEqual(await daily(at(5), new Date(now + 48 * HOUR).toISOString()), ['to date cannot be in the future', 'BAD_REQUEST']);
  assert.deepEqual(await daily(at(34 * 24), at(0)), ['date range exceeds maximum of 32 days', 'BAD_REQUEST']);
  // signals: the interval is a Go duration (arguments.go l.123-129, untyped), then validate.go l.24-41
  const SIG = 'query($i:String!,$f:Time!,$t:Time!){ signals(tokenId:24567, interval:$i, from:$f, to:$t) { timestamp speed(agg: MAX) } }';
  assert.deepEqual(await err(SIG, { i: '1d', f: at(48), t: at(0) }), ['failed parsing interval: time: unknown unit "d" in duration "1d"', undefined]);
  assert.deepEqual(await err(SIG, { i: 'hourly', f: at(48), t: at(0) }), ['failed parsing interval: time: invalid duration "hourly"', undefined]);
  assert.deepEqual(await err(SIG, { i: '5', f: at(48), t: at(0) }), ['failed parsing interval: time: missing unit in duration "5"', undefined]);
  assert.deepEqual(await err(SIG, { i: '-1h', f: at(48), t: at(0) }), ['invalid argument: interval is not a positive integer', 'BAD_REQUEST']);
  assert.deepEqual(await err(SIG, { i: '1h', f: at(0), t: at(48) }), ['invalid argument: from timestamp is after to timestamp', 'BAD_REQUEST']);
  assert.equal(await err(SIG, { i: '24h', f: at(60 * 24), t: at(0) }), undefined); // no range limit
  // events: no range limit; event names must be namespaced (validate.go l.112-158)
  const EV = 'query($f:Time!,$t:Time!,$n:StringValueFilter){ events(tokenId:24567, from:$f, to:$t, filter:{name:$n}) { name } }';
  assert.equal(await err(EV, { f: at(60 * 24), t: at(0) }), undefined);
  assert.deepEqual(await err(EV, { f: at(5), t: at(0), n: { eq: 'harshBraking' } }), ["invalid argument: event name 'harshBraking' does not match namespace pattern (e.g. 'behavior.harshBraking')", 'BAD_REQUEST']);
  assert.deepEqual(await err(EV, { f: at(5), t: at(0), n: { startsWith: 'behavior' } }), ["invalid argument: event name prefix 'behavior' does not match namespace pattern (e.g. 'behavior.' or 'behavior.harsh')", 'BAD_REQUEST']);
  // signal filters: a source must be an ethr DID (validate.go l.100-110)
  assert.deepEqual(await err('{ signalsLatest(tokenId:24567, filter:{source:"tesla"}) { lastSeen } }'), ["invalid argument: source 'tesla' is not a valid ethr DID", 'BAD_REQUEST']);
});

test('identity: a legacy per-privilege grant is a `privileges` row, not a SACD, and counts for `privileged`', async () => {
  const me = sim.testCredentials.clientId;
  const q = `query($g: Address!) { vehicle(tokenId: 24557) { sacd(grantee: $g) { permissions }
    privileges(filterBy: { user: $g }) { nodes { id user expiresAt } } } }`;
  const r = await gql(sim, 'identity', q, { g: me });
  assert.equal(r.status, 200);
  assert.equal(r.body.errors, undefined);
  assert.equal(r.body.data.vehicle.sacd, null);
  assert.deepEqual(r.body.data.vehicle.privileges.nodes.map((p) => p.id), [1]);
  assert.ok(sameCase(r.body.data.vehicle.privileges.nodes[0].user, me));
  // a vehicle shared by SACD has no legacy rows
  const t = await gql(sim, 'identity', q.replace('24557', '24567'), { g: me });
  assert.ok(t.body.data.vehicle.sacd);
  assert.deepEqual(t.body.data.vehicle.privileges.nodes, []);
  // `privileged` counts owner, SACDs and legacy rows (identity-api vehicles.go l.261-289)
  const list = await gql(sim, 'identity', `query($g: Address!) { vehicles(first: 100, filterBy: { privileged: $g }) { nodes { tokenId } } }`, { g: me });
  assert.ok(list.body.data.vehicles.nodes.some((v) => v.tokenId === 24557));
  assert.ok(!list.body.data.vehicles.nodes.some((v) => v.tokenId === 24564));
});

const sameCase = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();
