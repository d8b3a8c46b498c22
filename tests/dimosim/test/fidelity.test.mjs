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
  // cloud events need a grant to the license: 24564 is not shared with it
  assert.equal((await exchange(sim, dev, { asset: `did:erc721:137:${NFT}:24564`, cloudEvents: { events: [{ eventType: 'dimo.attestation' }] } })).status, 403);
});
