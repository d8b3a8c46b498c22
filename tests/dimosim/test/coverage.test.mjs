// The simulator keeps up with DIMO (issue 8): complete Identity schema with defaults, every Telemetry
// query the typed tools use, signals with data, stale vehicles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim } from '../src/index.mjs';
import { developerJwt, exchange, gql } from './helpers.mjs';

const NFT = '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF';
const HOUR = 3600000;
let sim;
let dev;
before(async () => {
  sim = await startSim();
  dev = await developerJwt(sim);
});
after(async () => { assert.equal(await sim.stop(), 0); });
const vehicleJwt = async (tokenId, privileges) => (await exchange(sim, dev, { nftContractAddress: NFT, privileges, tokenId })).body.token;
const ok = (r) => { assert.equal(r.status, 200, r.text); assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors)); return r.body.data; };
const range = (hours, end = Date.now()) => ({ f: new Date(end - hours * HOUR).toISOString(), t: new Date(end).toISOString() });

test('identity: unmodelled fields answer null or empty connections, lookups as identity-api answers them', async () => {
  const v = ok(await gql(sim, 'identity', `{ vehicle(tokenId: 24567) { tokenId dcn { name } earnings { totalTokens } stake { level } storageNode { label }
    privileges(first: 10) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    sacds { nodes { grantee template { cid } } }
    manufacturer { name deviceDefinitions(first: 2, filterBy: { model: "Model 3" }) { totalCount nodes { deviceDefinitionId } } }
    syntheticDevice { tokenId connection { name sacds { totalCount } } } } }`)).vehicle;
  assert.deepEqual([v.dcn, v.earnings, v.stake, v.storageNode], [null, null, null, null]);
  assert.deepEqual(v.privileges, { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  assert.ok(v.sacds.nodes.every((n) => n.template === null));
  assert.equal(v.manufacturer.deviceDefinitions.totalCount, 7); // Model 3 2017..2023
  assert.equal(v.manufacturer.deviceDefinitions.nodes[0].deviceDefinitionId, 'tesla_model-3_2023');
  assert.equal(v.syntheticDevice.connection.name, 'Tesla');
  const lists = ok(await gql(sim, 'identity', `{ dcns(first: 5) { totalCount } stakes(first: 2) { totalCount edges { cursor } } templates(last: 3) { totalCount }
    rewards(user: "0x84a0F7845E012c833d255577F233284B46533543") { totalTokens history(first: 2) { totalCount } }
    ad: aftermarketDevice(by: { serial: "5c9e8a1f-3b2d-4e7a-9c61-0d4f2b8e7a13" }) { tokenId earnings { totalTokens } vehicle { tokenId } manufacturer { name } } }`));
  assert.deepEqual(lists.dcns, { totalCount: 0 });
  assert.deepEqual(lists.rewards, { totalTokens: '0', history: { totalCount: 0 } });
  assert.deepEqual([lists.ad.earnings, lists.ad.vehicle.tokenId, lists.ad.manufacturer.name], [null, 24566, 'AutoPi']);
  assert.deepEqual((await gql(sim, 'identity', '{ dcns { totalCount } }')).body.errors[0].message, 'provide `first` or `last`');
  assert.deepEqual((await gql(sim, 'identity', '{ stakes(first: 101) { totalCount } }')).body.errors[0].message, 'the value 101 for `first` exceeds the limit 100');
  const dcn = await gql(sim, 'identity', '{ dcn(by: { name: "nobody.dimo" }) { name } }');
  assert.deepEqual(dcn.body, { errors: [{ message: 'sql: no rows in result set', path: ['dcn'] }], data: { dcn: null } });
  const node = ok(await gql(sim, 'identity', '{ node(id: "V_kc1f9w==") { id ... on Vehicle { tokenId } } }'));
  assert.equal(node.node.tokenId, 24567);
});

test('telemetry: signals with data, by powertrain and device', async () => {
  const fx = await sim.control('/fixtures');
  const byId = Object.fromEntries(fx.vehicles.map((v) => [v.tokenId, v]));
  assert.ok(byId[24567].signals.length >= 50, `Tesla has ${byId[24567].signals.length} signals`);
  assert.ok(byId[24566].signals.length >= 60, `F-150 has ${byId[24566].signals.length} signals`);
  for (const name of ['bodyLockIsLocked', 'powertrainTractionBatteryChargingIsCharging', 'bodyTrunkRearIsOpen', 'bodyTrunkFrontIsOpen',
    'currentLocationCoordinates', 'speed', 'powertrainTransmissionTravelledDistance', 'powertrainTractionBatteryStateOfChargeCurrent',
    'powertrainRange', 'powertrainTractionBatteryRange', 'chassisAxleRow1WheelLeftTirePressure', 'exteriorAirTemperature', 'isIgnitionOn']) {
    assert.ok(byId[24567].signals.includes(name), name);
  }
  for (const name of ['powertrainFuelSystemRelativeLevel', 'powertrainFuelSystemAbsoluteLevel', 'obdDTCList', 'obdIsPluggedIn', 'powertrainCombustionEngineSpeed']) {
    assert.ok(byId[24566].signals.includes(name), name);
    assert.ok(!byId[24567].signals.includes(name), name);
  }
  const token = await vehicleJwt(24567, [1, 4]);
  const avail = ok(await gql(sim, 'telemetry', '{ availableSignals(tokenId: 24567) }', null, token)).availableSignals;
  assert.deepEqual(avail, byId[24567].signals);
  const snap = ok(await gql(sim, 'telemetry', '{ signalsSnapshot(tokenId: 24567) { lastSeen signals { name timestamp valueNumber valueString valueLocation { latitude longitude hdop } } } }', null, token)).signalsSnapshot;
  assert.equal(snap.signals.length, avail.length);
  assert.equal(snap.signals.find((s) => s.name === 'powertrainType').valueString, 'ELECTRIC');
  assert.ok(snap.signals.find((s) => s.name === 'currentLocationCoordinates').valueLocation.latitude);
  const sel = avail.filter((n) => !n.startsWith('currentLocation') || n === 'currentLocationAltitude' || n === 'currentLocationHeading')
    .filter((n) => n !== 'powertrainType').map((n) => `${n} { timestamp value }`).join(' ');
  // DIMO's complexity limit (100) allows about 32 signals with {timestamp value} per query
  const all = `{ signalsLatest(tokenId: 24567) { lastSeen ${sel} } }`;
  const limited = await gql(sim, 'telemetry', all, null, token);
  assert.equal(limited.status, 422);
  assert.deepEqual(limited.body.errors[0].extensions, { code: 'COMPLEXITY_LIMIT_EXCEEDED' });
  assert.match(limited.body.errors[0].message, /^operation has complexity \d+, which exceeds the limit of 100$/);
  await sim.control('/complexity-limit', 'POST', { limit: null });
  const latest = ok(await gql(sim, 'telemetry', all, null, token)).signalsLatest;
  await sim.control('/complexity-limit', 'POST', { limit: 100 });
  for (const [name, val] of Object.entries(latest)) if (name !== 'lastSeen') assert.equal(typeof val.value, 'number', name);
  const names = sel.split(' } ').length;
  assert.ok(names > 40, `${names} numeric signals`);
  const fits = `{ signalsLatest(tokenId: 24567) { lastSeen ${sel.split(' } ').slice(0, 32).join(' } ')} } } }`;
  assert.equal((await gql(sim, 'telemetry', fits, null, token)).status, 200, 'complexity 1 + 1 + 32 * 3 = 98');
  const summary = ok(await gql(sim, 'telemetry', '{ dataSummary(tokenId: 24567) { numberOfSignals availableSignals firstSeen lastSeen signalDataSummary { name numberOfSignals } eventDataSummary { name numberOfEvents } } }', null, token)).dataSummary;
  assert.deepEqual(summary.availableSignals, avail);
  assert.equal(summary.lastSeen, latest.lastSeen);
});

test('telemetry: a stale vehicle, staleness under control', async () => {
  const token = await vehicleJwt(24558, [1, 4]);
  const q = '{ signalsLatest(tokenId: 24558) { lastSeen speed { timestamp } currentLocationCoordinates { timestamp value { latitude } } } }';
  const stale = ok(await gql(sim, 'telemetry', q, null, token)).signalsLatest;
  const age = Date.now() - Date.parse(stale.lastSeen);
  assert.ok(age > 26 * HOUR && age < 26.5 * HOUR, `24558 lastSeen ${stale.lastSeen}`);
  assert.equal(stale.currentLocationCoordinates.timestamp, stale.lastSeen);
  assert.deepEqual((await sim.control('/last-seen')).vehicles.map((v) => [v.tokenId, v.offlineSeconds]), [[24558, 93600]]);
  await sim.control('/last-seen', 'POST', { tokenId: 24558, offlineSeconds: 0 });
  assert.ok(Date.now() - Date.parse(ok(await gql(sim, 'telemetry', q, null, token)).signalsLatest.lastSeen) < 11 * 60000);
  await sim.control('/last-seen', 'POST', { tokenId: 24567, offlineSeconds: 7200 });
  const tesla = await vehicleJwt(24567, [1]);
  const old = ok(await gql(sim, 'telemetry', '{ signalsLatest(tokenId: 24567) { lastSeen } }', null, tesla)).signalsLatest;
  assert.ok(Date.now() - Date.parse(old.lastSeen) > 2 * HOUR);
  const series = ok(await gql(sim, 'telemetry', 'query($f:Time!,$t:Time!){ signals(tokenId: 24567, interval: "10m", from: $f, to: $t) { timestamp speed(agg: MAX) } }', range(3), tesla)).signals;
  assert.ok(series.every((b) => Date.parse(b.timestamp) <= Date.parse(old.lastSeen)), 'no data after lastSeen');
  assert.equal((await fetch(`${sim.controlUrl}/last-seen`, { method: 'POST', body: '{"tokenId": 1, "offlineSeconds": 5}' })).status, 400);
  await sim.control('/reset', 'POST');
  assert.deepEqual((await sim.control('/last-seen')).vehicles.map((v) => v.tokenId), [24558]);
  dev = await developerJwt(sim);
});

test('telemetry: segments for every mechanism, paging, daily activity with a time zone', async () => {
  const tesla = await vehicleJwt(24567, [1, 4]);
  const ford = await vehicleJwt(24566, [1, 4]);
  const SEG = 'query($id:Int!,$f:Time!,$t:Time!,$m:DetectionMechanism!,$limit:Int,$after:Time){ segments(tokenId:$id, from:$f, to:$t, mechanism:$m, limit:$limit, after:$after,'
    + ' signalRequests:[{name:"speed", agg:MAX}], eventRequests:[{name:"behavior.harshBraking"}]) { start { timestamp value { latitude longitude } } end { timestamp } duration isOngoing startedBeforeRange signals { name agg value } eventCounts { name count } } }';
  const seg = async (token, id, m, hours, extra = {}) => ok(await gql(sim, 'telemetry', SEG, { id, m, ...range(hours), ...extra }, token)).segments;
  const trips = await seg(tesla, 24567, 'frequencyAnalysis', 72);
  assert.ok(trips.length >= 3);
  assert.ok(trips.every((s) => s.duration > 0 && s.eventCounts[0].name === 'behavior.harshBraking'));
  const page1 = await seg(tesla, 24567, 'ignitionDetection', 72, { limit: 2 });
  assert.equal(page1.length, 2);
  const page2 = await seg(tesla, 24567, 'ignitionDetection', 72, { limit: 2, after: page1[1].start.timestamp });
  assert.ok(Date.parse(page2[0].start.timestamp) > Date.parse(page1[1].start.timestamp));
  assert.equal((await seg(tesla, 24567, 'changePointDetection', 72)).length, trips.length);
  const recharge = await seg(tesla, 24567, 'recharge', 72);
  assert.ok(recharge.length >= 2);
  assert.ok(recharge.filter((s) => !s.isOngoing).every((s) => s.duration === 5400 && s.start.timestamp.endsWith('T22:00:00.000Z')));
  assert.deepEqual(await seg(ford, 24566, 'recharge', 72), []);
  const idling = await seg(ford, 24566, 'idling', 72);
  assert.ok(idling.length >= 2 && idling.every((s) => s.isOngoing || s.duration === 240));
  const refuel = await seg(ford, 24566, 'refuel', 31 * 24 - 1);
  assert.ok(refuel.length >= 1, 'the F-150 refuels every 600 km');
  // telemetry-api segments.go l.18-55: 32 days + 1 s, BAD_REQUEST, DIMO's words
  assert.ok(ok(await gql(sim, 'telemetry', SEG, { id: 24567, m: 'idling', ...range(32 * 24) }, tesla)).segments);
  const tooLong = await gql(sim, 'telemetry', SEG, { id: 24567, m: 'idling', ...range(32 * 24 + 1) }, tesla);
  assert.deepEqual(tooLong.body.errors[0].extensions, { code: 'BAD_REQUEST' });
  assert.equal(tooLong.body.errors[0].message, 'date range exceeds maximum of 32 days');
  const DAILY = 'query($f:Time!,$t:Time!,$tz:String){ dailyActivity(tokenId:24567, from:$f, to:$t, mechanism:frequencyAnalysis, timezone:$tz,'
    + ' signalRequests:[{name:"speed", agg:MAX}], eventRequests:[{name:"behavior.harshBraking"}]) { start { timestamp } end { timestamp } segmentCount duration signals { name agg value } eventCounts { name count } } }';
  const utc = ok(await gql(sim, 'telemetry', DAILY, range(24 * 7), tesla)).dailyActivity;
  const tokyo = ok(await gql(sim, 'telemetry', DAILY, { ...range(24 * 7), tz: 'Asia/Tokyo' }, tesla)).dailyActivity;
  assert.ok(utc.length >= 6);
  assert.equal(utc.reduce((a, d) => a + d.segmentCount, 0), tokyo.reduce((a, d) => a + d.segmentCount, 0));
  const badTz = await gql(sim, 'telemetry', DAILY, { ...range(24), tz: 'Mars/Olympus' }, tesla);
  assert.equal(badTz.body.errors[0].message, 'invalid timezone "Mars/Olympus": unknown time zone Mars/Olympus');
});

test('telemetry: events, attestations, VIN credential, privilege errors', async () => {
  const token = await vehicleJwt(24567, [1, 4, 5]);
  const events = ok(await gql(sim, 'telemetry', 'query($f:Time!,$t:Time!){ events(tokenId:24567, from:$f, to:$t) { timestamp name source durationNs metadata } }', range(72), token)).events;
  assert.ok(events.length > 0 && events.every((e) => /^behavior\./.test(e.name)));
  const filtered = ok(await gql(sim, 'telemetry', 'query($f:Time!,$t:Time!){ events(tokenId:24567, from:$f, to:$t, filter:{name:{eq:"behavior.harshBraking"}}) { name } }', range(72), token)).events;
  assert.ok(filtered.every((e) => e.name === 'behavior.harshBraking'));
  const attToken = (await exchange(sim, dev, { asset: `did:erc721:137:${NFT}:24567`, cloudEvents: { events: [{ eventType: 'dimo.attestation' }] } })).body.token;
  assert.deepEqual(ok(await gql(sim, 'telemetry', '{ attestations(tokenId: 24567) { id time attestation type source dataVersion producer signature tags } }', null, attToken)).attestations, []);
  assert.equal(ok(await gql(sim, 'telemetry', '{ vinVCLatest(tokenId: 24567) { vin } }', null, token)).vinVCLatest, null);
  const noLoc = await vehicleJwt(24565, [1]);
  const seg = await gql(sim, 'telemetry', 'query($f:Time!,$t:Time!){ segments(tokenId:24565, from:$f, to:$t, mechanism:idling) { duration } }', range(24), noLoc);
  assert.equal(seg.body.errors[0].message, 'unauthorized: missing required privilege(s) privilege:GetLocationHistory');
  const approx = await gql(sim, 'telemetry', '{ signalsLatest(tokenId: 24565) { currentLocationApproximateCoordinates { value { latitude } } } }', null, noLoc);
  assert.equal(approx.body.errors[0].message, 'unauthorized: requires at least one of the following privileges [privilege:GetApproximateLocation privilege:GetLocationHistory]');
});
