// tesla-oracle as DIMO runs it (DIMO-Network/tesla-oracle 8e7e444, internal/app/app.go; Fiber v2.52.12;
// FIDELITY.md has the sources): Fiber's middleware chain in front of POST /v1/commands/:tokenID and
// GET /v1/:vehicleTokenId/status, in two modes (`--tesla-oracle`, `POST /_control/tesla-oracle`):
//   as-intended — what app.go's comment intends: /v1/commands/* behind privilegeAuth only (a vehicle JWT).
//   as-deployed — what Fiber does with app.go as written: `app.Group("/v1", jwtAuth, walletMdw)` is Use
//                 middleware on the "/v1" prefix, so /v1/commands/* first needs a JWT of the auth service's
//                 key set with an `ethereum_address` claim; a vehicle JWT fails there (401 "Invalid or
//                 expired JWT"), and any other JWT fails privilegeAuth next: every command is refused.
import { sendJson, parseJsonBody } from '../http.mjs';
import { checksumAddress, sameAddress } from '../eth.mjs';
import { VEHICLE_NFT } from '../fixtures.mjs';
import { fiberJwt } from './common.mjs';
import { applyCommand } from '../commands.mjs';

export const TESLA_ORACLE_MODES = ['as-intended', 'as-deployed'];
// internal/core/commands.go at 8e7e444: the six commands main supports, in GetSupportedCommandsList's order.
export const SUPPORTED_COMMANDS = ['frunk/open', 'trunk/open', 'doors/lock', 'doors/unlock', 'charge/start', 'charge/stop'];

// internal/service/tesla_decision.go: what GET /v1/:id/status answers per action (control: /_control/tesla-status).
const STATUS_MESSAGES = {
  telemetry_configured: 'Telemetry configuration already set, no need to call /start endpoint',
  set_telemetry_config: 'Vehicle ready to start data flow. Call start data flow endpoint',
  open_tesla_deeplink: 'Virtual key not paired. Open Tesla app deeplink for pairing.',
  update_firmware: 'Firmware too old. Please update to 2025.20 or higher.',
  prompt_toggle: 'Streaming toggle disabled. Prompt user to enable it.',
  missing_scopes: 'Authentication required. User must log in again through Tesla.',
  login_required: 'Refresh token has expired. User must re-authenticate through Tesla.',
};
export const TESLA_STATUS_ACTIONS = Object.keys(STATUS_MESSAGES);

export function teslaStatusAnswer(tokenId, action) {
  const next = action === 'set_telemetry_config' ? { method: 'POST', endpoint: `/v1/telemetry/${tokenId}/start` } : null;
  return { action, message: STATUS_MESSAGES[action], next };
}

// The app's ErrorHandler (app.go ErrorHandler): every fiber.Error becomes JSON {code, message}.
const err = (res, code, message) => sendJson(res, code, { code, message });

export function teslaOracleService(sim) {
  let nextJobId = 1;

  // jwtAuth (auth service key set) + walletMdw (helpers/handlers.go: "Missing claim ethereum_address.").
  const walletJwt = (r, res) => {
    const claims = fiberJwt(sim, sim.authJwt, r, res);
    if (!claims) return null;
    if (claims.ethereum_address === undefined) { err(res, 401, 'Missing claim ethereum_address.'); return null; }
    if (!/^(0x)?[0-9a-fA-F]{40}$/.test(String(claims.ethereum_address))) {
      err(res, 401, 'Claim ethereum_address is not a valid Ethereum address.');
      return null;
    }
    return claims;
  };

  const submit = (r, res, tokenIdParam, claims) => {
    const rec = (status, body, command) => sim.commandAttempts.push({ service: 'teslaOracle', tokenIdParam, command: command ?? null,
      status, commandId: body.commandId ?? null, message: body.message, time: new Date(sim.now()).toISOString() });
    const fail = (code, message, command) => { rec(code, { message }, command); return err(res, code, message); };
    // privilegetoken.OneOf (DIMO-Network/shared v1.0.7): path token id, vehicle contract, privilege 2 — before the handler
    if (String(claims.token_id) !== tokenIdParam) return fail(401, 'Unauthorized! Wrong device token provided');
    if (!sameAddress(claims.contract_address, VEHICLE_NFT)) {
      return fail(401, `Provided token is for the wrong contract: ${checksumAddress(String(claims.contract_address))}`);
    }
    if (!Array.isArray(claims.privilege_ids) || !claims.privilege_ids.includes(2)) return fail(401, 'Unauthorized! Token does not contain required privileges');
    // SubmitCommand: only reachable with a JWT whose token_id is not an int64 (never issued here)
    if (!/^\d{1,18}$/.test(tokenIdParam)) return fail(400, 'Invalid vehicle token ID format.');
    // Fiber's BodyParser needs a JSON content type; anything else fails like a bad body
    const json = (r.headers['content-type'] || '').toLowerCase().startsWith('application/json');
    const body = parseJsonBody(r);
    if (!json || !body.ok || !body.value || typeof body.value !== 'object' || Array.isArray(body.value)
      || (body.value.command !== undefined && typeof body.value.command !== 'string')) return fail(400, 'Failed to parse request body');
    const command = body.value.command ?? '';
    if (command === '') return fail(400, 'bad request: command field is required', command);
    if (!SUPPORTED_COMMANDS.includes(command)) {
      return fail(400, `unsupported command: command '${command}' is not supported. Supported commands: ${SUPPORTED_COMMANDS.join(', ')}`, command);
    }
    const v = sim.fx.byId.get(Number(tokenIdParam));
    const sd = teslaDevice(sim, v);
    if (!sd) return fail(404, 'synthetic device not found: vehicle not found', command);
    if (sd.subscription === 'inactive') return fail(403, 'vehicle subscription is not active', command);
    const commandId = String(nextJobId++);
    const answer = { commandId, status: 'pending', message: 'Command submitted successfully and queued for execution' };
    applyCommand(sim, v, command, { service: 'teslaOracle', id: commandId });
    rec(200, answer, command);
    return sendJson(res, 200, answer);
  };

  // GetStatus: no ownership check (the wallet is not used), Tesla synthetic device required.
  const status = (res, idParam) => {
    if (!/^-?\d{1,18}$/.test(idParam)) return err(res, 400, 'Invalid vehicle token ID format.');
    const v = sim.fx.byId.get(Number(idParam));
    const sd = teslaDevice(sim, v);
    if (!sd) return err(res, 404, 'synthetic device not found: vehicle not found');
    return sendJson(res, 200, teslaStatusAnswer(v.tokenId, sim.teslaStatus.get(v.tokenId) || sd.teslaStatus || 'telemetry_configured'));
  };

  return async (r, res) => {
    // Fiber defaults: case-insensitive, trailing slash ignored; Use middleware matches by strings.HasPrefix.
    let path = r.path.toLowerCase();
    if (path.length > 1) path = path.replace(/\/+$/, '');
    const raw = r.path.length > 1 ? r.path.replace(/\/+$/, '') : r.path;
    const commandsPrefix = path.startsWith('/v1/commands');
    if (path.startsWith('/v1') && (sim.teslaOracleMode === 'as-deployed' || !commandsPrefix)) {
      if (!walletJwt(r, res)) return;
    }
    let vehicleClaims = null;
    if (commandsPrefix) { // app.Group("/v1/commands", privilegeAuth): token exchange key set
      vehicleClaims = fiberJwt(sim, sim.vehicleJwt, r, res);
      if (!vehicleClaims) return;
    }
    const cmd = /^\/v1\/commands\/([^/]+)$/i.exec(raw);
    const st = /^\/v1\/([^/]+)\/status$/i.exec(raw);
    if (cmd && r.method === 'POST') return submit(r, res, cmd[1], vehicleClaims); // Fiber v2 params are not unescaped
    if (st && r.method === 'GET') return status(res, st[1]);
    if (path === '/health' && r.method === 'GET') return sendJson(res, 200, { data: 'Server is up and running' });
    if (cmd || st) return err(res, 405, 'Method Not Allowed'); // the route exists for another method
    return err(res, 404, `Cannot ${r.method} ${r.path}`);
  };
}

function teslaDevice(sim, v) {
  const sd = v && sim.fx.syntheticDevices.find((d) => d.tokenId === v.syntheticDeviceId);
  return sd && sd.connection === 'Tesla' ? sd : null;
}
