// Contract tests against DIMO's real SDL (skipped when ../shared/dimo-api is absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate, isObjectType, isInterfaceType, isInputObjectType, isEnumType } from 'graphql';
import { startSim } from '../src/index.mjs';
import { operationComplexity } from '../src/graphql.mjs';
import { developerJwt, exchange, gql } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const shared = process.env.DIMO_SHARED_DIR ? resolve(process.env.DIMO_SHARED_DIR) : resolve(repo, '../shared');
const schemaDir = join(shared, 'dimo-api/schema');
const examples = join(shared, 'dimo-api/examples');
const available = existsSync(join(schemaDir, 'identity')) && existsSync(join(schemaDir, 'telemetry'));
const SKIP = `DIMO schemas not found at ${schemaDir} (set DIMO_SHARED_DIR)`;

function loadReal(name) {
  const dir = join(schemaDir, name);
  let sdl = readdirSync(dir).filter((f) => f.endsWith('.graphqls')).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  sdl = sdl.replace(/(input DeviceDefinitionBy @oneOf \{[\s\S]*?id: String)!/, '$1'); // graphql-js @oneOf rule (README §4)
  return buildSchema(sdl);
}
const ours = (name) => buildSchema(readFileSync(join(here, `../schema/${name}.graphqls`), 'utf8'));

function subsetProblems(mine, real) {
  const problems = [];
  for (const [name, t] of Object.entries(mine.getTypeMap())) {
    if (name.startsWith('__')) continue;
    const r = real.getType(name);
    if (!r) { problems.push(`type ${name} missing`); continue; }
    if (r.constructor !== t.constructor) { problems.push(`type ${name} kind differs`); continue; }
    if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
      const rf = r.getFields();
      for (const [fname, f] of Object.entries(t.getFields())) {
        if (!rf[fname]) { problems.push(`${name}.${fname} missing`); continue; }
        if (String(f.type) !== String(rf[fname].type)) problems.push(`${name}.${fname}: ${f.type} vs ${rf[fname].type}`);
        for (const a of f.args || []) {
          const ra = rf[fname].args.find((x) => x.name === a.name);
          if (!ra) problems.push(`${name}.${fname}(${a.name}) missing`);
          else if (String(ra.type) !== String(a.type)) problems.push(`${name}.${fname}(${a.name}): ${a.type} vs ${ra.type}`);
        }
      }
    }
    if (isEnumType(t)) for (const v of t.getValues()) if (!r.getValue(v.name)) problems.push(`${name}.${v.name} missing`);
  }
  return problems;
}

for (const name of ['identity', 'telemetry']) {
  test(`${name} schema is a subset of DIMO's`, (t) => {
    if (!available) return t.skip(SKIP);
    const real = loadReal(name);
    const mine = ours(name);
    assert.deepEqual(subsetProblems(mine, real), []);
    assert.ok(Object.keys(mine.getTypeMap()).length > 20);
  });
}

test('identity schema is DIMO\'s complete Identity schema (every type, field, argument, enum value)', (t) => {
  if (!available) return t.skip(SKIP);
  assert.deepEqual(subsetProblems(loadReal('identity'), ours('identity')), []);
});

test('telemetry schema has every top-level query and type of DIMO\'s', (t) => {
  if (!available) return t.skip(SKIP);
  assert.deepEqual(subsetProblems(loadReal('telemetry'), ours('telemetry')), []);
});

/**
 * DIMO's hosted MCP tools (README §12) as GraphQL documents: each @mcpTool field with its arguments as
 * variables and its selection, plus every @mcpExample query, read from the real SDL.
 */
function hostedToolDocuments(name) {
  const real = loadReal(name);
  const docs = [];
  for (const [fname, field] of Object.entries(real.getQueryType().getFields())) {
    for (const d of field.astNode.directives || []) {
      const arg = (k) => d.arguments.find((a) => a.name.value === k)?.value.value;
      if (d.name.value === 'mcpExample') docs.push({ label: `${name} example: ${arg('description')}`, query: arg('query') });
      if (d.name.value !== 'mcpTool') continue;
      const req = field.args; // all arguments as variables: the test passes the ones it knows
      const vars = req.map((a) => `$${a.name}: ${a.type}`).join(', ');
      const args = req.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = arg('selection') || '';
      docs.push({ label: `${name}_${arg('name')}`, field: fname,
        query: `query${vars ? `(${vars})` : ''} { ${fname}${args ? `(${args})` : ''}${selection ? ` { ${selection} }` : ''} }` });
    }
  }
  return docs;
}

test('DIMO\'s hosted tool queries and examples validate against our schemas and run on the simulator', async (t) => {
  if (!available) return t.skip(SKIP);
  const sim = await startSim();
  try {
    const dev = await developerJwt(sim);
    const token = (await exchange(sim, dev, { nftContractAddress: '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF', privileges: [1, 2, 3, 4, 5, 6], tokenId: 24567,
      cloudEvents: { events: [{ eventType: 'dimo.attestation' }] } })).body.token; // get_attestations needs the grant
    const now = Date.now();
    const vars = { tokenId: 24567, from: new Date(now - 86400000).toISOString(), to: new Date(now).toISOString(), interval: '1h',
      mechanism: 'frequencyAnalysis', by: { serial: '5c9e8a1f-3b2d-4e7a-9c61-0d4f2b8e7a13' }, first: 10 };
    let count = 0;
    for (const name of ['identity', 'telemetry']) {
      const mine = ours(name);
      for (const doc of hostedToolDocuments(name)) {
        const errs = validate(mine, parse(doc.query));
        assert.deepEqual(errs.map((e) => e.message), [], `${doc.label}: ${doc.query}`);
        const r = await gql(sim, name, doc.query.replace(/tokenId: 123\b/g, 'tokenId: 24567'), vars, name === 'telemetry' ? token : undefined);
        assert.equal(r.status, 200, `${doc.label}: ${r.text}`);
        // Examples carry placeholder values ("abc-123", "0x..."): DIMO's resolver errors are expected there,
        // never a validation failure. Tools get real fixture values and must answer without errors.
        if (doc.field) assert.equal(r.body.errors, undefined, `${doc.label}: ${JSON.stringify(r.body.errors)}`);
        count++;
      }
    }
    assert.ok(count >= 20);
    t.diagnostic(`${count} hosted tool documents run`);
  } finally {
    await sim.stop();
  }
});

function graphqlDocuments(dir, out = []) {
  for (const e of readdirSync(dir)) {
    if (e === 'node_modules' || e === '.git' || e.startsWith('build')) continue;
    const p = join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) graphqlDocuments(p, out);
    else if (e.endsWith('.graphql')) out.push(p);
  }
  return out;
}

test('every .graphql document in the repo validates against DIMO\'s schema', (t) => {
  if (!available) return t.skip(SKIP);
  const schemas = { identity: loadReal('identity'), telemetry: loadReal('telemetry') };
  const failures = [];
  const docs = graphqlDocuments(repo);
  for (const file of docs) {
    const rel = relative(repo, file);
    let doc;
    try { doc = parse(readFileSync(file, 'utf8')); } catch (e) { failures.push(`${rel}: ${e.message}`); continue; }
    const which = /identity/i.test(rel) ? ['identity'] : /telemetry/i.test(rel) ? ['telemetry'] : ['identity', 'telemetry'];
    const results = which.map((w) => validate(schemas[w], doc));
    if (!results.some((errs) => errs.length === 0)) failures.push(`${rel}: ${results.flat().map((e) => e.message).join('; ')}`);
    // telemetry-api refuses operations over gqlgen complexity 100 (README §5)
    for (const op of doc.definitions.filter((d) => d.kind === 'OperationDefinition')) {
      const c = operationComplexity(doc, op.name?.value);
      if (results[which.indexOf('telemetry')]?.length === 0 && c > 100) failures.push(`${rel}: complexity ${c} over telemetry's limit of 100`);
    }
  }
  assert.deepEqual(failures, []);
  t.diagnostic(`${docs.length} documents checked`);
});

test('example requests get responses of the documented shape', async (t) => {
  if (!available || !existsSync(examples)) return t.skip(SKIP);
  const ex = (f) => readFileSync(join(examples, f), 'utf8');
  const exJson = (f) => JSON.parse(ex(f));
  const sim = await startSim();
  try {
    const shapeOf = (v) => (Array.isArray(v) ? [v.length ? shapeOf(v[0]) : null] : v && typeof v === 'object'
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, shapeOf(v[k])])) : v === null ? null : typeof v);
    const sameShape = (got, want) => assert.deepEqual(shapeOf(got), shapeOf(want));
    const dev = await developerJwt(sim);
    const devClaims = JSON.parse(Buffer.from(dev.split('.')[1], 'base64url'));
    sameShape(devClaims, exJson('jwt-developer.claims.json'));
    const legacy = exJson('token-exchange.request.legacy.json');
    const ex1 = await exchange(sim, dev, { ...legacy, privileges: [1, 2, 4, 5], tokenId: 24567 });
    sameShape(ex1.body, exJson('token-exchange.response.json'));
    const ex2 = await exchange(sim, dev, { ...exJson('token-exchange.request.json'), asset: legacy.nftContractAddress && 'did:erc721:137:0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF:24567' });
    assert.equal(ex2.status, 200);
    sameShape(JSON.parse(Buffer.from(ex2.body.token.split('.')[1], 'base64url')), exJson('jwt-vehicle.claims.json'));
    const vars = exJson('identity-vehicles.request.variables.json');
    const ids = await gql(sim, 'identity', ex('identity-vehicles.request.graphql'), { grantee: sim.testCredentials.clientId, ...(vars.grantee ? {} : vars) });
    assert.equal(ids.status, 200);
    const want = exJson('identity-vehicles.response.json');
    assert.deepEqual(Object.keys(ids.body.data.vehicles.nodes[0]).sort(), Object.keys(want.data.vehicles.nodes[0]).sort());
    sameShape(ids.body.data.vehicles.pageInfo, want.data.vehicles.pageInfo);
    const sacds = await gql(sim, 'identity', ex('identity-vehicle-sacds.request.graphql'), { tokenId: 24567 });
    sameShape(sacds.body.data.vehicle.sacds.nodes[0], exJson('identity-vehicle-sacds.response.json').data.vehicle.sacds.nodes[0]);
    const nf = await gql(sim, 'identity', '{ vehicle(tokenId: 999999999) { tokenId } }');
    assert.deepEqual(nf.body, exJson('identity-vehicle-not-found.response.json'));
    const latest = await gql(sim, 'telemetry', ex('telemetry-signalsLatest.request.graphql'), { tokenId: 24567 }, ex1.body.token);
    sameShape(latest.body, exJson('telemetry-signalsLatest.response.json'));
    const other = await gql(sim, 'telemetry', ex('telemetry-signalsLatest.request.graphql'), { tokenId: 24566 }, ex1.body.token);
    assert.deepEqual(other.body, exJson('telemetry-unauthorized.response.json'));
    const onlyNonLoc = await exchange(sim, dev, { ...legacy, privileges: [1], tokenId: 24567 });
    const mp = await gql(sim, 'telemetry', '{ signalsLatest(tokenId: 24567) { lastSeen currentLocationCoordinates { timestamp value { latitude longitude hdop } } } }', null, onlyNonLoc.body.token);
    const wantMp = exJson('telemetry-missing-privilege.response.json');
    assert.deepEqual(mp.body.errors, wantMp.errors);
    sameShape(mp.body.data, wantMp.data);
    const aggVars = { tokenId: 24567, from: new Date(Date.now() - 86400000).toISOString(), to: new Date().toISOString() };
    const agg = await gql(sim, 'telemetry', ex('telemetry-signals-aggregated.request.graphql'), aggVars, ex1.body.token);
    assert.equal(agg.status, 200);
    assert.ok(agg.body.data.signals.length > 0);
    sameShape(agg.body.data.signals[0], exJson('telemetry-signals-aggregated.response.json').data.signals[0]);
    const bad = await gql(sim, 'telemetry', '{ signalsLatest(tokenId: 24567) { lastSeen currentLocationLatitude { value } } }', null, ex1.body.token);
    assert.equal(bad.status, 422);
    sameShape(bad.body, exJson('telemetry-validation-error.response.json'));
    const att = await fetch(sim.url('attestation', '/v2/attestation/vin/24567'), { method: 'POST', headers: { authorization: `Bearer ${ex1.body.token}` } });
    sameShape(await att.json(), exJson('attestation-vin.response.json'));
    const vc = await gql(sim, 'telemetry', ex('telemetry-vinVCLatest.request.graphql'), { tokenId: 24567 }, ex1.body.token);
    const wantVc = exJson('telemetry-vinVCLatest.response.json').data.vinVCLatest;
    assert.deepEqual(Object.keys(vc.body.data.vinVCLatest).sort(), Object.keys(wantVc).sort());
    sameShape(JSON.parse(vc.body.data.vinVCLatest.rawVC), JSON.parse(wantVc.rawVC));
    const dec = await fetch(sim.url('deviceDefinitions', '/device-definitions/decode-vin'), { method: 'POST', headers: { authorization: `Bearer ${dev}`, 'content-type': 'application/json' }, body: ex('devicedefinitions-decode-vin.request.json') });
    assert.deepEqual(await dec.json(), exJson('devicedefinitions-decode-vin.response.json'));
    const search = await fetch(sim.url('deviceDefinitions', '/device-definitions/search?query=tesla%20model%203&pageSize=2'));
    const sj = await search.json();
    sameShape(sj, exJson('devicedefinitions-search.response.json'));
    assert.deepEqual(sj.pagination, exJson('devicedefinitions-search.response.json').pagination);
    const cmdErr = await fetch(sim.url('devices', '/v1/vehicle/24566/commands/doors/lock'), { method: 'POST',
      headers: { authorization: `Bearer ${(await exchange(sim, dev, { ...legacy, privileges: [1], tokenId: 24566 })).body.token}` } });
    assert.equal(cmdErr.status, 401);
  } finally {
    await sim.stop();
  }
});
