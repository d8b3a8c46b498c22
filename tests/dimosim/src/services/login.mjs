// login.dimo.org imitation: choose a test user, optionally share vehicles, redirect with a user JWT.
import { send } from '../http.mjs';
import { issueAuthTokens, findLicense } from './auth.mjs';
import { permissionsHex, activeSacds } from '../fixtures.mjs';
import { sameAddress } from '../eth.mjs';
import { handleProvision, renderShell } from './provision.mjs';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (res, status, title, body) => send(res, status,
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`, 'text/html; charset=utf-8');

function permissionSet(q) {
  const tpl = q.get('permissionTemplateId');
  if (tpl) return tpl === '1' ? [1, 2, 3, 4, 5, 6] : [1, 3, 4, 5, 6];
  const bits = q.get('permissions');
  if (bits && /^[01]+$/.test(bits)) return [...bits].map((b, i) => (b === '1' ? i + 1 : 0)).filter(Boolean);
  return [];
}

export function loginService(sim) {
  return async (r, res) => {
    if (r.path === '/provision' && r.method === 'POST') return handleProvision(sim, r, res);
    if (!(r.path === '/' || r.path === '/approve') || !['GET', 'POST'].includes(r.method)) return send(res, 404, 'Not Found');
    const q = new URLSearchParams(r.query);
    if (r.method === 'POST') for (const [k, v] of new URLSearchParams(r.bodyText)) q.append(k, v);
    const clientId = q.get('clientId');
    // No parameters: the app shell that popup/embed mode opens (credentials come by postMessage).
    if (!clientId) return renderShell(sim, res);
    const lic = findLicense(sim, clientId);
    const redirectUri = q.get('redirectUri');
    if (!lic || !redirectUri || !lic.redirectURIs.some((u) => u.uri === redirectUri)) {
      return page(res, 400, 'Invalid credentials', '<p id="error">Invalid clientId or redirectUri: the developer license does not list this redirect URI.</p>');
    }
    const entryState = q.get('entryState') || 'EMAIL_INPUT';
    const share = entryState === 'VEHICLE_MANAGER';
    const userIdx = Number(q.get('testUser'));
    const user = sim.fx.users.find((u) => u.index === userIdx);
    const approve = r.path === '/approve' || q.get('autoApprove') === '1';
    if (!user || !approve) return renderChooser(sim, res, q, share);
    // approve
    const perms = permissionSet(q);
    const own = sim.fx.vehicles.filter((v) => sameAddress(v.owner, user.wallet));
    const wanted = q.getAll('vehicles').map(Number);
    const chosen = share ? own.filter((v) => (wanted.length ? wanted.includes(v.tokenId) : true)) : [];
    if (share && perms.length) {
      const exp = q.get('expirationDate') && !Number.isNaN(Date.parse(q.get('expirationDate'))) ? new Date(Date.parse(q.get('expirationDate'))) : new Date(sim.now() + 100 * 365 * 86400000);
      for (const v of chosen) {
        const active = activeSacds(sim.fx, v.tokenId, sim.now()).find((s) => sameAddress(s.grantee, lic.clientId));
        const rec = { vehicleId: v.tokenId, grantee: lic.clientId, permissions: permissionsHex(perms), source: `ipfs://bafkreisimlogin${v.tokenId}`,
          createdAt: new Date(sim.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'), expiresAt: exp.toISOString().replace(/\.\d{3}Z$/, 'Z'), dynamic: true,
          events: ['*'], legacy: false }; // a re-share writes a document with attestations (assumed)
        if (active) { sim.replacedSacds.push(active); sim.fx.sacds.splice(sim.fx.sacds.indexOf(active), 1); }
        sim.fx.sacds.push(rec);
      }
    }
    const shareEmail = q.get('shareEmail') === '1' || q.get('forceEmail') === 'true';
    const target = new URL(redirectUri);
    const tokens = issueAuthTokens(sim, lic.clientId, user.wallet);
    target.searchParams.set('token', tokens.access_token);
    target.searchParams.set('walletAddress', user.wallet);
    target.searchParams.set('email', shareEmail && user.email ? user.email : 'undefined');
    if (share) target.searchParams.set('sharedVehicles', chosen.map((v) => v.tokenId).join(','));
    const utm = q.get('utm');
    if (utm) for (const [k, v] of new URLSearchParams(utm)) target.searchParams.set(k, v);
    return send(res, 302, '', 'text/html; charset=utf-8', { Location: target.toString() });
  };
}

function renderChooser(sim, res, q, share) {
  const hidden = [...q].filter(([k]) => !['testUser', 'autoApprove', 'shareEmail'].includes(k))
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
  const users = sim.fx.users.map((u) => `<label><input type="radio" name="testUser" value="${u.index}"${u.index === 1 ? ' checked' : ''}> ${esc(u.name)} (${u.wallet}${u.email ? ', ' + esc(u.email) : ''})</label><br>`).join('');
  const vehicles = share ? '<h2>Share vehicles</h2><p>All vehicles of the chosen user are shared unless <code>vehicles</code> restricts them.</p>' : '';
  return page(res, 200, 'Login with DIMO (simulator)', `<form method="post" action="${esc(sim.urls.login)}/approve">${hidden}<h2>Choose a test user</h2>${users}
<label><input type="checkbox" name="shareEmail" value="1"> Share my email</label>${vehicles}<p><button type="submit" id="approve">Continue</button></p></form>`);
}
