// credit-tracker's public HTTP API as DIMO runs it (DIMO-Network/credit-tracker 4cc9b9a, Fiber v2.52.8, contrib
// jwt v1.1.2; FIDELITY.md has the rows). Two routes, each behind jwtAuth (the auth service's key set) and
// isExpectedUser (the JWT's `ethereum_address` must equal the path's licenseId, compared as strings):
//   GET /v1/credits/:licenseId/usage?fromDate&toDate                  -> LicenseUsageReport
//   GET /v1/credits/:licenseId/assets/:assetId/usage?fromDate&toDate  -> LicenseAssetUsageReport (with the balance)
// Credits are held per (license, asset DID). The fixtures give every license a grant of GRANT credits for each
// vehicle it has a grant for, minted 10 days before the simulator started; `POST /_control/credits` sets a
// balance. Queries do not deduct credits here (DIMO's telemetry-api deducts them over gRPC).
import { sendJson } from '../http.mjs';
import { did, hash32, VEHICLE_NFT } from '../fixtures.mjs';
import { fiberJwt } from './common.mjs';

export const GRANT = 1000;
const DAY = 86400000;
// The fixture vehicle whose balance starts low (a low-credit warning can be seen without control calls).
export const LOW_CREDIT_VEHICLE = 24558;

// app.go ErrorHandler: fiber.Error -> JSON codeResp{Message, Code} (message first).
const err = (res, code, message) => sendJson(res, code, { message, code });

// Go's time.Parse(time.RFC3339, s): returns the echo Go's JSON encoder would print (RFC3339Nano), or null.
export function parseRfc3339(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const frac = m[7] ? m[7].replace(/0+$/, '') : '';
  const zone = m[8] === '+00:00' ? 'Z' : m[8];
  return { ms, echo: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${frac === '.' ? '' : frac}${zone}` };
}

/** The ledger of one (license, vehicle): {grantMs, granted, used, usedMs} or null when the license has no grant. */
export function creditAccount(sim, licenseId, tokenId) {
  const v = sim.fx.byId.get(tokenId);
  if (!v || !sim.fx.sacds.some((s) => s.vehicleId === tokenId && s.grantee === licenseId)) return null;
  const start = sim.creditsStartMs;
  const seeded = tokenId === LOW_CREDIT_VEHICLE ? GRANT - 12 : 50 + (hash32(sim.seed, 'credits', licenseId, tokenId) % 400);
  const override = sim.creditBalances.get(`${licenseId}|${tokenId}`);
  const used = override === undefined ? seeded : GRANT - override;
  return { grantMs: start - 10 * DAY, granted: GRANT, used, usedMs: start - 2 * DAY };
}

const inRange = (ms, from, to) => ms >= from && (to === null || ms <= to);

export function creditTrackerService(sim) {
  const dates = (r, res, requireFrom) => {
    const fromRaw = r.query.get('fromDate') ?? '';
    const toRaw = r.query.get('toDate') ?? '';
    if (requireFrom && fromRaw === '') { err(res, 400, 'fromDate is required'); return null; }
    const from = parseRfc3339(fromRaw);
    if (!from) { err(res, 400, 'Invalid fromDate'); return null; }
    let to = null;
    if (toRaw !== '') {
      to = parseRfc3339(toRaw);
      if (!to) { err(res, 400, 'Invalid toDate'); return null; }
    }
    // The repository's checks fail as plain errors: the handler answers 500.
    const bad = (to && from.ms > to.ms) || from.ms > sim.now();
    return { from, to, bad };
  };
  const echo = (d) => ({ fromDate: d.from.echo, toDate: d.to ? d.to.echo : '0001-01-01T00:00:00Z' });

  const licenseUsage = (r, res, licenseId) => {
    const d = dates(r, res, true);
    if (!d) return;
    if (d.bad) return err(res, 500, 'Failed to get license usage report');
    let assets = 0;
    let used = 0;
    let grants = 0;
    for (const v of sim.fx.vehicles) {
      const a = creditAccount(sim, licenseId, v.tokenId);
      if (!a) continue;
      const to = d.to ? d.to.ms : null;
      const grantIn = inRange(a.grantMs, d.from.ms, to);
      const usedIn = inRange(a.usedMs, d.from.ms, to);
      if (grantIn) grants += 1;
      if (usedIn) used += a.used;
      if (grantIn || usedIn) assets += 1;
    }
    return sendJson(res, 200, { licenseId, ...echo(d), numOfAssets: assets, numOfCreditsGrantsPurchased: grants, numOfCreditsUsed: used });
  };

  const assetUsage = (r, res, licenseId, assetRaw) => {
    const d = dates(r, res, false);
    if (!d) return;
    let assetDid;
    try { assetDid = decodeURIComponent(assetRaw.replace(/\+/g, ' ')); } catch { return err(res, 400, 'Invalid assetDID'); }
    if (d.bad) return err(res, 500, 'Failed to get asset usage report');
    // Unknown assets are not an error: zero everywhere.
    const m = /^did:erc721:(\d+):(0x[0-9a-fA-F]{40}):(\d+)$/.exec(assetDid);
    const tokenId = m && assetDid === did(VEHICLE_NFT, Number(m[3])) ? Number(m[3]) : null;
    const a = tokenId === null ? null : creditAccount(sim, licenseId, tokenId);
    const to = d.to ? d.to.ms : null;
    return sendJson(res, 200, {
      licenseId, assetDid, ...echo(d),
      numOfCreditsUsed: a && inRange(a.usedMs, d.from.ms, to) ? a.used : 0,
      numOfCreditsGrantsPurchased: a && inRange(a.grantMs, d.from.ms, to) ? 1 : 0,
      currentCreditsRemaining: a ? a.granted - a.used : 0,
    });
  };

  return async (r, res) => {
    // Fiber defaults: case-insensitive routing, trailing slash ignored, params not unescaped.
    const raw = r.path.length > 1 ? r.path.replace(/\/+$/, '') : r.path;
    const usage = /^\/v1\/credits\/([^/]+)\/usage$/i.exec(raw);
    const asset = /^\/v1\/credits\/([^/]+)\/assets\/([^/]+)\/usage$/i.exec(raw);
    if ((usage || asset) && r.method !== 'GET' && r.method !== 'HEAD') return err(res, 405, 'Method Not Allowed');
    if (!usage && !asset) return err(res, 404, `Cannot ${r.method} ${r.path}`);
    const claims = fiberJwt(sim, sim.authJwt, r, res); // jwtAuth per route (app.go l.61-63)
    if (!claims) return;
    const licenseId = (usage || asset)[1];
    if (claims.ethereum_address !== licenseId) return err(res, 401, 'Unauthorized license does not match');
    return usage ? licenseUsage(r, res, licenseId) : assetUsage(r, res, licenseId, asset[2]);
  };
}
