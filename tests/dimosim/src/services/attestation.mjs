// attestation-api: VIN VC (readable via telemetry vinVCLatest) and odometer/health/position attestations.
import { sendJson, send, parseJsonBody } from '../http.mjs';
import { sameAddress, personalSign } from '../eth.mjs';
import { VEHICLE_NFT, SYNTHETIC_NFT, AFTERMARKET_NFT, ATTESTATION_SOURCE, did } from '../fixtures.mjs';
import { fiberJwt, parseErc721Did } from './common.mjs';
import { ksuid } from './devices.mjs';

const err = (res, code, message) => sendJson(res, code, { message, code });
const OK = 'VC generated successfully, retrieve using the provided telemetry-api.';
const SIGNER_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const iso = (ms) => new Date(ms).toISOString();
const isoSec = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function need(claims, tokenId, ids) {
  const d = parseErc721Did(claims.asset);
  if (!d) return 'Unauthorized! invalid asset';
  if (!sameAddress(d.contract, VEHICLE_NFT)) return `Provided token is for the wrong contract: ${d.contract}`;
  if (String(d.tokenId) !== tokenId) return 'Unauthorized! mismatch token Id provided';
  const names = { 1: 'privilege:GetNonLocationHistory', 4: 'privilege:GetLocationHistory', 5: 'privilege:GetVINCredential' };
  if (!ids.every((i) => (claims.permissions || []).includes(names[i]))) return 'Unauthorized! Token does not contain required privileges';
  return null;
}

export function attestationService(sim) {
  return async (r, res) => {
    const legacy = /^\/v1\/vc\/vin\/(\d+)$/.exec(r.path);
    if (legacy) return send(res, 307, '', 'text/plain', { Location: `${sim.urls.attestation}/v2/attestation/vin/${legacy[1]}` });
    const m = /^\/v2\/attestation\/(vin|odometer-statement|vehicle-health|vehicle-position)\/([^/]+)$/.exec(r.path);
    if (!m || r.method !== 'POST') return send(res, 404, 'Cannot ' + r.method + ' ' + r.fullPath);
    const claims = fiberJwt(sim, sim.vehicleJwt, r, res);
    if (!claims) return;
    const [, kind, idText] = m;
    const needs = { vin: [5], 'odometer-statement': [1], 'vehicle-health': [1, 4], 'vehicle-position': [4] }[kind];
    const authErr = need(claims, idText, needs);
    if (authErr) return err(res, 401, authErr);
    if (!/^\d+$/.test(idText)) return err(res, 400, 'invalid token_id format');
    const v = sim.fx.byId.get(Number(idText));
    if (!v) return err(res, 500, 'Failed to get vehicle info');
    if (!v.syntheticDeviceId && !v.aftermarketDeviceId) return err(res, 400, 'No paired devices');
    const now = sim.now();
    const producer = v.syntheticDeviceId ? did(SYNTHETIC_NFT, v.syntheticDeviceId) : did(AFTERMARKET_NFT, v.aftermarketDeviceId);
    const body = r.bodyText.trim() ? parseJsonBody(r) : { ok: true, value: {} };
    if (kind === 'vin') {
      const day = new Date(now);
      const validTo = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + (7 - day.getUTCDay()));
      const recordedAt = isoSec(now - 20 * 60000);
      const data = { validFrom: iso(now), validTo: isoSec(validTo), credentialSubject: { id: did(VEHICLE_NFT, v.tokenId), vehicleTokenId: v.tokenId,
        vehicleContractAddress: `eth:${VEHICLE_NFT}`, vehicleIdentificationNumber: v.vin, recordedBy: producer, recordedAt } };
      const ce = { id: ksuid(), source: ATTESTATION_SOURCE, producer, specversion: '1.0', subject: did(VEHICLE_NFT, v.tokenId), time: iso(now),
        type: 'dimo.attestation', datacontenttype: 'application/json', dataversion: 'vin/v1.0',
        signature: personalSign(JSON.stringify(data), SIGNER_KEY), tags: ['vehicle.vin', 'vehicle'], data };
      const rawVC = JSON.stringify(ce);
      const view = { vehicleTokenId: v.tokenId, vin: v.vin, recordedBy: producer, recordedAt, countryCode: null,
        vehicleContractAddress: `eth:${VEHICLE_NFT}`, validFrom: data.validFrom, validTo: data.validTo, rawVC };
      if (!sim.vinVCs.has(v.tokenId)) sim.vinVCs.set(v.tokenId, []);
      sim.vinVCs.get(v.tokenId).push({ view, ce });
      addAttestation(sim, v.tokenId, ce);
      return sendJson(res, 200, { vcUrl: `${sim.urls.telemetry}/query`, vcQuery: `query {vinVCLatest(tokenId: ${v.tokenId}) {rawVC}}`,
        message: 'VC generated successfully. Retrieve using the provided GQL URL and query parameter.' });
    }
    if (!body.ok || !body.value || typeof body.value !== 'object') return err(res, 400, 'invalid request body');
    const b = body.value;
    const badTime = (x) => x !== undefined && Number.isNaN(Date.parse(x));
    if (kind === 'vehicle-health') {
      if (!b.startTime || !b.endTime || badTime(b.startTime) || badTime(b.endTime)) return err(res, 400, 'invalid request body');
      const s = Date.parse(b.startTime);
      const e = Date.parse(b.endTime);
      if (s > e) return err(res, 400, 'startTime must be before endTime');
      if (e - s > 30 * 86400000) return err(res, 400, 'time range cannot exceed 30 days');
    } else if (badTime(b.timestamp) || (kind === 'vehicle-position' && !b.timestamp)) return err(res, 400, 'invalid request body');
    const version = { 'odometer-statement': 'odometer/v1.0', 'vehicle-health': 'health/v1.0', 'vehicle-position': 'position/v1.0' }[kind];
    addAttestation(sim, v.tokenId, { id: ksuid(), source: ATTESTATION_SOURCE, producer, specversion: '1.0', subject: did(VEHICLE_NFT, v.tokenId),
      time: iso(now), type: 'dimo.attestation', dataversion: version, signature: personalSign(JSON.stringify(b), SIGNER_KEY), tags: [kind], data: b });
    return sendJson(res, 200, { message: OK });
  };
}

function addAttestation(sim, tokenId, ce) {
  sim.attestations.push({ id: ce.id, vehicleTokenId: tokenId, time: ce.time, attestation: JSON.stringify(ce), type: ce.type, source: ce.source,
    dataVersion: ce.dataversion, producer: ce.producer, signature: ce.signature, tags: ce.tags });
}
