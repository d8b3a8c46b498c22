// Login with DIMO's PROVISION_DEVELOPER_LICENSE flow in popup/embed mode (login-with-dimo SDK
// sdk/src/utils/eventHandler.ts, ProvisionDeveloperLicenseWithDimo.tsx; dimo-login's
// messageHandler.ts): the app shell at BASE/login/ (no query) posts READY to its opener/parent,
// takes AUTH_INIT {clientId, redirectUri, entryState}, asks for the action payload with
// {eventType: PROVISION_DEVELOPER_LICENSE}, receives {provisionData: {alias, domain, signerAddress,
// existingTokenId?, existingClientId?}}, lets the user pick a test user and confirm ("Create license",
// id="approve"), mints the license (POST BASE/login/provision) and answers
// {eventType: 'provisionResponse', clientId, tokenId, mode}. Without signerAddress it generates the
// key itself and adds privateKey (raw hex), like dimo-login since 2026-06. Messages go to the
// document.referrer origin only, and provisionResponse only if that origin is redirectUri's.
import { randomBytes } from 'node:crypto';
import { send, sendJson, parseJsonBody } from '../http.mjs';
import { addressFromPrivateKey, checksumAddress, isAddress, labelAddress, sameAddress } from '../eth.mjs';

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Mints a license (or reuses an owned one) and registers the signer and the redirect URI. */
export function provisionLicense(sim, { user, alias, domain, signerAddress, existingTokenId, existingClientId }) {
  let url;
  try { url = new URL(domain); } catch { return { error: 'domain must be an absolute http(s) URL' }; }
  if (!['http:', 'https:'].includes(url.protocol)) return { error: 'domain must be an absolute http(s) URL' };
  let privateKey;
  if (signerAddress === undefined || signerAddress === null || signerAddress === '') {
    privateKey = randomBytes(32).toString('hex');
    signerAddress = addressFromPrivateKey(privateKey);
  }
  if (!isAddress(signerAddress)) return { error: 'signerAddress is not an address' };
  const now = iso(sim.now());
  let lic;
  if (existingTokenId != null && existingClientId) {
    lic = sim.fx.licenses.find((l) => l.tokenId === Number(existingTokenId) && sameAddress(l.clientId, existingClientId));
    if (!lic || !sameAddress(lic.owner, user.wallet)) return { error: 'the existing license is not yours' };
  } else {
    const tokenId = Math.max(...sim.fx.licenses.map((l) => l.tokenId)) + 1;
    lic = { tokenId, clientId: labelAddress(`dimosim:${sim.seed}:provisioned ${tokenId} ${randomBytes(8).toString('hex')}`),
      alias: String(alias || `DIMO App - ${now}`), apiKey: null, owner: user.wallet, mintedAt: now, signers: [], redirectURIs: [], provisioned: true };
    sim.fx.licenses.push(lic);
  }
  if (!lic.signers.some((s) => sameAddress(s.address, signerAddress))) lic.signers.push({ address: checksumAddress(signerAddress), enabledAt: now });
  if (!lic.redirectURIs.some((u) => u.uri === domain)) lic.redirectURIs.push({ uri: domain, enabledAt: now });
  return { clientId: lic.clientId, tokenId: lic.tokenId, ...(privateKey && { privateKey }) };
}

/** Forgets provisioned licenses (reset). */
export function resetProvisioned(sim) {
  for (let i = sim.fx.licenses.length - 1; i >= 0; i--) if (sim.fx.licenses[i].provisioned) sim.fx.licenses.splice(i, 1);
}

/** POST BASE/login/provision {clientId, redirectUri, testUser, provisionData} → {clientId, tokenId[, privateKey]}. */
export function handleProvision(sim, r, res) {
  const body = parseJsonBody(r);
  if (!body.ok || typeof body.value !== 'object' || body.value === null) return sendJson(res, 400, { message: 'JSON body expected' });
  const { clientId, testUser, provisionData = {} } = body.value;
  if (!isAddress(clientId)) return sendJson(res, 400, { message: 'clientId (the calling app) is missing' });
  const user = sim.fx.users.find((u) => u.index === Number(testUser));
  if (!user) return sendJson(res, 400, { message: 'unknown test user' });
  const out = provisionLicense(sim, { user, ...provisionData, domain: provisionData.domain ?? body.value.redirectUri });
  if (out.error) return sendJson(res, 400, { message: out.error });
  return sendJson(res, 200, out);
}

/** The login app shell for popup/embed mode (BASE/login/ without clientId). */
export function renderShell(sim, res) {
  const users = sim.fx.users.map((u) => `<label><input type="radio" name="testUser" value="${u.index}"${u.index === 1 ? ' checked' : ''}> ${u.name} (${u.wallet})</label><br>`).join('');
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Login with DIMO (simulator)</title></head><body>
<h1>Login with DIMO (simulator)</h1><p id="status">Waiting for credentials…</p>
<div id="provision" hidden><h2>Create a developer license</h2><p id="summary"></p>${users}
<p><button type="button" id="approve">Create license</button></p></div>
<script>
const endpoint = ${JSON.stringify(`${sim.urls.login}/provision`)};
const target = window.opener || (window.parent !== window ? window.parent : null);
const mode = window.opener ? 'popup' : 'embed';
let parentOrigin = 'https://dimo.org';
try { parentOrigin = new URL(document.referrer).origin; } catch (e) { /* keep */ }
const state = { waiting: true };
const status = (t) => { document.getElementById('status').textContent = t; };
function post(data, expected) {
  if (!target) { status('Not opened in a popup or iframe: use URL parameters.'); return; }
  if (expected && new URL(expected).origin !== parentOrigin) { status('The opener is not the registered redirect URI: message suppressed.'); return; }
  target.postMessage(Object.assign({}, data, { mode }), parentOrigin);
}
window.addEventListener('message', (e) => {
  if (e.source !== target || !e.data) return;
  const d = e.data;
  if (d.eventType === 'AUTH_INIT' && state.waiting) {
    state.waiting = false; Object.assign(state, { clientId: d.clientId, redirectUri: d.redirectUri, entryState: d.entryState });
    if (d.entryState === 'PROVISION_DEVELOPER_LICENSE') post({ eventType: 'PROVISION_DEVELOPER_LICENSE' });
    else status('Signed-in flows use the URL parameters in this simulator.');
  } else if (d.eventType === 'PROVISION_DEVELOPER_LICENSE') {
    state.provisionData = d.provisionData || {};
    status('');
    document.getElementById('summary').textContent = 'License "' + (state.provisionData.alias || '') + '" for ' + (state.provisionData.domain || state.redirectUri);
    document.getElementById('provision').hidden = false;
  }
});
document.getElementById('approve').addEventListener('click', async () => {
  document.getElementById('approve').disabled = true;
  const testUser = Number(document.querySelector('input[name=testUser]:checked').value);
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: state.clientId, redirectUri: state.redirectUri, testUser, provisionData: state.provisionData }) });
  const out = await res.json();
  if (!res.ok) { status(out.message); post({ eventType: 'DIMO_ERROR', message: out.message }); return; }
  status('License ' + out.clientId + ' created.');
  post(Object.assign({ eventType: 'provisionResponse' }, out), state.redirectUri);
});
let tries = 0;
const ready = () => { if (state.waiting && tries++ < 6) { post({ eventType: 'READY' }); setTimeout(ready, 1000); } };
ready();
</script></body></html>`;
  return send(res, 200, html, 'text/html; charset=utf-8');
}

