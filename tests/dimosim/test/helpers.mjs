// Shared test helpers: developer JWT flow, token exchange, GraphQL posts.
import { personalSign } from '../src/eth.mjs';

export const TEST_VECTOR_KEY = '245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc';
export const form = (o) => new URLSearchParams(o).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export async function challenge(sim, { clientId, domain, address = clientId }) {
  const res = await fetch(sim.url('auth', '/auth/web3/generate_challenge?' + form({ client_id: clientId, domain, scope: 'openid email', response_type: 'code', address })), { method: 'POST' });
  return { status: res.status, body: await res.json() };
}
export async function submit(sim, fields) {
  const res = await fetch(sim.url('auth', '/auth/web3/submit_challenge'), { method: 'POST', headers: FORM, body: form(fields) });
  return { status: res.status, body: await res.json() };
}
export async function developerJwt(sim, { clientId, apiKey, domain } = {}) {
  const c = sim.testCredentials;
  clientId ??= c.clientId; apiKey ??= c.apiKey; domain ??= c.redirectUri;
  const ch = await challenge(sim, { clientId, domain });
  const sub = await submit(sim, { client_id: clientId, domain, grant_type: 'authorization_code', state: ch.body.state, signature: personalSign(ch.body.challenge, apiKey) });
  if (sub.status !== 200) throw new Error('developer JWT failed: ' + JSON.stringify(sub.body));
  return sub.body.access_token;
}
export async function exchange(sim, devJwt, body) {
  const res = await fetch(sim.url('tokenExchange', '/v1/tokens/exchange'), { method: 'POST', headers: { authorization: `Bearer ${devJwt}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* plain text */ }
  return { status: res.status, body: json, text };
}
export async function gql(sim, service, query, variables, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(sim.url(service, '/query'), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not json */ }
  return { status: res.status, body: json, text };
}
export const claimsOf = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
