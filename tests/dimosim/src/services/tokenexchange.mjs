// token-exchange-api: POST /v1/tokens/exchange -> vehicle JWT (600 s) from the SACD table.
import { sendJson, send, parseJsonBody } from '../http.mjs';
import { checksumAddress, isAddress, sameAddress } from '../eth.mjs';
import { decodeDexSubject } from '../jwt.mjs';
import { fiberJwt, parseErc721Did } from './common.mjs';
import { VEHICLE_NFT, CHAIN_ID, PRIVILEGE_NAMES, activeSacds, permissionIds, did } from '../fixtures.mjs';
import { findLicense } from './auth.mjs';

export const VEHICLE_TOKEN_LIFETIME = 600;
const NAME_TO_ID = Object.fromEntries(Object.entries(PRIVILEGE_NAMES).map(([id, n]) => [n, Number(id)]));
const err = (res, code, message) => sendJson(res, code, { code, message });

const isInt64 = (v) => Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
const optional = (v, ok) => v === undefined || v === null || ok(v);
const arrayOf = (v, ok) => optional(v, (a) => Array.isArray(a) && a.every((x) => x === null || ok(x)));
const isString = (v) => typeof v === 'string';
/** The JSON types TokenRequest (token_exchange.go l.38-62) decodes without error. */
function goTypesOk(b) {
  return optional(b.asset, isString) && optional(b.nftContractAddress, isString) && optional(b.tokenId, isInt64)
    && arrayOf(b.privileges, isInt64) && arrayOf(b.permissions, isString) && arrayOf(b.audience, isString)
    && optional(b.cloudEvents, (c) => typeof c === 'object' && !Array.isArray(c) && arrayOf(c.events, (e) => typeof e === 'object' && !Array.isArray(e)));
}

export function tokenExchangeService(sim) {
  return async (r, res) => {
    if (r.path === '/keys' && r.method === 'GET') return sendJson(res, 200, { keys: [sim.vehicleJwt.jwk()] });
    if (r.path !== '/v1/tokens/exchange' || r.method !== 'POST') return send(res, 404, 'Cannot ' + r.method + ' ' + r.fullPath);
    const claims = fiberJwt(sim, sim.authJwt, r, res);
    if (!claims) return;
    const sub = decodeDexSubject(String(claims.sub || ''));
    if (!sub) return err(res, 400, 'failed to decode subject');
    if (!isAddress(sub.userId)) return err(res, 400, 'user id is not valid hex address');
    const lic = findLicense(sim, sub.userId);
    if (!lic) return err(res, 403, `not a dev license: ${checksumAddress(sub.userId)}`);
    const parsed = parseJsonBody(r);
    // Fiber's BodyParser is encoding/json into TokenRequest: a wrong JSON type anywhere is a parse error.
    if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value) || !goTypesOk(parsed.value)) {
      return err(res, 400, "Couldn't parse request body.");
    }
    const b = parsed.value;
    let contract;
    let tokenId;
    let asset;
    if (b.asset !== undefined && b.asset !== '') {
      const d = parseErc721Did(b.asset);
      if (!d) return err(res, 400, `Invalid asset DID "${b.asset}": invalid DID format.`);
      ({ contract, tokenId } = d);
      asset = b.asset;
    } else {
      if (!isAddress(b.nftContractAddress)) return err(res, 400, `Invalid NFT contract address "${b.nftContractAddress ?? ''}".`);
      contract = b.nftContractAddress;
      tokenId = b.tokenId ?? 0; // int64: a missing id is 0 and a negative one is not refused by the handler
      asset = did(checksumAddress(contract), tokenId);
    }
    let ids;
    const namePath = Array.isArray(b.permissions) && b.permissions.length > 0;
    let unknownNames = [];
    if (namePath) { // names DIMO does not know are reported as lacking (access.go ValidateAccessViaRecord)
      unknownNames = b.permissions.filter((p) => !(p in NAME_TO_ID));
      ids = b.permissions.filter((p) => p in NAME_TO_ID).map((p) => NAME_TO_ID[p]);
    } else {
      const privs = Array.isArray(b.privileges) ? b.privileges : [];
      const unknown = privs.filter((p) => !PRIVILEGE_NAMES[p]);
      if (unknown.length) return err(res, 400, `unknown privileges [${unknown.join(' ')}]`);
      ids = privs;
    }
    const events = Array.isArray(b.cloudEvents?.events) ? b.cloudEvents.events : [];
    if (ids.length + unknownNames.length === 0 && events.length === 0) return err(res, 400, 'Please provide at least one privilege or cloudevent');
    if (!claims.ethereum_address) return err(res, 401, 'No Ethereum address claim found.');
    if (unknownNames.length && !events.length) return err(res, 403, `Address ${lic.clientId} lacks permissions [${unknownNames.join(' ')}] for asset ${asset}.`);
    ids = [...new Set(ids)];
    const vehicleOk = sameAddress(contract, VEHICLE_NFT) && sim.fx.byId.has(tokenId);
    const granted = new Set(vehicleOk ? activeSacds(sim.fx, tokenId, sim.now())
      .filter((s) => sameAddress(s.grantee, lic.clientId)).flatMap((s) => permissionIds(s.permissions)) : []);
    const missing = ids.filter((i) => !granted.has(i));
    if (events.length) {
      // access.go l.84-96: with cloud events there is no fallback to the privilege bits; the grant's SACD document
      // decides (ValidateAccessViaSourceDoc l.98-123, evaluateSacdDoc l.125-182): no document → ipfs_service.go
      // l.109-113; events not granted → l.170-176; then the permissions (lacks …).
      const sacd = vehicleOk && activeSacds(sim.fx, tokenId, sim.now()).find((s) => sameAddress(s.grantee, lic.clientId));
      if (!sacd || sacd.legacy) return err(res, 400, 'failed to fetch source document from IPFS');
      const allowed = (t) => sacd.events.includes('*') || sacd.events.includes(t);
      if (!events.every((e) => allowed(e.eventType || '*'))) return err(res, 403, 'failed to evaluate cloudevents');
    }
    if (missing.length) {
      // evaluatePermissionsBits reports the missing privilege ids, whichever body named them.
      return err(res, 403, `Address ${lic.clientId} lacks permissions [${missing.join(' ')}] for asset ${asset}.`);
    }
    const iat = Math.floor(sim.now() / 1000);
    const token = sim.vehicleJwt.sign({
      asset: did(VEHICLE_NFT, tokenId),
      aud: Array.isArray(b.audience) && b.audience.length ? b.audience : ['dimo.zone'],
      cloud_events: { events: events.map((e) => ({ event_type: e.eventType ?? '*', source: e.source ?? '*', ids: e.ids ?? ['*'], tags: e.tags ?? ['*'] })) },
      contract_address: VEHICLE_NFT.toLowerCase(),
      exp: iat + VEHICLE_TOKEN_LIFETIME, iat, iss: sim.urls.vehicleIssuer,
      permissions: ids.map((i) => PRIVILEGE_NAMES[i]), privilege_ids: ids,
      sub: lic.clientId, token_id: String(tokenId),
    });
    return sendJson(res, 200, { token });
  };
}
export { CHAIN_ID };
