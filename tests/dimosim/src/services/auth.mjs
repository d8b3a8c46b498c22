// auth.dimo.zone (Dex fork): web3 challenge, JWKS, OIDC discovery, developer/user JWT minting.
import { randomBytes, createHash } from 'node:crypto';
import { send, sendJson, parseFormOrQuery, parseForm } from '../http.mjs';
import { checksumAddress, isAddress, sameAddress, recoverPersonal } from '../eth.mjs';
import { dexSubject } from '../jwt.mjs';

export const TOKEN_LIFETIME = 14 * 86400;
const STATE_LIFETIME_MS = 24 * 3600 * 1000;
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const randomFrom = (alphabet, n) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');
const rfc3339 = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const htmlError = (res, status, text) => send(res, status,
  `<!DOCTYPE html><html><head><title>dex</title></head><body><div class="theme-panel"><h2 class="theme-heading">Bad Request</h2><p>${text.replace(/</g, '&lt;')}</p></div></body></html>`,
  'text/html; charset=utf-8');
const authErr = (res, message) => sendJson(res, 400, { status: 400, message });

export function findLicense(sim, clientId) {
  return sim.fx.licenses.find((l) => sameAddress(l.clientId, clientId));
}
export function findUser(sim, wallet) {
  return sim.fx.users.find((u) => sameAddress(u.wallet, wallet));
}

/** Mints the Dex token response for `address` authenticated to `clientId`. */
export function issueAuthTokens(sim, clientId, address) {
  const iat = Math.floor(sim.now() / 1000);
  const addr = checksumAddress(address);
  const claims = { iss: sim.urls.auth, provider_id: 'web3', sub: dexSubject(addr), aud: checksumAddress(clientId),
    exp: iat + TOKEN_LIFETIME, iat, email_verified: false, ethereum_address: addr };
  const access = sim.authJwt.sign(claims);
  const half = (s) => createHash('sha256').update(s).digest().subarray(0, 16).toString('base64url');
  const id = sim.authJwt.sign({ ...claims, at_hash: half(access), c_hash: half(randomBytes(16).toString('hex')) });
  return { access_token: access, token_type: 'bearer', expires_in: TOKEN_LIFETIME - 1, id_token: id };
}

function signatureAccepted(sim, message, signature, address) {
  const rec = recoverPersonal(message, signature);
  if (!rec) return false;
  if (sameAddress(rec.address, address)) return true; // EOA login
  // ERC-1271 path: license account / smart wallet accepts enabled signers (v 27/28, low-s only)
  if (!(rec.v === 27 || rec.v === 28) || !rec.lowS) return false;
  const lic = findLicense(sim, address);
  if (lic) return lic.signers.some((s) => sameAddress(s.address, rec.address));
  const user = findUser(sim, address);
  return !!user && sameAddress(user.signer, rec.address);
}

export function authService(sim) {
  return async (r, res) => {
    if (r.path === '/keys' && r.method === 'GET') return sendJson(res, 200, { keys: [sim.authJwt.jwk()] });
    if (r.path === '/.well-known/openid-configuration' && r.method === 'GET') {
      const iss = sim.urls.auth;
      return sendJson(res, 200, { issuer: iss, authorization_endpoint: `${iss}/auth`, token_endpoint: `${iss}/token`,
        jwks_uri: `${iss}/keys`, userinfo_endpoint: `${iss}/userinfo`, response_types_supported: ['code'],
        subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'email', 'groups', 'profile', 'offline_access'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        claims_supported: ['iss', 'sub', 'aud', 'iat', 'exp', 'email', 'email_verified', 'locale', 'name', 'preferred_username', 'at_hash'] });
    }
    if (r.path === '/auth/web3/generate_challenge' && r.method === 'POST') return generate(sim, r, res);
    if (r.path === '/auth/web3/submit_challenge' && r.method === 'POST') return submit(sim, r, res);
    return send(res, 404, '404 page not found\n');
  };
}

function generate(sim, r, res) {
  const f = parseFormOrQuery(r);
  const clientId = f.get('client_id');
  const domain = f.get('domain');
  const address = f.get('address');
  if (!clientId || !domain || !f.get('scope') || !f.get('response_type')) return authErr(res, "Couldn't parse parameters.");
  if (!isAddress(address)) return authErr(res, 'Invalid Ethereum address.');
  const lic = findLicense(sim, clientId);
  if (!lic) return htmlError(res, 404, `Invalid client_id ("${clientId}").`);
  if (!lic.redirectURIs.some((u) => u.uri === domain)) return htmlError(res, 400, `Unregistered redirect_uri ("${domain}").`);
  const redirectErr = (error, desc) => {
    const u = new URL(domain);
    u.searchParams.set('error', error); u.searchParams.set('error_description', desc);
    return send(res, 303, '', 'text/html; charset=utf-8', { Location: u.toString() });
  };
  if (f.get('response_type') !== 'code') return redirectErr('unsupported_response_type', `Unsupported response type "${f.get('response_type')}"`);
  const scopes = f.get('scope').split(/\s+/);
  if (!scopes.includes('openid')) return redirectErr('invalid_scope', 'Missing required scope(s) ["openid"].');
  const authHost = new URL(sim.urls.auth).host;
  let domainHost = domain;
  try { domainHost = new URL(domain).hostname; } catch { /* keep as is */ }
  const challenge = [`${authHost} wants you to sign in with your Ethereum account:`, checksumAddress(address), '',
    `${domainHost} is asking you sign in.`, '', `URI: ${sim.urls.auth}`, 'Version: 1', 'Chain ID: 1',
    `Nonce: ${randomFrom(ALNUM, 30)}`, `Issued At: ${rfc3339(sim.now())}`].join('\n');
  const state = randomFrom('abcdefghijklmnopqrstuvwxyz', 1) + randomFrom(B32, 24);
  sim.challenges.set(state, { clientId: lic.clientId, domain, address: checksumAddress(address), challenge,
    created: sim.now(), email: scopes.includes('email') });
  return send(res, 200, JSON.stringify({ state, challenge }), 'application/json');
}

function submit(sim, r, res) {
  const f = parseForm(r);
  const state = f.get('state');
  const pending = state ? sim.challenges.get(state) : undefined;
  if (!pending) return authErr(res, 'Requested resource does not exist.');
  if (sim.now() - pending.created > STATE_LIFETIME_MS) {
    sim.challenges.delete(state);
    return authErr(res, 'User session has expired.');
  }
  if (!signatureAccepted(sim, pending.challenge, f.get('signature'), pending.address)) return authErr(res, 'Could not verify signature.');
  sim.challenges.delete(state); // single use
  const clientId = f.get('client_id');
  if (!findLicense(sim, clientId)) return sendJson(res, 401, { error: 'invalid_client', error_description: 'Invalid client credentials.' });
  if (f.get('grant_type') !== 'authorization_code') return sendJson(res, 400, { error: 'unsupported_grant_type' });
  if (!sameAddress(clientId, pending.clientId)) return sendJson(res, 500, { error: 'server_error' });
  if (f.get('domain') !== pending.domain) {
    return sendJson(res, 400, { error: 'invalid_request', error_description: 'redirect_uri did not match URI from initial request.' });
  }
  return sendJson(res, 200, issueAuthTokens(sim, pending.clientId, pending.address), { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}
