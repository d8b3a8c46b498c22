// Shared helpers for the Fiber-style services (token-exchange, devices, attestation, device-definitions).
import { sendText } from '../http.mjs';

/** Fiber jwtware: 400 missing/malformed, 401 invalid/expired (plain text). Returns claims or null (answered). */
export function fiberJwt(sim, issuer, r, res) {
  const h = r.headers.authorization || '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (!m) { sendText(res, 400, 'missing or malformed JWT'); return null; }
  const v = issuer.verify(m[1], Math.floor(sim.now() / 1000));
  if (!v.ok) { sendText(res, 401, 'Invalid or expired JWT'); return null; }
  return v.claims;
}

/** Parses did:erc721:<chain>:<contract>:<tokenId>. */
export function parseErc721Did(s) {
  const m = /^did:erc721:(\d+):(0x[0-9a-fA-F]{40}):(\d+)$/.exec(String(s));
  if (!m) return null;
  return { chainId: Number(m[1]), contract: m[2], tokenId: Number(m[3]) };
}
