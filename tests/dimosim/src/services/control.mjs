// /_control: request log, reset, faults, token expiry, clock offset, commands, staleness, state. Not logged.
import { sendJson, parseJsonBody } from '../http.mjs';
import { commandsView } from '../commands.mjs';
import { vehicleSignals, lastSampleTime } from '../signals.mjs';
import { TESLA_ORACLE_MODES, TESLA_STATUS_ACTIONS } from './teslaoracle.mjs';
import { creditAccount, GRANT } from './credittracker.mjs';

const FAULT_KEYS = ['service', 'path', 'method', 'status', 'body', 'contentType', 'delayMs', 'hang', 'drop', 'malformed', 'retryAfter', 'times', 'bodyBytes', 'contentLength', 'cutAfterBytes', 'preset'];
/**
 * Named faults as DIMO's deployment produces them (FIDELITY.md): `ingress503` = ingress-nginx's `limit-rps`
 * refusal (the charts' values-prod.yaml set limit-rps; nginx's limit_req_status default is 503, its default
 * HTML page, no Retry-After); `telemetryTimeout` = telemetry-api's MAX_REQUEST_DURATION (30 s in prod) reached,
 * repositories.go handleDBError: a GraphQL BAD_REQUEST error in a 200 (add `delayMs` to make it slow).
 */
export const FAULT_PRESETS = {
  ingress503: { status: 503, contentType: 'text/html',
    body: '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n' },
  telemetryTimeout: { service: 'telemetry', status: 200, contentType: 'application/json',
    body: JSON.stringify({ errors: [{ message: 'request exceeded or is estimated to exceed the maximum execution time', extensions: { code: 'BAD_REQUEST' } }], data: null }) },
};

export function controlHandler(sim) {
  return async (r, res) => {
    const p = r.path;
    if (p === '/requests' && r.method === 'GET') {
      const svc = r.query.get('service');
      return sendJson(res, 200, { requests: sim.log.entries.filter((e) => !svc || e.service === svc) });
    }
    if (p === '/requests' && r.method === 'DELETE') { sim.log.entries.length = 0; return sendJson(res, 200, { ok: true }); }
    if (p === '/reset' && r.method === 'POST') { sim.reset(); return sendJson(res, 200, { ok: true }); }
    if (p === '/faults' && r.method === 'GET') return sendJson(res, 200, { faults: sim.faults });
    if (p === '/faults' && r.method === 'DELETE') { sim.faults.length = 0; sim.http.releaseHung(); return sendJson(res, 200, { ok: true }); }
    if (p === '/faults' && r.method === 'POST') {
      const b = parseJsonBody(r);
      const list = b.ok ? (Array.isArray(b.value) ? b.value : [b.value]) : null;
      if (!list || list.some((f) => !f || typeof f !== 'object')) return sendJson(res, 400, { error: 'body must be a JSON fault object or array' });
      const added = [];
      for (const f of list) {
        const unknown = Object.keys(f).filter((k) => !FAULT_KEYS.includes(k));
        if (unknown.length) return sendJson(res, 400, { error: `unknown fault keys: ${unknown.join(', ')}` });
        if (f.service && f.service !== '*' && !sim.services.some((s) => s.name === f.service)) {
          return sendJson(res, 400, { error: `unknown service "${f.service}"`, services: sim.services.map((s) => s.name) });
        }
        if (f.preset !== undefined && !(f.preset in FAULT_PRESETS)) return sendJson(res, 400, { error: `unknown fault preset: ${f.preset} (known: ${Object.keys(FAULT_PRESETS).join(', ')})` });
        const fault = { id: sim.nextFaultId++, ...(FAULT_PRESETS[f.preset] || {}), ...f, remaining: Number.isInteger(f.times) && f.times > 0 ? f.times : null, hits: 0 };
        sim.faults.push(fault);
        added.push(fault);
      }
      return sendJson(res, 200, { faults: added });
    }
    if (p === '/expire-tokens' && r.method === 'POST') {
      sim.authJwt.revokeAll(); sim.vehicleJwt.revokeAll();
      return sendJson(res, 200, { ok: true });
    }
    if (p === '/clock' && r.method === 'GET') return sendJson(res, 200, { offsetSeconds: sim.clockOffset, now: new Date(sim.now()).toISOString() });
    if (p === '/clock' && r.method === 'POST') {
      const b = parseJsonBody(r);
      const off = b.ok ? b.value?.offsetSeconds : undefined;
      if (typeof off !== 'number' || !Number.isFinite(off)) return sendJson(res, 400, { error: 'offsetSeconds (number) required' });
      sim.clockOffset = off;
      return sendJson(res, 200, { offsetSeconds: off, now: new Date(sim.now()).toISOString() });
    }
    if (p === '/commands' && r.method === 'GET') {
      const svc = r.query.get('service');
      return sendJson(res, 200, { delayMs: sim.commandDelayMs, commands: commandsView(sim).filter((c) => !svc || c.service === svc),
        attempts: sim.commandAttempts.filter((c) => !svc || c.service === svc) });
    }
    if (p === '/command-delay' && r.method === 'GET') return sendJson(res, 200, { ms: sim.commandDelayMs });
    if (p === '/command-delay' && r.method === 'POST') {
      const b = parseJsonBody(r);
      const ms = b.ok ? b.value?.ms : undefined;
      if (!Number.isInteger(ms) || ms < 0) return sendJson(res, 400, { error: 'ms (integer >= 0) required' });
      sim.commandDelayMs = ms;
      return sendJson(res, 200, { ms });
    }
    if (p === '/tesla-oracle' && r.method === 'GET') return sendJson(res, 200, { mode: sim.teslaOracleMode });
    if (p === '/tesla-oracle' && r.method === 'POST') {
      const b = parseJsonBody(r);
      const mode = b.ok ? b.value?.mode : undefined;
      if (!TESLA_ORACLE_MODES.includes(mode)) return sendJson(res, 400, { error: `mode required: ${TESLA_ORACLE_MODES.join(' or ')}` });
      sim.teslaOracleMode = mode;
      return sendJson(res, 200, { mode });
    }
    if (p === '/tesla-status' && r.method === 'GET') return sendJson(res, 200, { statuses: Object.fromEntries(sim.teslaStatus) });
    if (p === '/tesla-status' && r.method === 'POST') {
      const b = parseJsonBody(r);
      const { tokenId, action } = b.ok && b.value && typeof b.value === 'object' ? b.value : {};
      if (!sim.fx.byId.get(tokenId)) return sendJson(res, 400, { error: 'tokenId of a fixture vehicle required' });
      if (!TESLA_STATUS_ACTIONS.includes(action)) return sendJson(res, 400, { error: `action required: ${TESLA_STATUS_ACTIONS.join(', ')}` });
      sim.teslaStatus.set(tokenId, action);
      return sendJson(res, 200, { tokenId, action });
    }
    if (p === '/credits' && r.method === 'POST') { // a (license, vehicle) balance until reset
      const b = parseJsonBody(r);
      const { licenseId, tokenId, remaining } = b.ok && b.value && typeof b.value === 'object' ? b.value : {};
      const license = licenseId ?? sim.fx.main.clientId;
      if (!creditAccount(sim, license, tokenId)) return sendJson(res, 400, { error: 'tokenId of a vehicle the license has a grant for required' });
      if (!Number.isInteger(remaining) || remaining < 0 || remaining > GRANT) return sendJson(res, 400, { error: `remaining (0..${GRANT}) required` });
      sim.creditBalances.set(`${license}|${tokenId}`, remaining);
      return sendJson(res, 200, { licenseId: license, tokenId, remaining });
    }
    if (p === '/complexity-limit' && r.method === 'GET') return sendJson(res, 200, { limit: sim.complexityLimit });
    if (p === '/complexity-limit' && r.method === 'POST') {
      const b = parseJsonBody(r);
      const limit = b.ok ? b.value?.limit : undefined;
      if (limit !== null && (!Number.isInteger(limit) || limit < 1)) return sendJson(res, 400, { error: 'limit (integer >= 1, or null for none) required' });
      sim.complexityLimit = limit;
      return sendJson(res, 200, { limit });
    }
    if (p === '/last-seen' && r.method === 'GET') {
      const now = sim.now();
      return sendJson(res, 200, { vehicles: sim.fx.vehicles.filter((v) => v.offlineMs > 0).map((v) => ({ tokenId: v.tokenId,
        offlineSeconds: v.offlineMs / 1000, lastSeen: new Date(lastSampleTime(sim.seed, v, now)).toISOString() })) });
    }
    if (p === '/last-seen' && r.method === 'POST') {
      const b = parseJsonBody(r);
      const { tokenId, offlineSeconds } = b.ok && b.value && typeof b.value === 'object' ? b.value : {};
      const v = sim.fx.byId.get(tokenId);
      if (!v) return sendJson(res, 400, { error: 'tokenId of a fixture vehicle required' });
      if (typeof offlineSeconds !== 'number' || !Number.isFinite(offlineSeconds) || offlineSeconds < 0) {
        return sendJson(res, 400, { error: 'offlineSeconds (number >= 0) required' });
      }
      v.offlineMs = Math.round(offlineSeconds * 1000);
      return sendJson(res, 200, { tokenId, offlineSeconds, lastSeen: new Date(lastSampleTime(sim.seed, v, sim.now())).toISOString() });
    }
    if (p === '/state' && r.method === 'GET') {
      return sendJson(res, 200, { commands: commandsView(sim), commandDelayMs: sim.commandDelayMs, overrides: Object.fromEntries(sim.overrides),
        vinVCs: Object.fromEntries([...sim.vinVCs].map(([k, v]) => [k, v.length])), attestations: sim.attestations.length });
    }
    if (p === '/fixtures' && r.method === 'GET') {
      const fx = sim.fx;
      return sendJson(res, 200, { seed: fx.seed, ids: fx.ids,
        licenses: fx.licenses.map((l) => ({ tokenId: l.tokenId, clientId: l.clientId, alias: l.alias, apiKey: l.apiKey, signer: l.signers[0].address, redirectURIs: l.redirectURIs.map((u) => u.uri) })),
        users: fx.users.map((u) => ({ index: u.index, name: u.name, wallet: u.wallet, email: u.email, signerKey: u.signerKey, signer: u.signer })),
        vehicles: fx.vehicles.filter((v) => v.tokenId < 100000).map((v) => {
          const sd = fx.syntheticDevices.find((d) => d.tokenId === v.syntheticDeviceId);
          return { tokenId: v.tokenId, owner: v.owner, ownerName: fx.users.find((u) => u.wallet === v.owner)?.name, make: v.make, model: v.model,
            year: v.year, definitionId: v.definitionId, powertrain: v.powertrain, vin: v.vin, connection: v.connection,
            aftermarketDeviceId: v.aftermarketDeviceId, syntheticDeviceId: v.syntheticDeviceId, tesla: sd?.connection === 'Tesla',
            teslaSubscription: sd?.connection === 'Tesla' ? sd.subscription : null, offlineSeconds: v.offlineMs / 1000, signals: vehicleSignals(v) };
        }),
        sacds: fx.sacds.filter((s) => s.vehicleId < 100000), fleetVehicles: fx.vehicles.filter((v) => v.tokenId >= 100000).length });
    }
    return sendJson(res, 404, { error: `unknown control route ${r.method} ${p}` });
  };
}
