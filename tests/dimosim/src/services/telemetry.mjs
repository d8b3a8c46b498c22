// telemetry-api: vehicle-JWT protected GraphQL over the deterministic signal model.
import { fileURLToPath } from 'node:url';
import { loadSchema, readGraphqlRequest, runGraphql, gqlError } from '../graphql.mjs';
import { send, sendJson } from '../http.mjs';
import { checksumAddress, sameAddress } from '../eth.mjs';
import { VEHICLE_NFT, did } from '../fixtures.mjs';
import { parseErc721Did } from './common.mjs';
import { SIGNAL_MODEL, hasSignal, vehicleSignals, stateAt, lastSampleTime, historyStart } from '../signals.mjs';
import { aggregationsResolver, segmentsResolver, dailyActivityResolver, eventsResolver } from './telemetry-history.mjs';
import { overrideAt, lastEffectAt } from '../commands.mjs';

const schema = loadSchema(fileURLToPath(new URL('../../schema/telemetry.graphqls', import.meta.url)));
const PRIV = { VEHICLE_NON_LOCATION_DATA: 'privilege:GetNonLocationHistory', VEHICLE_COMMANDS: 'privilege:ExecuteCommands',
  VEHICLE_CURRENT_LOCATION: 'privilege:GetCurrentLocation', VEHICLE_ALL_TIME_LOCATION: 'privilege:GetLocationHistory',
  VEHICLE_VIN_CREDENTIAL: 'privilege:GetVINCredential', VEHICLE_APPROXIMATE_LOCATION: 'privilege:GetApproximateLocation',
  VEHICLE_RAW_DATA: 'privilege:GetRawData' };
export const iso = (ms) => new Date(ms).toISOString();

/** Privilege requirements of a field, read from the schema's directives. */
function requirements(typeName, fieldName) {
  const node = schema.getType(typeName).getFields()[fieldName]?.astNode;
  const req = { all: [], oneOf: [] };
  for (const d of node?.directives || []) {
    const vals = d.arguments?.[0]?.value?.values?.map((v) => PRIV[v.value]) || [];
    if (d.name.value === 'requiresAllOfPrivileges') req.all.push(...vals);
    if (d.name.value === 'requiresOneOfPrivilege') req.oneOf.push(...vals);
  }
  return req;
}
const reqCache = new Map();
export function checkPrivileges(ctx, typeName, fieldName) {
  const key = typeName + '.' + fieldName;
  let req = reqCache.get(key);
  if (!req) { req = requirements(typeName, fieldName); reqCache.set(key, req); }
  const have = new Set(ctx.claims?.permissions || []);
  const missing = req.all.filter((p) => !have.has(p));
  if (missing.length) throw new Error(`unauthorized: missing required privilege(s) ${missing.join(', ')}`);
  if (req.oneOf.length && !req.oneOf.some((p) => have.has(p))) {
    throw new Error(`unauthorized: requires at least one of the following privileges [${req.oneOf.join(' ')}]`);
  }
}

/** @requiresVehicleToken + query-level privileges; returns the fixture vehicle (or null if unknown). */
/** telemetry_claim.go validCloudEventRequest for type dimo.attestation. */
function attestationGranted(cloudEvents, filter) {
  const source = filter?.source != null ? checksumAddress(filter.source) : '*'; // filter.Source.Hex()
  const id = filter?.id ?? '*';
  return (cloudEvents.events || []).some((ce) => (ce.event_type === 'dimo.attestation' || ce.event_type === '*')
    && (ce.source === source || ce.source === '*') && (ce.ids || []).some((x) => x === id || x === '*'));
}

export function requireVehicle(sim, ctx, tokenId, queryName) {
  if (!ctx.claims) throw new Error('unauthorized: jwt missing');
  const d = parseErc721Did(ctx.claims.asset);
  if (!d) throw new Error('unauthorized: unauthorized: invalid asset in claim');
  if (!sameAddress(d.contract, VEHICLE_NFT)) throw new Error(`unauthorized: unauthorized: contract in claim is ${d.contract} instead of the required ${VEHICLE_NFT}`);
  if (d.tokenId !== tokenId) throw new Error('unauthorized: unauthorized: token id does not match');
  checkPrivileges(ctx, 'Query', queryName);
  const v = sim.fx.byId.get(tokenId);
  return v && !v.neverSeen ? v : null; // never seen: no data at all (lastSeen null, no signals)
}
export function checkSource(filter) {
  if (filter?.source != null && !/^did:ethr:\d+:0x[0-9a-fA-F]{40}$/.test(filter.source)) {
    throw gqlError(`invalid argument: source '${filter.source}' is not a valid ethr DID`, { code: 'BAD_REQUEST' }); // validate.go l.100-110
  }
}

/** The vehicle's lastSeen (ms): its latest sample, or a later command effect (a command wakes the car). */
export function lastSeenOf(sim, v, nowMs) {
  return Math.max(lastSampleTime(sim.seed, v, nowMs), lastEffectAt(sim, v.tokenId, nowMs));
}

/** Current value of a signal (a command's effect wins from its effect time on). */
export function latestValue(sim, v, name, nowMs) {
  if (!hasSignal(v, name)) return null;
  const t = lastSampleTime(sim.seed, v, nowMs);
  const ov = overrideAt(sim, v.tokenId, name, nowMs);
  if (ov) return { timestamp: iso(Math.max(ov.ts, t)), value: ov.value };
  const [, fn] = SIGNAL_MODEL[name];
  const value = fn(stateAt(sim.seed, v, t), v);
  return value == null ? null : { timestamp: iso(t), value };
}

function collectionView(sim, ctx, v, nowMs) {
  const fields = schema.getType('SignalCollection').getFields();
  const view = { lastSeen: v ? iso(lastSeenOf(sim, v, nowMs)) : null };
  for (const name of Object.keys(fields)) {
    if (name === 'lastSeen') continue;
    view[name] = () => { checkPrivileges(ctx, 'SignalCollection', name); return v ? latestValue(sim, v, name, nowMs) : null; };
  }
  return view;
}

function visibleSignals(ctx, v) {
  return vehicleSignals(v).filter((n) => { try { checkPrivileges(ctx, 'SignalCollection', n); return true; } catch { return false; } });
}

function rootFor(sim) {
  return {
    signalsLatest: ({ tokenId, filter }, ctx) => { const v = requireVehicle(sim, ctx, tokenId, 'signalsLatest'); checkSource(filter); return collectionView(sim, ctx, v, sim.now()); },
    availableSignals: ({ tokenId, filter }, ctx) => { const v = requireVehicle(sim, ctx, tokenId, 'availableSignals'); checkSource(filter); return v ? vehicleSignals(v) : []; },
    signalsSnapshot: ({ tokenId, filter }, ctx) => {
      const v = requireVehicle(sim, ctx, tokenId, 'signalsSnapshot'); checkSource(filter);
      if (!v) return { lastSeen: null, signals: [] };
      const now = sim.now();
      const signals = visibleSignals(ctx, v).map((name) => {
        const l = latestValue(sim, v, name, now);
        if (!l) return null;
        const type = SIGNAL_MODEL[name][0];
        return { name, timestamp: l.timestamp, valueNumber: type === 'float' ? l.value : null, valueString: type === 'string' ? l.value : null,
          valueLocation: type === 'location' ? l.value : null };
      }).filter(Boolean);
      return { lastSeen: iso(lastSeenOf(sim, v, now)), signals };
    },
    dataSummary: ({ tokenId, filter }, ctx) => {
      const v = requireVehicle(sim, ctx, tokenId, 'dataSummary'); checkSource(filter);
      if (!v) return null;
      const now = sim.now();
      const first = iso(historyStart(now));
      const last = iso(lastSeenOf(sim, v, now));
      const names = vehicleSignals(v);
      const per = Math.round((now - historyStart(now)) / 600000) + v.dailyKm * 30 * 2;
      return { numberOfSignals: String(per * names.length), availableSignals: names, firstSeen: first, lastSeen: last,
        signalDataSummary: names.map((name) => ({ name, numberOfSignals: String(per), firstSeen: first, lastSeen: last })),
        eventDataSummary: [{ name: 'behavior.harshBraking', numberOfEvents: String(v.tokenId % 7 + 3), firstSeen: first, lastSeen: last }] };
    },
    signals: aggregationsResolver(sim, (tokenId, ctx) => requireVehicle(sim, ctx, tokenId, 'signals')),
    events: eventsResolver(sim, (tokenId, ctx) => requireVehicle(sim, ctx, tokenId, 'events')),
    segments: segmentsResolver(sim, (tokenId, ctx) => requireVehicle(sim, ctx, tokenId, 'segments')),
    dailyActivity: dailyActivityResolver(sim, (tokenId, ctx) => requireVehicle(sim, ctx, tokenId, 'dailyActivity')),
    vinVCLatest: ({ tokenId }, ctx) => {
      requireVehicle(sim, ctx, tokenId, 'vinVCLatest');
      const list = sim.vinVCs.get(tokenId);
      return list?.length ? list.at(-1).view : null;
    },
    attestations: ({ tokenId, subject, filter }, ctx) => {
      if (subject == null && tokenId == null) throw gqlError('asset or tokenId is required', { code: 'BAD_REQUEST' });
      const subj = subject ?? did(VEHICLE_NFT, tokenId);
      // telemetry-api auth/telemetry_claim.go ValidRequest: a cloud_events grant for dimo.attestation and
      // subject == the token's asset; no privilege is consulted.
      if (!ctx.claims) throw new Error('unauthorized: jwt missing');
      if (!ctx.claims.cloud_events || subj !== ctx.claims.asset || !attestationGranted(ctx.claims.cloud_events, filter)) {
        throw gqlError('invalid claims', { code: 'UNAUTHORIZED' });
      }
      const id = parseErc721Did(subj)?.tokenId;
      let list = sim.attestations.filter((a) => a.vehicleTokenId === id);
      if (filter?.dataVersion) list = list.filter((a) => a.dataVersion === filter.dataVersion);
      if (filter?.id) list = list.filter((a) => a.id === filter.id);
      if (filter?.limit) list = list.slice(-filter.limit);
      return [...list].reverse();
    },
  };
}

export function telemetryService(sim) {
  const rootValue = rootFor(sim);
  return async (r, res) => {
    if (r.path === '/' && r.method === 'GET') return send(res, 200, '<!DOCTYPE html><html><body>GraphQL playground (dimosim telemetry)</body></html>', 'text/html');
    if (r.path !== '/query') return send(res, 404, '404 page not found\n');
    let claims = null;
    const h = r.headers.authorization;
    if (h !== undefined) {
      const m = /^bearer\s+(\S+)$/i.exec(h.trim());
      if (!m) return sendJson(res, 500, { message: 'Something went wrong while checking the JWT.' });
      const ver = sim.vehicleJwt.verify(m[1], Math.floor(sim.now() / 1000));
      const c = ver.ok ? ver.claims : null;
      if (!c || c.iss !== sim.urls.vehicleIssuer || !(Array.isArray(c.aud) ? c.aud : [c.aud]).includes('dimo.zone') || !parseErc721Did(c.asset)) {
        return sendJson(res, 401, { message: 'JWT is invalid.' });
      }
      claims = c;
    }
    const params = readGraphqlRequest(r, res);
    if (!params) return;
    return runGraphql(schema, params, res, { rootValue, contextValue: { claims }, complexityLimit: sim.complexityLimit });
  };
}
export { schema as telemetrySchema };
